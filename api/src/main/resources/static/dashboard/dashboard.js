// The supervisor dashboard, read-only: the account's campaigns with their live counters, read again every few
// seconds from the API with an API credential (kept in this page only, never stored).
'use strict';

const REFRESH_MS = 3000;
const DROP_LIMIT = 0.03;

const $ = (id) => document.getElementById(id);

let authorization = null;
let asOf = null;
let refreshTimer = null;

async function api(path) {
  let response;
  try {
    response = await fetch(path, {
      headers: { Accept: 'application/json', Authorization: authorization },
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (e) {
    throw new Error('The service cannot be reached; the figures shown may be old.');
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = null;
  }
  if (!response.ok) {
    const error = new Error((json && (json.detail || json.title)) || `The service answered ${response.status}.`);
    error.status = response.status;
    throw error;
  }
  return json;
}

function showError(message, focus) {
  const box = $('error');
  box.textContent = message || '';
  box.hidden = !message;
  if (message && focus) box.focus();
}

function cell(text, className) {
  const td = document.createElement('td');
  if (className) td.className = className;
  td.textContent = text;
  return td;
}

function percent(rate) {
  return `${(rate * 100).toFixed(1)} %`;
}

function row(campaign, stats) {
  const tr = document.createElement('tr');
  tr.id = `campaign-${campaign.id}`;
  const name = document.createElement('th');
  name.scope = 'row';
  name.textContent = `${campaign.id} · ${campaign.name}`;
  tr.append(name, cell(campaign.status, `status status-${campaign.status}`));

  const progress = document.createElement('td');
  progress.className = 'progress';
  if (stats) {
    const bar = document.createElement('progress');
    bar.max = Math.max(stats.total, 1);
    bar.value = stats.dialed;
    bar.setAttribute('aria-label', `${stats.dialed} of ${stats.total} numbers dialled`);
    const figures = document.createElement('span');
    figures.className = 'dialed';
    figures.textContent = ` ${stats.dialed} / ${stats.total}`;
    progress.append(bar, figures);
  }
  tr.append(progress);
  const counts = stats || {};
  ['live', 'machine', 'noanswer', 'busy', 'abandoned'].forEach((field) => {
    tr.append(cell(stats ? String(counts[field]) : '–', `number ${field}`));
  });
  const rate = stats && stats.dropRate !== null && stats.dropRate !== undefined ? Number(stats.dropRate) : null;
  let rateClass = 'number drop-rate';
  if (rate !== null && rate > DROP_LIMIT) rateClass += ' over-limit';
  else if (rate !== null && rate > DROP_LIMIT * 0.8) rateClass += ' near-limit';
  tr.append(cell(rate === null ? '–' : percent(rate) + (rate > DROP_LIMIT ? ' over the limit' : ''), rateClass));
  const agents = stats && stats.agents;
  tr.append(cell(agents ? `${agents.ready} / ${agents.onCall} / ${agents.loggedIn}` : '–', 'agents'));
  return tr;
}

async function refresh() {
  try {
    const page = await api('/api/campaigns?size=100');
    const campaigns = (page && page.content) || [];
    const stats = await Promise.all(campaigns.map((c) => api(`/api/campaigns/${c.id}/stats`).catch(() => null)));
    $('rows').replaceChildren(...campaigns.map((c, i) => row(c, stats[i])));
    $('empty').hidden = campaigns.length > 0;
    asOf = new Date();
    $('as-of').textContent = asOf.toLocaleTimeString();
    $('as-of').dateTime = asOf.toISOString();
    tickAge();
    showError('');
  } catch (e) {
    if (e.status === 401) {
      signOut(e.message);
      return;
    }
    showError(e.message, false);
  }
  refreshTimer = setTimeout(refresh, REFRESH_MS);
}

function tickAge() {
  if (asOf) $('age').textContent = `${Math.round((Date.now() - asOf.getTime()) / 1000)} s`;
}

function signOut(message) {
  clearTimeout(refreshTimer);
  authorization = null;
  $('campaigns').hidden = true;
  $('who').hidden = true;
  $('sign-in').hidden = false;
  showError(message, true);
}

async function signIn(form) {
  const data = new FormData(form);
  const login = String(data.get('login'));
  authorization = `Basic ${btoa(unescape(encodeURIComponent(`${login}:${data.get('secret')}`)))}`;
  await api('/api/campaigns?size=1');
  $('credential-secret').value = '';
  $('signed-in-as').textContent = login;
  $('who').hidden = false;
  $('sign-in').hidden = true;
  $('campaigns').hidden = false;
  $('campaigns-title').focus();
  await refresh();
}

document.addEventListener('DOMContentLoaded', () => {
  $('sign-in-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = event.submitter;
    if (button) button.disabled = true;
    showError('');
    try {
      await signIn(event.target);
    } catch (e) {
      authorization = null;
      showError(e.message, true);
    } finally {
      if (button) button.disabled = false;
    }
  });
  setInterval(tickAge, 1000);
  $('sign-in').hidden = false;
  $('sign-in-title').focus();
});

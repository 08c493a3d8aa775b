// The supervisor dashboard: signed in with an API credential (a session cookie for the dashboard's paths only, CSRF
// token on every change). One stream of server-sent events per page pushes what moved: the account's campaigns with
// their figures, the details of the campaign open, and for ADMIN the operations view.
'use strict';

const DROP_LIMIT = 0.03;
// A stream the service refused or ended for good is opened again after this (EventSource retries the others itself).
const RECONNECT_MS = 3000;
// This page's name for its stream: opening another campaign's details replaces the page's stream, not adds one.
const PAGE_ID = Array.from({ length: 4 }, () => Math.random().toString(36).slice(2, 8)).join('');
// Time in state that warns (amber) and alarms (red), in seconds, by state.
const STATE_LIMITS = {
  READY: [60, 300],
  CALLBACK_SENT: [60, 300],
  ON_CALL: [300, 900],
  WRAP_UP: [300, 900],
};

const $ = (id) => document.getElementById(id);

let csrf = null;
let admin = false;
let events = null;
let readAt = null;
let detailId = null;
let reconnectTimer = null;
let agentsShown = [];

async function call(path, options = {}) {
  const headers = { Accept: 'application/json', ...(options.headers || {}) };
  const method = options.method || 'GET';
  if (method !== 'GET' && csrf) headers[csrf.header] = csrf.token;
  let response;
  try {
    response = await fetch(path, { method, headers, body: options.body, credentials: 'same-origin', cache: 'no-store' });
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

function post(path, body) {
  return call(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body || {}) });
}

function showError(message, focus) {
  const box = $('error');
  box.textContent = message || '';
  box.hidden = !message;
  if (message && focus) box.focus();
}

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function button(text, onClick, className) {
  const b = el('button', text, className);
  b.type = 'button';
  b.addEventListener('click', async () => {
    b.disabled = true;
    try {
      await onClick();
      showError('');
    } catch (e) {
      if (e.status === 401) return signedOut(e.message);
      showError(e.message, true);
    } finally {
      b.disabled = false;
    }
  });
  return b;
}

function percent(rate) {
  return `${(rate * 100).toFixed(1)} %`;
}

function duration(seconds) {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

// The views were read at this instant (or later): a push of any of them says so for all.
function readBy(instant) {
  if (!readAt || new Date(instant) > new Date(readAt)) readAt = instant;
}

function ageOf(instant) {
  return (Date.now() - new Date(instant).getTime()) / 1000;
}

// ---- Session ----

async function loadSession() {
  const session = await call('/dashboard/session');
  csrf = { header: session.csrfHeader, token: session.csrfToken };
  return session;
}

async function signIn(form) {
  const data = new FormData(form);
  const body = new URLSearchParams({ login: String(data.get('login')), secret: String(data.get('secret')) });
  await call('/dashboard/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body,
  });
  $('credential-secret').value = '';
  // Signing in gives the session a new id and a new CSRF token.
  signedIn(await loadSession());
}

function signedIn(session) {
  admin = session.admin;
  $('signed-in-as').textContent = session.login;
  $('role').textContent = admin ? '(ADMIN)' : '';
  $('who').hidden = false;
  $('sign-in').hidden = true;
  $('campaigns').hidden = false;
  $('campaigns-title').focus();
  $('operations').hidden = !admin;
  listen();
}

function signedOut(message) {
  if (events) events.close();
  events = null;
  clearTimeout(reconnectTimer);
  detailId = null;
  ['campaigns', 'detail', 'operations', 'who'].forEach((id) => { $(id).hidden = true; });
  $('sign-in').hidden = false;
  showError(message, Boolean(message));
  if (!message) $('sign-in-title').focus();
  loadSession().catch(() => {});
}

async function signOut() {
  await call('/dashboard/session/end', { method: 'POST' });
  signedOut('');
}

// ---- Live figures ----

// (Re)opens the page's stream: the figures, and the details of the campaign open if any.
function listen() {
  clearTimeout(reconnectTimer);
  if (events) events.close();
  const query = new URLSearchParams({ page: PAGE_ID });
  if (detailId !== null) query.set('campaign', String(detailId));
  const stream = new EventSource(`/dashboard/events?${query}`);
  events = stream;
  stream.addEventListener('figures', (event) => {
    const snapshot = JSON.parse(event.data);
    readAt = snapshot.readAt;
    showCampaigns(snapshot.campaigns);
    $('live-state').textContent = 'live';
    tick();
  });
  stream.addEventListener('checked', (event) => {
    readAt = JSON.parse(event.data).readAt;
    $('live-state').textContent = 'live';
    tick();
  });
  stream.addEventListener('details', (event) => {
    const details = JSON.parse(event.data);
    if (details.campaignId !== detailId) return;
    readBy(details.readAt);
    showDetails(details);
    tick();
  });
  stream.addEventListener('operations', (event) => {
    const pushed = JSON.parse(event.data);
    readBy(pushed.changedAt);
    showOperations(pushed.view, pushed.changedAt);
    tick();
  });
  stream.onerror = async () => {
    if (stream !== events) return;
    $('live-state').textContent = 'reconnecting…';
    // The stream ends with the session: find out whether it still stands.
    try {
      const session = await call('/dashboard/session');
      if (!session.signedIn) return signedOut('The session has ended: sign in again.');
    } catch (e) {
      // The service is out of reach: keep trying.
    }
    // EventSource retries a stream that dropped by itself, not one the service refused (a 429, a 5xx): open it again.
    if (stream === events && stream.readyState === EventSource.CLOSED) {
      clearTimeout(reconnectTimer);
      reconnectTimer = setTimeout(listen, RECONNECT_MS);
    }
  };
}

function cell(text, className) {
  return el('td', text, className);
}

function campaignRow(c) {
  const s = c.stats;
  const tr = el('tr');
  tr.id = `campaign-${c.id}`;
  const name = el('th', `${c.id} · ${c.name}`, 'name');
  name.scope = 'row';
  tr.append(name, cell(c.status, `status status-${c.status}`));

  const progress = cell('', 'progress');
  const bar = el('progress');
  bar.max = Math.max(s.total, 1);
  bar.value = s.dialed;
  bar.setAttribute('aria-label', `${s.dialed} of ${s.total} numbers dialled`);
  progress.append(bar, el('span', ` ${s.dialed} / ${s.total}`, 'dialed'));
  tr.append(progress);
  ['live', 'machine', 'noanswer', 'busy', 'abandoned'].forEach((field) => tr.append(cell(String(s[field]), `number ${field}`)));

  const rate = c.dropRate === null || c.dropRate === undefined ? null : Number(c.dropRate);
  let rateClass = 'number drop-rate';
  if (rate !== null && rate > DROP_LIMIT) rateClass += ' over-limit';
  else if (rate !== null && rate > DROP_LIMIT * 0.8) rateClass += ' near-limit';
  tr.append(cell(rate === null ? '–' : percent(rate) + (rate > DROP_LIMIT ? ' over the limit' : ''), rateClass));
  tr.append(cell(`${c.agents.ready} / ${c.agents.onCall} / ${c.agents.loggedIn}`, 'agents'));
  const changed = cell('', 'changed');
  const time = el('time', '', 'data-age');
  time.dateTime = c.changedAt;
  changed.append(time);
  tr.append(changed);

  const actions = cell('', 'actions');
  if (c.status === 'RUNNING') {
    actions.append(button('Stop', () => control(c.id, 'STOP'), 'secondary stop'));
  } else if (c.status === 'STOPPED' || c.status === 'SETUP') {
    actions.append(button('Start', () => control(c.id, 'START'), 'start'));
  }
  const details = button('Details', () => openDetail(c), 'secondary details');
  details.setAttribute('aria-label', `Details of campaign ${c.id}`);
  actions.append(details);
  tr.append(actions);
  return tr;
}

function showCampaigns(campaigns) {
  const focused = document.activeElement;
  const focusKey = focused && focused.closest && focused.closest('tr') ? [focused.closest('tr').id, focused.className] : null;
  // A row whose figures did not move stays as it is (and keeps its focus and hover).
  $('rows').replaceChildren(...campaigns.map((c) => {
    const key = JSON.stringify(c);
    const shown = $(`campaign-${c.id}`);
    if (shown && shown.dataset.figures === key) return shown;
    const row = campaignRow(c);
    row.dataset.figures = key;
    return row;
  }));
  $('empty').hidden = campaigns.length > 0;
  // Keep the keyboard where it was when a push redraws the table.
  if (focusKey) {
    const row = $(focusKey[0]);
    const again = row && [...row.querySelectorAll('button')].find((b) => b.className === focusKey[1]);
    if (again) again.focus();
  }
  const open = campaigns.find((c) => c.id === detailId);
  if (open) $('detail-title').textContent = `Campaign ${open.id} · ${open.name}`;
}

async function control(id, command) {
  await post(`/dashboard/campaigns/${id}/control`, { command });
}

function tick() {
  if (readAt) {
    $('age').textContent = duration(ageOf(readAt));
    $('as-of').textContent = new Date(readAt).toLocaleTimeString();
    $('as-of').dateTime = readAt;
  }
  document.querySelectorAll('time.data-age').forEach((t) => {
    if (t.dateTime) t.textContent = `${duration(ageOf(t.dateTime))} ago`;
  });
  document.querySelectorAll('output.read-age').forEach((o) => {
    if (readAt) o.textContent = duration(ageOf(readAt));
  });
  showAgentTimes();
}

// ---- One campaign ----

function openDetail(c) {
  if (detailId !== c.id) {
    agentsShown = [];
    showAgents();
    $('calls-chart').replaceChildren();
    $('timeline').replaceChildren();
    $('detail-changed').removeAttribute('datetime');
    $('detail-changed').textContent = '–';
  }
  detailId = c.id;
  $('detail-title').textContent = `Campaign ${c.id} · ${c.name}`;
  $('as-of-result').hidden = true;
  $('detail').hidden = false;
  $('detail-title').focus();
  // The page's stream now carries this campaign's details too.
  listen();
}

function closeDetail() {
  const id = detailId;
  detailId = null;
  $('detail').hidden = true;
  listen();
  const back = id && document.querySelector(`#campaign-${id} .details`);
  if (back) back.focus();
}

function showDetails(details) {
  agentsShown = details.agents;
  showAgents();
  showCallsPerHour(details.callsPerHour);
  showTimeline(details.timeline);
  $('detail-changed').dateTime = details.changedAt;
}

function showAgents() {
  $('agent-rows').replaceChildren(...agentsShown.map((a) => {
    const tr = el('tr');
    tr.id = `agent-${a.sessionId}`;
    const th = el('th', String(a.sessionId));
    th.scope = 'row';
    const time = el('td', '', 'time-in-state');
    time.dataset.since = a.since;
    time.dataset.state = a.state;
    tr.append(th, cell(a.userId || a.phoneNumber || '–'), cell(a.state, 'state'), time);
    return tr;
  }));
  $('no-agents').hidden = agentsShown.length > 0;
  showAgentTimes();
}

function showAgentTimes() {
  document.querySelectorAll('td.time-in-state').forEach((td) => {
    const seconds = ageOf(td.dataset.since);
    const [warn, alarm] = STATE_LIMITS[td.dataset.state] || [Infinity, Infinity];
    td.textContent = duration(seconds) + (seconds > alarm ? ' (long)' : '');
    td.classList.toggle('warn', seconds > warn && seconds <= alarm);
    td.classList.toggle('alarm', seconds > alarm);
  });
}

function showCallsPerHour(counts) {
  const byHour = new Map();
  counts.filter((c) => c.kind === 'CALL_RESULT').forEach((c) => {
    const hour = new Date(c.hour).getTime();
    byHour.set(hour, (byHour.get(hour) || 0) + c.count);
  });
  const chart = $('calls-chart');
  if (byHour.size === 0) {
    chart.replaceChildren(el('p', 'No calls in the last 24 hours.'));
    return;
  }
  // The last 24 hours, one bar each, empty hours included.
  const thisHour = Math.floor(Date.now() / 3600000) * 3600000;
  const hours = Array.from({ length: 24 }, (_, i) => thisHour - (23 - i) * 3600000);
  const max = Math.max(...byHour.values());
  const ns = 'http://www.w3.org/2000/svg';
  const barWidth = 24;
  const height = 100;
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${hours.length * (barWidth + 4) + 4} ${height + 30}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `Calls per hour: ${[...byHour.entries()]
    .map(([h, n]) => `${new Date(h).getHours()}:00 ${n}`).join(', ')}`);
  const attributes = (node, values) => Object.entries(values).forEach(([k, v]) => node.setAttribute(k, v));
  hours.forEach((hour, i) => {
    const n = byHour.get(hour) || 0;
    const x = 4 + i * (barWidth + 4);
    const h = n === 0 ? 0 : Math.max(2, (n / max) * height);
    const rect = document.createElementNS(ns, 'rect');
    attributes(rect, { x, y: height - h + 12, width: barWidth, height: h, class: 'bar' });
    svg.append(rect);
    if (n > 0) {
      const value = document.createElementNS(ns, 'text');
      attributes(value, { x: x + barWidth / 2, y: height - h + 9, 'text-anchor': 'middle' });
      value.textContent = String(n);
      svg.append(value);
    }
    if (i % 3 === 2) {
      const label = document.createElementNS(ns, 'text');
      attributes(label, { x: x + barWidth / 2, y: height + 26, 'text-anchor': 'middle' });
      label.textContent = `${String(new Date(hour).getHours()).padStart(2, '0')}h`;
      svg.append(label);
    }
  });
  chart.replaceChildren(svg);
}

function showTimeline(entries) {
  $('timeline').replaceChildren(...entries.slice().reverse().map((e) => {
    const li = el('li');
    const when = el('time', new Date(e.timestamp).toLocaleString());
    when.dateTime = e.timestamp;
    li.append(when, el('strong', ` ${e.type}`), el('span', ` by ${e.actor || '–'}`, 'hint'));
    if (e.changes && e.changes.length) {
      const changes = el('ul', null, 'changes');
      e.changes.forEach((c) => {
        changes.append(el('li', `${c.field}: ${JSON.stringify(c.oldValue)} → ${JSON.stringify(c.newValue)}`));
      });
      li.append(changes);
    }
    return li;
  }));
}

async function showAsOf(form) {
  const local = new FormData(form).get('instant');
  const instant = new Date(String(local)).toISOString();
  const view = await call(`/dashboard/campaigns/${detailId}/as-of?at=${encodeURIComponent(instant)}`);
  const dl = $('as-of-result');
  const row = (term, value) => [el('dt', term), el('dd', value === null || value === undefined ? '–' : String(value))];
  dl.replaceChildren(
    ...row('As of', new Date(instant).toLocaleString()),
    ...row('Name', view.settings && view.settings.name),
    ...row('Status', view.status),
    ...row('Numbers', view.numberCount),
    ...row('Dial ratio', view.dialRatio),
    ...row('Version', view.version),
    ...row('Last modified', view.lastModified && new Date(view.lastModified).toLocaleString()),
  );
  dl.hidden = false;
}

// ---- Operations (ADMIN) ----

function showOperations(view, changedAt) {
  showProcessors(view.processors);
  showDeadLetters(view.deadLetters);
  showDeliveries(view.deliveries);
  $('operations-changed').dateTime = changedAt;
}

function showProcessors(processors) {
  const focusedId = document.activeElement && document.activeElement.id;
  $('processor-rows').replaceChildren(...processors.map(processorRow));
  if (focusedId && $(focusedId)) $(focusedId).focus();
}

function processorRow(p) {
  const tr = el('tr');
  tr.id = `processor-${p.name}`;
  const th = el('th', p.name);
  th.scope = 'row';
  const status = cell(p.status + (p.error ? `: ${p.error}` : ''), `status status-${p.status}`);
  const lag = cell(p.lag === null || p.lag === undefined ? '–' : String(p.lag), 'number lag');
  const replay = cell('', 'replay');
  if (p.replay) {
    const bar = el('progress');
    bar.max = 100;
    bar.value = p.replay.progressPercent;
    bar.setAttribute('aria-label', `Replay of ${p.name}: ${p.replay.progressPercent.toFixed(1)} %`);
    const rate = p.replay.eventsPerSecond ? `${Math.round(p.replay.eventsPerSecond)} events/s` : 'rate not known yet';
    const eta = p.replay.etaSeconds !== null && p.replay.etaSeconds !== undefined ? `, ${duration(p.replay.etaSeconds)} left` : '';
    replay.append(bar, el('span', ` ${p.replay.progressPercent.toFixed(1)} % · ${rate}${eta}`, 'replay-figures'));
  } else {
    replay.textContent = '–';
  }
  const actions = cell('', 'actions');
  if (p.replayable) {
    const b = button('Replay', async () => {
      const started = await post(`/dashboard/admin/processors/${encodeURIComponent(p.name)}/replay`);
      $('operations-note').textContent = `Replay of ${p.name} started.`;
      // Its state as the replay answered, until the next push.
      const row = $(`processor-${p.name}`);
      if (row) row.replaceWith(processorRow(started));
      $(`replay-${p.name}`).focus();
    }, 'secondary replay-button');
    b.id = `replay-${p.name}`;
    b.setAttribute('aria-label', `Replay ${p.name}`);
    actions.append(b);
  } else if (p.notReplayableReason) {
    actions.append(el('span', p.notReplayableReason, 'hint'));
  }
  tr.append(th, status, lag, replay, actions);
  return tr;
}

function showDeadLetters(sequences) {
  $('dead-letter-rows').replaceChildren(...sequences.map((s) => {
    const tr = el('tr');
    tr.dataset.sequence = `${s.processor}/${s.sequence}`;
    const th = el('th', s.processor);
    th.scope = 'row';
    const retry = button('Retry', async () => {
      const outcome = await post(`/dashboard/admin/dead-letters/${encodeURIComponent(s.processor)}/retry`);
      $('operations-note').textContent =
        `${outcome.succeeded} of ${outcome.sequences} sequences of ${outcome.processor} handled; ${outcome.remaining} left.`;
    }, 'secondary');
    retry.setAttribute('aria-label', `Retry the dead letters of ${s.processor}`);
    tr.append(th, cell(s.sequence), cell(String(s.letters.length), 'number'), cell('', 'actions'));
    tr.lastChild.append(retry);
    return tr;
  }));
  $('no-dead-letters').hidden = sequences.length > 0;
}

function showDeliveries(deliveries) {
  $('delivery-rows').replaceChildren(...deliveries.map((d) => {
    const tr = el('tr');
    tr.id = `delivery-${d.id}`;
    const th = el('th', `${d.eventType}${d.campaignId ? ` · campaign ${d.campaignId}` : ''}`);
    th.scope = 'row';
    const error = [d.lastStatusCode ? `HTTP ${d.lastStatusCode}` : null, d.lastError].filter(Boolean).join(': ');
    const redeliver = button('Redeliver', async () => {
      const again = await post(`/dashboard/admin/deliveries/${encodeURIComponent(d.id)}/redeliver`);
      $('operations-note').textContent = `Delivery ${again.id} is queued again (${again.status}).`;
    }, 'secondary');
    redeliver.setAttribute('aria-label', `Redeliver ${d.eventType} to ${d.endpoint}`);
    tr.append(th, cell(d.accountId, 'account'), cell(d.endpoint, 'endpoint'), cell(d.status, `status status-${d.status}`),
      cell(String(d.attempts), 'number'), cell(error || '–', 'last-error'), cell('', 'actions'));
    tr.lastChild.append(redeliver);
    return tr;
  }));
  $('no-deliveries').hidden = deliveries.length > 0;
}

// ---- Wiring ----

document.addEventListener('DOMContentLoaded', async () => {
  $('sign-in-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const submit = event.submitter;
    if (submit) submit.disabled = true;
    showError('');
    try {
      await signIn(event.target);
    } catch (e) {
      showError(e.message, true);
      loadSession().catch(() => {});
    } finally {
      if (submit) submit.disabled = false;
    }
  });
  $('sign-out').addEventListener('click', () => signOut().catch((e) => showError(e.message, true)));
  $('detail-close').addEventListener('click', closeDetail);
  $('as-of-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await showAsOf(event.target);
      showError('');
    } catch (e) {
      showError(e.message, true);
    }
  });
  setInterval(tick, 1000);
  try {
    const session = await loadSession();
    if (session.signedIn) {
      signedIn(session);
      return;
    }
  } catch (e) {
    showError(e.message, false);
  }
  $('sign-in').hidden = false;
  $('sign-in-title').focus();
});

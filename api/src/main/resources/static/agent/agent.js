// The agent console: seed 003's loop (callback, login, wait for a call, store the response) over the REST API.
// It holds no business rule: every step is one of the agent endpoints, and their problems' words are shown as they are.
'use strict';

const TOKEN_KEY = 'ledger.agent.token';
const SESSION_KEY = 'ledger.agent.session';
const WAIT_SECONDS = 30;

const $ = (id) => document.getElementById(id);

/** Who the page acts for: an invite token (Bearer) or a credential (Basic), the campaign and the agent. */
const me = { authorization: null, campaignId: null, userId: null, agentId: null };
/** The connected call the popup shows. */
let call = null;
/** Each wait gets a number: a poll that ends after the agent moved on is ignored. */
let waitGeneration = 0;
let waitAbort = null;
let waitTimer = null;

/** A problem the API answered: its detail, in the API's words. */
class Problem extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

async function api(method, path, body) {
  const headers = { Accept: 'application/json', Authorization: me.authorization };
  const init = { method, headers, credentials: 'omit', cache: 'no-store' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  if (method === 'GET' && path.includes('/connection')) {
    waitAbort = new AbortController();
    init.signal = waitAbort.signal;
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new Problem(0, 'The service cannot be reached; check your connection and try again.');
  }
  if (response.status === 204) return null;
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = null;
  }
  if (!response.ok) {
    const detail = (json && (json.detail || json.title)) || `The service answered ${response.status}.`;
    throw new Problem(response.status, detail);
  }
  return json;
}

const agentPath = (rest) => `/api/campaigns/${me.campaignId}/agents${rest}`;

// ---- what is on screen ----

const SECTIONS = ['sign-in', 'callback', 'login', 'waiting', 'call', 'logged-out'];

function show(section) {
  SECTIONS.forEach((id) => { $(id).hidden = id !== section; });
  const heading = $(section).querySelector('h2');
  heading.focus();
  $('status').textContent = heading.textContent;
}

function showError(message, focus = true) {
  const box = $('error');
  box.textContent = message;
  box.hidden = !message;
  if (message && focus) box.focus();
}

function clearError() {
  showError('');
}

/** Runs a step; a problem is shown in its own words and the form stays as it was. */
async function step(button, action) {
  clearError();
  if (button) button.disabled = true;
  try {
    await action();
  } catch (e) {
    if (e.name !== 'AbortError') showError(e.message);
  } finally {
    if (button) button.disabled = false;
  }
}

/** With an invite, the session survives a reload of the tab: its agent id, and whether it is logged in. */
function remember(phase) {
  if (me.authorization && me.authorization.startsWith('Bearer ')) {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify({ agentId: me.agentId, phase }));
  }
}

// ---- opening: the invite link's token, or a credential ----

/** The token's first part names the invite, campaign, agent and expiry (base64url, dot-separated). */
function campaignOfToken(token) {
  try {
    const payload = atob(token.split('.')[0].replace(/-/g, '+').replace(/_/g, '/'));
    const campaignId = payload.split('.')[1];
    return /^[0-9]+$/.test(campaignId) ? campaignId : null;
  } catch (e) {
    return null;
  }
}

function tokenFromAddress() {
  const params = new URLSearchParams(window.location.search);
  const token = params.get('token');
  if (token) {
    sessionStorage.setItem(TOKEN_KEY, token);
    sessionStorage.removeItem(SESSION_KEY);
    params.delete('token');
    const query = params.toString();
    // The token stays with this tab only: not in the address bar, the history or a bookmark.
    history.replaceState(null, '', window.location.pathname + (query ? `?${query}` : '') + window.location.hash);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function introduce(campaignName, agentName) {
  $('campaign-name').textContent = campaignName || `campaign ${me.campaignId}`;
  $('agent-name').textContent = agentName || me.userId;
  $('who').hidden = false;
  document.title = `${campaignName || 'Agent console'} · Agent console`;
}

async function openWithToken(token) {
  me.authorization = `Bearer ${token}`;
  me.campaignId = campaignOfToken(token);
  if (!me.campaignId) {
    show('sign-in');
    showError('This invite link is damaged: open the link of your invite again, or sign in with a credential.');
    return;
  }
  try {
    const invitation = await api('GET', agentPath('/invitation'));
    me.userId = invitation.userId;
    introduce(invitation.campaignName, invitation.name);
    $('phone').value = invitation.phoneNumber || '';
  } catch (e) {
    sessionStorage.removeItem(TOKEN_KEY);
    me.authorization = null;
    show('sign-in');
    showError(e.message);
    return;
  }
  const saved = JSON.parse(sessionStorage.getItem(SESSION_KEY) || '{}');
  if (saved.agentId && saved.phase === 'ready') {
    // A reload: the session may still be open, waiting or on a call (the poll answers that call at once).
    me.agentId = saved.agentId;
    startWaiting();
  } else if (saved.agentId) {
    me.agentId = saved.agentId;
    expect(me.agentId);
  } else {
    show('callback');
  }
}

async function signIn(form) {
  const data = new FormData(form);
  me.authorization = `Basic ${btoa(unescape(encodeURIComponent(`${data.get('login')}:${data.get('secret')}`)))}`;
  me.campaignId = String(data.get('campaignId')).trim();
  me.userId = String(data.get('userId')).trim();
  const campaign = await api('GET', `/api/campaigns/${encodeURIComponent(me.campaignId)}`);
  const agents = await api('GET', `/api/agents?userId=${encodeURIComponent(me.userId)}`);
  const agent = agents && agents.content && agents.content[0];
  introduce(campaign.name, agent ? agent.name : null);
  $('phone').value = agent && agent.phoneNumber ? agent.phoneNumber : '';
  $('credential-secret').value = '';
  show('callback');
}

// ---- the loop ----

async function callMe() {
  const body = { userId: me.userId, phoneNumber: $('phone').value.trim() };
  const music = $('music').value.trim();
  if (music) body.musicOnHold = music;
  const session = await api('POST', agentPath('/callback'), body);
  me.agentId = session.agentId;
  remember('callback');
  expect(session.agentId);
}

function expect(agentId) {
  $('expected-agent-id').textContent = agentId;
  $('login-agent-id').textContent = agentId;
  show('login');
}

async function logIn() {
  await api('POST', agentPath(`/${me.agentId}/login`), { userId: me.userId });
  remember('ready');
  startWaiting();
}

function startWaiting() {
  stopWaiting();
  $('waiting-agent-id').textContent = me.agentId;
  const since = Date.now();
  const tick = () => {
    const seconds = Math.floor((Date.now() - since) / 1000);
    $('waited').textContent = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  };
  tick();
  waitTimer = setInterval(tick, 1000);
  show('waiting');
  poll(++waitGeneration);
}

function stopWaiting() {
  waitGeneration++;
  if (waitTimer) clearInterval(waitTimer);
  waitTimer = null;
  if (waitAbort) waitAbort.abort();
  waitAbort = null;
}

/** getConnectionForAgent as a long-poll, again and again until a call connects or the session ends. */
async function poll(generation) {
  let failures = 0;
  while (generation === waitGeneration) {
    try {
      const connection = await api('GET', agentPath(`/${me.agentId}/connection?waitSeconds=${WAIT_SECONDS}`));
      if (generation !== waitGeneration) return;
      failures = 0;
      clearError();
      if (connection) {
        stopWaiting();
        showCall(connection);
        return;
      }
    } catch (e) {
      if (generation !== waitGeneration || e.name === 'AbortError') return;
      if (e.status === 409 || e.status === 404) {
        // The session ended: logged out, kicked, or the campaign finished.
        stopWaiting();
        loggedOut(e.message);
        return;
      }
      showError(e.message, false);
      failures++;
      await new Promise((resolve) => setTimeout(resolve, Math.min(30, 2 ** failures) * 1000));
    }
  }
}

function loggedOut(reason) {
  me.agentId = null;
  call = null;
  sessionStorage.removeItem(SESSION_KEY);
  $('logged-out-reason').textContent = reason || 'You are logged out.';
  show('logged-out');
}

async function logOut() {
  stopWaiting();
  try {
    await api('POST', agentPath(`/${me.agentId}/logout`));
  } catch (e) {
    startWaiting();
    throw e;
  }
  loggedOut('You are logged out.');
}

// ---- the popup ----

function element(tag, attributes, text) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  if (text !== undefined) node.textContent = text;
  return node;
}

function showCall(connection) {
  call = connection;
  const number = $('call-number');
  number.textContent = connection.number;
  number.href = `tel:${connection.number}`;

  const extra = $('extra-data');
  extra.replaceChildren();
  Object.entries(connection.extraData || {}).forEach(([name, value]) => {
    extra.append(element('dt', {}, name), element('dd', {}, value));
  });

  $('script').textContent = connection.script || '';
  $('script-box').hidden = !connection.script;

  const questions = $('questions');
  questions.replaceChildren();
  (connection.questions || []).forEach((question, i) => {
    const id = `question-${i}`;
    const label = element('label', { for: id }, question.label);
    let input;
    if (question.responseType === 'CHOICE') {
      input = element('select', { id });
      input.append(element('option', { value: '' }, '(no answer)'));
      (question.choices || []).forEach((choice) => input.append(element('option', { value: choice }, choice)));
    } else if (question.responseType === 'NUMERIC') {
      input = element('input', { id, type: 'number', inputmode: 'decimal', step: 'any' });
    } else {
      input = element('input', { id, type: 'text', maxlength: '1000' });
    }
    input.dataset.question = question.label;
    questions.append(label, input);
  });
  $('questions-box').hidden = !(connection.questions || []).length;

  const dispositions = $('dispositions');
  dispositions.replaceChildren();
  (connection.dispositionLists || []).forEach((list) => {
    const group = element('fieldset', { class: 'dispositions' });
    group.append(element('legend', {}, list.name || 'Dispositions'));
    (list.dispositions || []).forEach((disposition) => {
      const button = element('button', { type: 'button', class: 'disposition', 'aria-pressed': 'false' }, disposition);
      button.addEventListener('click', () => choose(disposition));
      group.append(button);
    });
    dispositions.append(group);
  });

  const transfers = $('transfers');
  transfers.replaceChildren();
  (connection.transferNumbers || []).forEach((transfer) => {
    const item = element('li');
    const link = element('a', { href: `tel:${transfer.number}` }, transfer.number);
    item.append(transfer.name ? `${transfer.name}: ` : '', link);
    transfers.append(item);
  });
  $('transfers-box').hidden = !(connection.transferNumbers || []).length;

  $('agent-response').value = '';
  $('notes').value = '';
  $('last-call').checked = false;
  document.title = `Call with ${connection.number} · Agent console`;
  show('call');
}

function choose(disposition) {
  $('agent-response').value = disposition;
  document.querySelectorAll('.disposition').forEach((button) => {
    button.setAttribute('aria-pressed', String(button.textContent === disposition));
  });
}

async function storeResponse(answeringMachine) {
  const storedData = {};
  document.querySelectorAll('#questions [data-question]').forEach((input) => {
    if (input.value.trim() !== '') storedData[input.dataset.question] = input.value.trim();
  });
  const lastCall = $('last-call').checked;
  const body = {
    callId: call.callId,
    agentResponse: $('agent-response').value.trim() || null,
    agentNotes: $('notes').value.trim() || null,
    lastCall,
    answeringMachineTransfer: answeringMachine,
    storedData,
  };
  const session = await api('POST', agentPath(`/${me.agentId}/responses`), body);
  call = null;
  document.title = `${$('campaign-name').textContent} · Agent console`;
  if (lastCall || session.state === 'LOGGED_OUT') {
    loggedOut('Response stored. That was your last call: you are logged out.');
  } else {
    startWaiting();
  }
}

// ---- wiring ----

function onSubmit(id, action) {
  $(id).addEventListener('submit', (event) => {
    event.preventDefault();
    step(event.submitter, () => action(event.target));
  });
}

function onClick(id, action) {
  $(id).addEventListener('click', (event) => step(event.currentTarget, action));
}

document.addEventListener('DOMContentLoaded', () => {
  onSubmit('sign-in-form', signIn);
  onSubmit('callback-form', callMe);
  onSubmit('login-form', logIn);
  onClick('call-again', () => { show('callback'); });
  onClick('logout', logOut);
  onSubmit('response-form', () => storeResponse(false));
  onClick('machine', () => storeResponse(true));
  onClick('start-again', () => { clearError(); show('callback'); });
  // Enter in an answer must not end the call: only the buttons store a response.
  $('response-form').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && event.target.tagName === 'INPUT') event.preventDefault();
  });

  const token = tokenFromAddress();
  if (token) {
    openWithToken(token);
  } else {
    show('sign-in');
  }
});

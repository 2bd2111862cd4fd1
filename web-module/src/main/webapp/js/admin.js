// The operations console: health, open streams (with Disconnect), active calls (with End),
// recently ended calls. Refreshed every two seconds from the admin API and MicroProfile Health.
import { api, useCsrfToken } from './api.js';

const $ = (id) => document.getElementById(id);
const REFRESH_MS = 2000;

function cell(row, text) {
  const td = document.createElement('td');
  td.textContent = text;
  row.append(td);
  return td;
}

function duration(seconds) {
  if (seconds === undefined) return '–';
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function time(iso) {
  return iso ? new Date(iso).toLocaleTimeString() : '–';
}

async function endCall(call) {
  try {
    await api('POST', `/api/admin/calls/${call.id}/end`);
    $('status').textContent = `Ended the call of ${call.caller} and ${call.callee}.`;
  } catch (e) {
    $('status').textContent = `Could not end the call: ${e.message}`;
  }
  refresh();
}

function renderCalls(calls) {
  const active = $('active-calls').tBodies[0];
  active.replaceChildren();
  for (const call of calls.active) {
    const row = active.insertRow();
    row.dataset.call = call.id;
    cell(row, call.caller);
    cell(row, call.callee);
    cell(row, call.state);
    cell(row, time(call.createdAt));
    cell(row, duration(call.connectedSeconds));
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'end';
    button.textContent = 'End';
    button.setAttribute('aria-label', `End the call of ${call.caller} and ${call.callee}`);
    button.onclick = () => endCall(call);
    cell(row, '').append(button);
  }
  const ended = $('ended-calls').tBodies[0];
  ended.replaceChildren();
  for (const call of calls.recentlyEnded) {
    const row = ended.insertRow();
    row.dataset.call = call.id;
    cell(row, call.caller);
    cell(row, call.callee);
    cell(row, time(call.endedAt));
    cell(row, call.reason || '–');
    cell(row, call.endedBy || '–');
    cell(row, duration(call.connectedSeconds));
  }
}

async function disconnect(stream) {
  try {
    await api('POST', `/api/admin/streams/${stream.id}/disconnect`);
    $('status').textContent = `Disconnected a stream of ${stream.username}; their browser reconnects.`;
  } catch (e) {
    $('status').textContent = `Could not disconnect: ${e.message}`;
  }
  refresh();
}

function renderStreams(result) {
  const body = $('streams').tBodies[0];
  body.replaceChildren();
  for (const stream of result.streams) {
    const row = body.insertRow();
    row.dataset.stream = stream.id;
    cell(row, stream.username);
    cell(row, stream.node.slice(0, 8));
    cell(row, time(stream.openedAt));
    cell(row, stream.lastEventId === undefined ? '(other node)' : String(stream.lastEventId));
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'disconnect';
    button.textContent = 'Disconnect';
    button.setAttribute('aria-label', `Disconnect this stream of ${stream.username}`);
    button.onclick = () => disconnect(stream);
    cell(row, '').append(button);
  }
}

async function renderHealth() {
  // 503 still carries the checks: read the body whatever the status.
  const health = await (await fetch('/health/ready', { headers: { Accept: 'application/json' } })).json();
  $('health-status').textContent = health.status;
  $('health-status').dataset.status = health.status;
  const body = $('health').tBodies[0];
  body.replaceChildren();
  for (const check of health.checks) {
    const row = body.insertRow();
    cell(row, check.name);
    cell(row, check.status).dataset.status = check.status;
    cell(row, Object.entries(check.data || {}).map(([k, v]) => `${k}: ${v}`).join(', '));
  }
}

async function refresh() {
  try {
    renderCalls(await api('GET', '/api/admin/calls'));
    renderStreams(await api('GET', '/api/admin/streams'));
    await renderHealth();
    $('updated').textContent = new Date().toLocaleTimeString();
  } catch (e) {
    $('status').textContent = `Could not refresh: ${e.message}`;
  }
}

async function start() {
  useCsrfToken((await api('GET', '/api/me')).csrfToken);
  await refresh();
  setInterval(refresh, REFRESH_MS);
}

start();

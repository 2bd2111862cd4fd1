// The operations console: health, charts of the last minutes, change data capture, broker
// queues and dead letters (with Retry and Delete), open streams (with Disconnect and Sign out),
// active calls (with End and Trace), recently ended calls. Refreshed every two seconds from the
// admin API and MicroProfile Health; the charts keep the readings of this page's lifetime.
import { api, useCsrfToken } from './api.js';
import { t, problem, time as clockTime, dateTime, number, ago } from './i18n.js';

const $ = (id) => document.getElementById(id);
const REFRESH_MS = 2000;
const HISTORY = 150; // five minutes of readings
const history = { latency: [[], [], []], rateIn: [], rateOut: [], cdcWaiting: [], dlq: [] };
let previousQueues = null;
let tracedCall = null;

function button(label, className, ariaLabel, onclick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.textContent = label;
  b.setAttribute('aria-label', ariaLabel);
  b.onclick = onclick;
  return b;
}

function push(series, value) {
  series.push(value);
  if (series.length > HISTORY) series.shift();
}

// A line chart on a canvas: one colour per series, the largest value at the top left.
function chart(canvas, series) {
  const g = canvas.getContext('2d');
  const { width, height } = canvas;
  g.clearRect(0, 0, width, height);
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  g.strokeStyle = '#d0d7de';
  g.strokeRect(0.5, 0.5, width - 1, height - 1);
  g.fillStyle = '#57606a';
  g.font = '11px system-ui, sans-serif';
  g.fillText(String(Math.round(max * 10) / 10), 4, 12);
  series.forEach((s, i) => {
    g.strokeStyle = s.color;
    g.beginPath();
    s.values.forEach((v, x) => {
      // Stretched over the width until the history is full, then scrolling.
      const px = (x / Math.max(1, s.values.length - 1)) * (width - 2) + 1;
      const py = height - 2 - (v / max) * (height - 18);
      if (x === 0) g.moveTo(px, py); else g.lineTo(px, py);
    });
    g.stroke();
    g.fillStyle = s.color;
    g.fillText(s.label, 60 + i * 100, 12);
  });
}

function drawCharts() {
  const colours = ['#2456d6', '#b36b00', '#1a7f37'];
  chart($('chart-latency'), [t('admin.chart.commitToJms'), t('admin.chart.jmsToProjection'), t('admin.chart.projectionToSse')]
    .map((label, i) => ({ label, color: colours[i], values: history.latency[i] })));
  chart($('chart-rates'), [{ label: t('admin.chart.in'), color: colours[0], values: history.rateIn },
    { label: t('admin.chart.out'), color: colours[2], values: history.rateOut }]);
  chart($('chart-depth'), [{ label: 'videochat.cdc', color: colours[0], values: history.cdcWaiting },
    { label: 'DLQ', color: '#cf222e', values: history.dlq }]);
}

function row2(body, label, value, status) {
  const row = body.insertRow();
  const th = document.createElement('th');
  th.scope = 'row';
  th.textContent = label;
  row.append(th);
  const td = cell(row, value);
  if (status) td.dataset.status = status;
}

function renderCdc(cdc) {
  $('cdc-status').textContent = cdc.debezium.status;
  $('cdc-status').dataset.status = cdc.debezium.status;
  const body = $('cdc').tBodies[0];
  body.replaceChildren();
  row2(body, t('admin.cdc.debezium'), cdc.debezium.status, cdc.debezium.status);
  const slot = cdc.slot;
  row2(body, t('admin.cdc.slot', { name: slot.name }), t(!slot.exists ? 'admin.cdc.slot.missing' : slot.active ? 'admin.cdc.slot.active' : 'admin.cdc.slot.inactive'),
    slot.exists && slot.active ? 'UP' : 'DOWN');
  if (slot.exists) {
    row2(body, t('admin.cdc.lag'), t('admin.cdc.lag.value', { bytes: number(slot.lagBytes), ms: number(slot.lagMs) }));
  }
  row2(body, t('admin.cdc.lastChange'), cdc.lastChange.projectedAt ? `${ago(cdc.lastChange.projectedAt)} (${cdc.lastChange.source})` : t('admin.cdc.noChangeYet'));
  const w = cdc.window;
  row2(body, t('admin.cdc.changesPerSecond', { minutes: w.minutes }), number(w.changesPerSecond, 2));
  row2(body, t('admin.cdc.eventsPerSecond', { minutes: w.minutes }), number(w.eventsPerSecond, 2));
  const stages = $('stages').tBodies[0];
  stages.replaceChildren();
  [[t('admin.stage.commitToJms'), w.commitToPublish], [t('admin.stage.jmsToProjection'), w.publishToProjection],
    [t('admin.stage.projectionToSse'), w.projectionToSse]].forEach(([label, stage], i) => {
    const row = stages.insertRow();
    cell(row, label);
    cell(row, String(stage.p50));
    cell(row, String(stage.p95));
    cell(row, String(stage.count));
    push(history.latency[i], stage.p95);
  });
}

async function deadLetter(action, letter) {
  try {
    if (action === 'retry') {
      await api('POST', `/api/admin/broker/dead-letters/${letter.id}/retry`);
      $('status').textContent = t('admin.dlq.retried', { id: letter.id, queue: letter.originalQueue });
    } else {
      await api('DELETE', `/api/admin/broker/dead-letters/${letter.id}`);
      $('status').textContent = t('admin.dlq.deleted', { id: letter.id });
    }
  } catch (e) {
    $('status').textContent = t(action === 'retry' ? 'admin.dlq.retryFailed' : 'admin.dlq.deleteFailed', { id: letter.id, error: problem(e) });
  }
  refresh();
}

function renderBroker(broker) {
  const body = $('queues').tBodies[0];
  body.replaceChildren();
  const seconds = previousQueues ? (broker.sampledAt - previousQueues.sampledAt) / 1000 : 0;
  const before = new Map((previousQueues?.queues || []).map((q) => [q.name, q]));
  for (const q of broker.queues) {
    const row = body.insertRow();
    row.dataset.queue = q.name;
    const old = before.get(q.name);
    const rate = (now, then) => (old && seconds > 0 ? Math.max(0, (now - then) / seconds) : 0);
    const rateIn = rate(q.added, old?.added);
    const rateOut = rate(q.acknowledged, old?.acknowledged);
    cell(row, q.name.length > 24 ? t('admin.queue.subscription', { name: q.name.slice(0, 8) }) : q.name);
    cell(row, q.address);
    cell(row, String(q.messages));
    cell(row, String(q.consumers));
    cell(row, number(rateIn, 1));
    cell(row, number(rateOut, 1));
    cell(row, String(q.added));
    cell(row, String(q.acknowledged));
    cell(row, String(q.killed));
    if (q.name === 'videochat.cdc') {
      push(history.rateIn, rateIn);
      push(history.rateOut, rateOut);
      push(history.cdcWaiting, q.messages);
    }
    if (q.name === broker.deadLetterQueue) push(history.dlq, q.messages);
  }
  previousQueues = broker;
  const letters = $('dead-letters').tBodies[0];
  letters.replaceChildren();
  for (const letter of broker.deadLetters) {
    const row = letters.insertRow();
    row.dataset.message = letter.id;
    cell(row, String(letter.id));
    cell(row, letter.originalQueue);
    cell(row, letter.timestamp ? dateTime(letter.timestamp) : '–');
    // Why the projection gave up on it (a change it can never apply), then the change itself.
    const body = cell(row, letter.reason ? `${letter.reason} · ${letter.body}` : letter.body);
    body.className = 'body';
    body.title = letter.body;
    cell(row, '').append(
      button(t('admin.dlq.retry'), 'retry', t('admin.dlq.retry.label', { id: letter.id, queue: letter.originalQueue }), () => deadLetter('retry', letter)),
      ' ',
      button(t('admin.dlq.delete'), 'delete', t('admin.dlq.delete.label', { id: letter.id }), () => deadLetter('delete', letter)));
  }
  if (broker.deadLetters.length === 0) {
    cell(letters.insertRow(), t('admin.dlq.none')).colSpan = 5;
  }
}

function clock(ms) {
  return ms ? new Intl.DateTimeFormat(document.documentElement.lang, { hour: '2-digit', minute: '2-digit', second: '2-digit', fractionalSecondDigits: 3 }).format(new Date(ms)) : '–';
}

async function trace(call) {
  tracedCall = call;
  let result;
  try {
    result = await api('GET', `/api/admin/calls/${call.id}/trace`);
  } catch (e) {
    $('status').textContent = t('admin.trace.failed', { error: problem(e) });
    return;
  }
  $('trace-section').hidden = false;
  $('trace-call').textContent = `${call.caller} → ${call.callee} (${t(`state.${result.call.state}`)})`;
  const body = $('trace').tBodies[0];
  body.replaceChildren();
  const step = (to, from) => (to && from ? String(to - from) : '–');
  for (const e of result.events) {
    const row = body.insertRow();
    row.dataset.event = `${e.username}/${e.seq}`;
    cell(row, e.type);
    cell(row, e.username);
    cell(row, String(e.seq));
    cell(row, clock(e.committedAt));
    cell(row, step(e.publishedAt, e.committedAt));
    cell(row, step(e.projectedAt, e.publishedAt));
    cell(row, step(e.deliveredAt, e.projectedAt));
  }
}

async function signOut(username) {
  try {
    await api('POST', `/api/admin/people/${encodeURIComponent(username)}/sign-out`);
    $('status').textContent = t('admin.signedOut', { name: username });
  } catch (e) {
    $('status').textContent = t('admin.signOutFailed', { name: username, error: problem(e) });
  }
  refresh();
}

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
  return iso ? clockTime(iso) : '–';
}

async function endCall(call) {
  try {
    await api('POST', `/api/admin/calls/${call.id}/end`);
    $('status').textContent = t('admin.call.ended', { caller: call.caller, callee: call.callee });
  } catch (e) {
    $('status').textContent = t('admin.call.endFailed', { error: problem(e) });
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
    cell(row, t(`state.${call.state}`));
    cell(row, time(call.createdAt));
    cell(row, duration(call.connectedSeconds));
    cell(row, '').append(button(t('admin.call.end'), 'end', t('admin.call.end.label', { caller: call.caller, callee: call.callee }), () => endCall(call)));
    cell(row, '').append(traceButton(call));
  }
  const ended = $('ended-calls').tBodies[0];
  ended.replaceChildren();
  for (const call of calls.recentlyEnded) {
    const row = ended.insertRow();
    row.dataset.call = call.id;
    cell(row, call.caller);
    cell(row, call.callee);
    cell(row, time(call.endedAt));
    cell(row, call.reason ? t(`reason.${call.reason}`) : '–');
    cell(row, call.endedBy || '–');
    cell(row, duration(call.connectedSeconds));
    cell(row, '').append(traceButton(call));
  }
}

function traceButton(call) {
  return button(t('admin.call.trace'), 'trace', t('admin.call.trace.label', { caller: call.caller, callee: call.callee }), () => trace(call));
}

async function disconnect(stream) {
  try {
    await api('POST', `/api/admin/streams/${stream.id}/disconnect`);
    $('status').textContent = t('admin.stream.disconnected', { name: stream.username });
  } catch (e) {
    $('status').textContent = t('admin.stream.disconnectFailed', { error: problem(e) });
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
    cell(row, t(`presence.${stream.presence}`));
    cell(row, stream.node.slice(0, 8));
    cell(row, time(stream.openedAt));
    cell(row, stream.lastEventId === undefined ? t('admin.stream.otherNode') : String(stream.lastEventId));
    cell(row, '').append(button(t('admin.stream.disconnect'), 'disconnect', t('admin.stream.disconnect.label', { name: stream.username }), () => disconnect(stream)));
    cell(row, '').append(button(t('admin.stream.signOut'), 'sign-out', t('admin.stream.signOut.label', { name: stream.username }), () => signOut(stream.username)));
  }
}

async function renderHealth() {
  // 503 carries the checks too: read the body whatever the status.
  const health = await (await fetch('/api/health/ready', { headers: { Accept: 'application/json' } })).json();
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
    renderCdc(await api('GET', '/api/admin/cdc'));
    renderBroker(await api('GET', '/api/admin/broker'));
    drawCharts();
    if (tracedCall) await trace(tracedCall);
    $('updated').textContent = clockTime(Date.now());
    $('updated').dataset.count = Number($('updated').dataset.count || 0) + 1;
  } catch (e) {
    $('status').textContent = t('admin.refreshFailed', { error: problem(e) });
  }
}

async function start() {
  useCsrfToken((await api('GET', '/api/me')).csrfToken);
  await refresh();
  setInterval(refresh, REFRESH_MS);
}

start();

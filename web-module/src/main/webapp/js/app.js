// The call screen: directory with presence, incoming and outgoing calls, the call itself.
import { api, useCsrfToken, onSessionEnded } from './api.js';
import { SharedSignaling } from './signaling.js';
import { EventType } from './event-types.js';
import { CallSession } from './call.js';
import { Ringer } from './ringer.js';
import { t, problem, dateTime, number } from './i18n.js';

const $ = (id) => document.getElementById(id);
// This page's own id: accepting sends it, so the other pages of this user know they were not chosen.
const device = crypto.randomUUID();
// Diagnostics: "?relay" forces every call of this page through TURN (is the relay reachable?).
const iceTransportPolicy = new URLSearchParams(location.search).has('relay') ? 'relay' : 'all';

// Why a call ended, as the person on this side reads it (keys js.ended.*).
function endedText(reason, call) {
  const key = reason === 'no_answer' ? (call.role === 'caller' ? 'ended.no_answer.caller' : 'ended.no_answer.callee') : `ended.${reason}`;
  const text = t(key, { name: call.peerName });
  return text === key ? t('ended.hangup') : text;
}

const state = { me: null, call: null, invites: new Map(), iceServers: [], ringer: new Ringer(), peopleRequests: 0, presenceLsn: new Map() };

function show(panel) {
  for (const id of ['idle', 'incoming', 'outgoing', 'in-call']) $(id).hidden = id !== panel;
}

function say(text, kind = 'info') {
  const status = $('status');
  status.textContent = text;
  status.dataset.kind = kind;
}

async function loadPeople() {
  const query = $('search').value.trim();
  // Typing sends a request per key: only the newest answer may fill the list.
  const asked = ++state.peopleRequests;
  const result = await api('GET', '/api/people?size=50&q=' + encodeURIComponent(query));
  if (asked !== state.peopleRequests) return;
  state.presenceLsn.clear();
  const list = $('people');
  list.replaceChildren();
  for (const person of result.people.filter((p) => p.username !== state.me.username)) {
    const item = document.createElement('li');
    item.dataset.user = person.username;
    const name = document.createElement('span');
    name.textContent = person.displayName;
    const presence = document.createElement('span');
    presence.className = 'presence ' + person.presence;
    presence.textContent = t(`presence.${person.presence}`);
    const button = document.createElement('button');
    button.className = 'call';
    button.textContent = t('people.call');
    button.setAttribute('aria-label', t('people.call.label', { name: person.displayName }));
    button.onclick = () => placeCall(person, true);
    const voice = document.createElement('button');
    voice.className = 'voice';
    voice.textContent = t('people.voice');
    voice.setAttribute('aria-label', t('people.voice.label', { name: person.displayName }));
    voice.onclick = () => placeCall(person, false);
    item.append(name, presence, button, voice);
    list.append(item);
  }
}

async function loadHistory() {
  const result = await api('GET', '/api/calls?limit=10');
  const list = $('history');
  list.replaceChildren();
  for (const call of result.calls) {
    const item = document.createElement('li');
    item.className = call.missed ? 'missed' : '';
    const outcome = call.missed ? t('history.missed') : t(`history.${call.reason || call.state.toLowerCase()}`);
    item.textContent = `${call.direction === 'outgoing' ? '→' : '←'} ${call.peer} · ${dateTime(call.createdAt)} · ${outcome}`;
    list.append(item);
  }
  $('missed-badge').textContent = result.missed ? String(result.missed) : '';
  $('missed-badge').hidden = !result.missed;
}

function chosen(selectId) {
  const id = $(selectId).value;
  return id ? { deviceId: { exact: id } } : true;
}

async function listDevices() {
  const devices = await navigator.mediaDevices.enumerateDevices();
  for (const [selectId, kind] of [['camera-select', 'videoinput'], ['mic-select', 'audioinput']]) {
    const select = $(selectId);
    const current = select.value;
    select.replaceChildren(new Option(t('device.default'), ''));
    devices.filter((d) => d.kind === kind).forEach((d, i) => select.append(new Option(d.label || t(kind === 'videoinput' ? 'device.camera' : 'device.microphone', { n: i + 1 }), d.deviceId)));
    select.value = current;
  }
}

async function switchDevice(kind) {
  const session = state.call?.session;
  if (!session) return;
  try {
    const stream = await navigator.mediaDevices.getUserMedia(kind === 'video' ? { video: chosen('camera-select') } : { audio: chosen('mic-select') });
    await session.replaceTrack(stream.getTracks()[0]);
  } catch (e) {
    say(t(kind === 'video' ? 'device.switchCameraFailed' : 'device.switchMicrophoneFailed', { error: e.message }), 'error');
  }
}

async function microphone() {
  try {
    return await navigator.mediaDevices.getUserMedia({ audio: chosen('mic-select') });
  } catch (e) {
    throw new Error(t('media.noMicrophone'));
  }
}

async function media(video = true) {
  if (!video) return microphone();
  try {
    return await navigator.mediaDevices.getUserMedia({ audio: chosen('mic-select'), video: chosen('camera-select') });
  } catch (e) {
    if (e.name === 'NotAllowedError' || e.name === 'NotFoundError' || e.name === 'NotReadableError') {
      say(t(e.name === 'NotAllowedError' ? 'media.cameraDenied' : 'media.noCamera'), 'warning');
      return microphone();
    }
    throw e;
  }
}

function newSession(id, role, peer, peerName) {
  return new CallSession({
    id, role, peer, iceServers: state.iceServers, iceTransportPolicy,
    localVideo: $('local'), remoteVideo: $('remote'),
    onChat: (who, text) => {
      const line = document.createElement('li');
      line.className = who;
      line.textContent = t('chat.line', { who: who === 'me' ? t('chat.you') : peerName, text });
      $('chat-log').append(line);
    },
    onQuality: (s) => {
      $('quality').textContent = t('quality.line', {
        quality: t(`quality.${s.quality}`), rtt: s.rtt === null ? '–' : number(s.rtt * 1000),
        loss: number(s.loss * 100, 1), kbps: number(s.kbps) });
      $('quality').dataset.quality = s.quality;
    },
    onMediaState: (s) => {
      if (s === 'disconnected') say(t('media.reconnecting'), 'warning');
      if (s === 'connected') say(t('media.connected'));
    },
  });
}

async function placeCall(person, video) {
  if (state.call) return;
  say(t('call.calling', { name: person.displayName }));
  let stream;
  try {
    stream = await media(video);
  } catch (e) {
    say(e.message, 'error');
    return;
  }
  const session = newSession(null, 'caller', person.username, person.displayName);
  state.call = { session, role: 'caller', peer: person.username, peerName: person.displayName };
  await session.addMedia(stream);
  const sdp = await session.createOffer();
  try {
    const placed = await api('POST', '/api/calls', { callee: person.username, sdp });
    state.call.id = placed.id;
    session.started(placed.id);
    if (placed.state === 'ENDED') return endCall(placed.reason);
    $('outgoing-name').textContent = person.displayName;
    show('outgoing');
  } catch (e) {
    endCall(null, problem(e));
  }
}

function incoming(invite) {
  state.invites.set(invite.callId, invite);
  if (state.call) return; // busy here; the server already answers busy to others
  state.call = { id: invite.callId, role: 'callee', peer: invite.caller, peerName: invite.callerName, invite, candidates: [] };
  $('incoming-name').textContent = invite.callerName;
  show('incoming');
  say(t('call.incoming', { name: invite.callerName }));
  state.ringer.start();
  api('POST', `/api/calls/${invite.callId}/ringing`).catch(() => {});
}

async function accept() {
  const call = state.call;
  state.ringer.stop();
  let stream;
  try {
    stream = await media();
  } catch (e) {
    say(e.message, 'error');
    await api('POST', `/api/calls/${call.id}/decline`, { detail: 'no-microphone' }).catch(() => {});
    return endCall(null);
  }
  call.session = newSession(call.id, 'callee', call.peer, call.peerName);
  await call.session.addMedia(stream);
  const sdp = await call.session.acceptOffer(call.invite.sdp);
  await call.session.candidatesArrived(call.candidates);
  try {
    await api('POST', `/api/calls/${call.id}/accept`, { sdp, device });
    call.session.started(call.id);
    call.session.connected();
    enterCall();
  } catch (e) {
    endCall(e.code === 'already-answered' ? 'answered_elsewhere' : null, problem(e));
  }
}

function enterCall() {
  $('peer-name').textContent = state.call.peerName;
  show('in-call');
  state.call.since = Date.now();
  clearInterval(state.timer);
  state.timer = setInterval(() => {
    const s = Math.floor((Date.now() - state.call.since) / 1000);
    $('timer').textContent = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  }, 1000);
}

function endCall(reason, message) {
  const call = state.call;
  state.ringer.stop();
  clearInterval(state.timer);
  if (call?.session) call.session.close();
  state.call = null;
  show('idle');
  if (message) say(message, 'error');
  else if (reason && call) say(endedText(reason, call), reason === 'hangup' ? 'info' : 'warning');
  loadHistory().catch(() => {});
}

async function hangUp() {
  const call = state.call;
  if (!call) return;
  const action = call.connected ? 'hangup' : (call.role === 'caller' ? 'cancel' : 'decline');
  if (call.id) await api('POST', `/api/calls/${call.id}/${action}`).catch(() => {});
}

async function onEvent(type, data) {
  const call = state.call;
  const mine = call && data.callId === call.id;
  switch (type) {
    case EventType.INCOMING_CALL: return incoming(data);
    case EventType.ANSWER: if (mine) await call.session.answerArrived(data.sdp); return;
    case EventType.CANDIDATES:
      if (!mine) return;
      if (call.session) await call.session.candidatesArrived(data.candidates);
      else call.candidates.push(...data.candidates);
      return;
    case EventType.RENEGOTIATE: if (mine && call.session) await call.session.renegotiationArrived(data); return;
    case EventType.PRESENCE: return updatePresence(data);
    case EventType.RESYNC: return loadHistory().then(() => loadCurrentCall());
    case EventType.CALL_STATUS:
      if (!mine) return;
      // The stream is shared by this browser's tabs; the tab that did not accept steps back.
      if (data.state === 'CONNECTED' && call.role === 'callee' && data.device && data.device !== device) return endCall('answered_elsewhere');
      if (data.state === 'CONNECTED' && call.role === 'caller') { call.connected = true; call.session.connected(); enterCall(); }
      if (data.state === 'CONNECTED' && call.role === 'callee') call.connected = true;
      if (data.state === 'ENDED') endCall(data.reason);
  }
}

// Presence events are state, not history: a late, older one (a redelivery) is dropped.
function updatePresence(p) {
  if (p.lsn <= (state.presenceLsn.get(p.username) || 0)) return;
  state.presenceLsn.set(p.username, p.lsn);
  const item = document.querySelector(`#people li[data-user="${CSS.escape(p.username)}"] .presence`);
  if (item) {
    item.className = 'presence ' + p.presence;
    item.textContent = t(`presence.${p.presence}`);
  }
}

// After a reload (or a resync) the invite may be older than the stream's position: ask for the
// call this person is in, and ring if it is still ringing for us.
async function loadCurrentCall() {
  if (state.call) return;
  const current = await api('GET', '/api/calls/current');
  if (!current || current.direction !== 'incoming' || !['TRYING', 'RINGING'].includes(current.state)) return;
  const ringing = await api('GET', `/api/calls/${current.id}/invite`).catch(() => null);
  if (!ringing || state.call) return;
  incoming(ringing.invite);
  for (const batch of ringing.candidates) state.call.candidates.push(...batch.candidates);
}

// The session is gone: stop ringing, say so, and offer to sign in and come back here.
function sessionEnded() {
  if (state.sessionEnded) return;
  state.sessionEnded = true;
  state.ringer.stop();
  if (state.call) endCall(null);
  $('connection').textContent = t('connection.signed-out');
  $('connection').dataset.state = 'signed-out';
  $('sign-in-again').href = 'login.xhtml?next=' + encodeURIComponent(location.pathname + location.search);
  $('session-ended').hidden = false;
  for (const id of ['idle', 'incoming', 'outgoing', 'in-call']) $(id).hidden = true;
  $('sign-in-again').focus();
}

async function start() {
  onSessionEnded(sessionEnded);
  state.me = await api('GET', '/api/me');
  useCsrfToken(state.me.csrfToken);
  state.iceServers = (await api('GET', '/api/ice-servers')).iceServers;
  $('dnd').checked = state.me.dnd;
  $('dnd').onchange = () => api('PUT', '/api/me/dnd', { dnd: $('dnd').checked }).catch((e) => {
    $('dnd').checked = !$('dnd').checked; // not switched: show what holds
    say(problem(e), 'error');
  });
  $('search').oninput = () => loadPeople().catch(() => {});
  $('accept').onclick = accept;
  $('decline').onclick = () => api('POST', `/api/calls/${state.call.id}/decline`).catch(() => {});
  $('cancel').onclick = hangUp;
  $('hangup').onclick = hangUp;
  $('mute').onclick = () => { const on = $('mute').getAttribute('aria-pressed') !== 'true'; $('mute').setAttribute('aria-pressed', on); state.call?.session?.setMuted(on); };
  $('camera').onclick = () => { const off = $('camera').getAttribute('aria-pressed') !== 'true'; $('camera').setAttribute('aria-pressed', off); state.call?.session?.setCameraOff(off); };
  $('camera-select').onchange = () => switchDevice('video');
  $('mic-select').onchange = () => switchDevice('audio');
  navigator.mediaDevices.ondevicechange = () => listDevices().catch(() => {});
  $('share').onclick = async () => {
    const session = state.call?.session;
    if (!session) return;
    const on = $('share').getAttribute('aria-pressed') !== 'true';
    try {
      session.onScreenShareEnded = () => $('share').setAttribute('aria-pressed', 'false');
      await session.shareScreen(on);
      $('share').setAttribute('aria-pressed', String(on));
    } catch (e) {
      say(t('share.unavailable', { error: e.message }), 'warning');
    }
  };
  $('chat-form').onsubmit = (e) => {
    e.preventDefault();
    if (state.call?.session?.sendChat($('chat-input').value)) $('chat-input').value = '';
  };
  show('idle');
  const signaling = new SharedSignaling(state.me.username, (type, d) => onEvent(type, d).catch((e) => console.error(e)), (s) => {
    if (state.sessionEnded) return; // the stream's last attempts do not matter any more
    $('connection').textContent = t(`connection.${s}`);
    $('connection').dataset.state = s;
    if (s === 'signed-out') return sessionEnded();
    // Presence is not replayed after a reconnection: read the directory again instead.
    if (s === 'connected' && state.wasConnected) loadPeople().catch(() => {});
    if (s === 'connected') state.wasConnected = true;
  });
  signaling.open();
  await loadPeople();
  await loadHistory();
  await loadCurrentCall().catch(() => {});
  listDevices().catch(() => {});
  // For tests and diagnostics: the current call's media statistics.
  window.videochat = { stats: () => state.call?.session?.stats || null, state: () => state.call ? (state.call.connected ? 'connected' : 'ringing') : 'idle', stream: () => signaling.role };
}

start().catch((e) => say(t('start.failed', { error: problem(e) }), 'error'));

// The signaling stream. A browser allows only six HTTP/1.1 connections per origin, so the tabs of
// one browser share one EventSource: the tab holding the Web Lock "videochat.stream.<user>" opens
// it and relays every event to the other tabs over a BroadcastChannel. When that tab closes, the
// lock passes to another tab, which resumes from the last event id it was told about, so the
// server replays what fell in between, exactly once. (HTTP/2 would lift the limit too, but only
// over TLS and only where every proxy on the way speaks it; sharing works everywhere.)
const SILENCE_MS = 40000;

import { sessionAlive } from './api.js';
import { EventType, HANDLED_EVENT_TYPES } from './event-types.js';

// One EventSource. The browser reconnects by itself and sends Last-Event-ID, so the server
// replays exactly what was missed. The server sends a `heartbeat` event every 15 s: a stream
// that stays silent for 40 s is dead (a proxy or network dropped it without closing) and is
// reopened. If the browser gives up (readyState CLOSED: the server answered something else than
// a stream), the page asks whether the session still holds: when it does not (signed out by an
// operator, expired, the server forgot it), the state becomes 'signed-out' and nothing is
// reopened, so the page can say so; otherwise a new stream is opened after a pause.
export class Signaling {
  constructor(onEvent, onState, lastEventId) {
    this.onEvent = onEvent;
    this.onState = onState;
    this.lastEventId = lastEventId;
  }

  open() {
    this.heard = Date.now();
    const resume = this.lastEventId ? '?lastEventId=' + encodeURIComponent(this.lastEventId) : '';
    this.source = new EventSource('/api/events' + resume);
    this.source.onopen = () => { this.heard = Date.now(); this.onState('connected'); };
    this.source.onerror = async () => {
      if (this.source.readyState === EventSource.CLOSED) {
        if (!(await sessionAlive())) return this.stop();
        this.onState('closed');
        this.reopen(3000);
      } else {
        this.onState('reconnecting');
      }
    };
    this.source.addEventListener(EventType.HEARTBEAT, () => { this.heard = Date.now(); });
    for (const type of HANDLED_EVENT_TYPES) {
      this.source.addEventListener(type, (e) => {
        this.heard = Date.now();
        if (e.lastEventId) this.lastEventId = e.lastEventId;
        this.onEvent(type, JSON.parse(e.data), e.lastEventId);
      });
    }
    clearInterval(this.watchdog);
    this.watchdog = setInterval(() => {
      if (this.source.readyState === EventSource.OPEN && Date.now() - this.heard > SILENCE_MS) {
        this.onState('reconnecting');
        this.reopen(0);
      }
    }, 5000);
  }

  stop() {
    clearInterval(this.watchdog);
    this.source.close();
    this.onState('signed-out');
  }

  // A new EventSource cannot send Last-Event-ID, so the position goes in ?lastEventId=.
  reopen(delay) {
    clearInterval(this.watchdog);
    this.source.close();
    setTimeout(() => this.open(), delay);
  }
}

export class SharedSignaling {
  constructor(user, onEvent, onState) {
    this.user = user;
    this.onEvent = onEvent;
    this.onState = onState;
    this.role = 'starting';
  }

  open() {
    if (!navigator.locks || !window.BroadcastChannel) {
      this.role = 'alone';
      new Signaling(this.onEvent, this.onState).open();
      return;
    }
    const name = 'videochat.stream.' + this.user;
    this.channel = new BroadcastChannel(name);
    this.channel.onmessage = ({ data: m }) => this.heard(m);
    this.role = 'follower';
    this.channel.postMessage({ kind: 'hello' });
    // The callback's promise never settles: the lock is held until this tab goes away.
    navigator.locks.request(name, () => new Promise(() => this.lead()));
  }

  heard(m) {
    if (this.role === 'leader') {
      if (m.kind === 'hello') this.channel.postMessage({ kind: 'state', state: this.state, lastEventId: this.stream.lastEventId });
      return;
    }
    if (m.lastEventId) this.lastEventId = m.lastEventId;
    if (m.kind === 'event') this.onEvent(m.type, m.data);
    if (m.kind === 'state') this.onState(m.state);
  }

  lead() {
    this.role = 'leader';
    this.stream = new Signaling((type, data, id) => {
      this.channel.postMessage({ kind: 'event', type, data, lastEventId: id });
      this.onEvent(type, data);
    }, (state) => {
      this.state = state;
      this.channel.postMessage({ kind: 'state', state, lastEventId: this.stream.lastEventId });
      this.onState(state);
    }, this.lastEventId);
    this.stream.open();
  }
}

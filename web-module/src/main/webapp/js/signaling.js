// The signaling stream: one EventSource per tab; the browser reconnects by itself and sends
// Last-Event-ID, so the server replays exactly what was missed. The server sends a `heartbeat`
// event every 15 s: a stream that stays silent for 40 s is dead (a proxy or network dropped it
// without closing) and is reopened. If the browser gives up (readyState CLOSED, e.g. after a 401
// while the server restarts), a new stream is opened after a pause.
const EVENT_TYPES = ['incoming-call', 'call-status', 'answer', 'candidates', 'renegotiate', 'presence', 'resync'];
const SILENCE_MS = 40000;

export class Signaling {
  constructor(device, onEvent, onState) {
    this.device = device;
    this.onEvent = onEvent;
    this.onState = onState;
  }

  open() {
    this.heard = Date.now();
    const resume = this.lastEventId ? '&lastEventId=' + encodeURIComponent(this.lastEventId) : '';
    this.source = new EventSource('/api/events?device=' + encodeURIComponent(this.device) + resume);
    this.source.onopen = () => { this.heard = Date.now(); this.onState('connected'); };
    this.source.onerror = () => {
      if (this.source.readyState === EventSource.CLOSED) {
        this.onState('closed');
        this.reopen(3000);
      } else {
        this.onState('reconnecting');
      }
    };
    this.source.addEventListener('heartbeat', () => { this.heard = Date.now(); });
    for (const type of EVENT_TYPES) {
      this.source.addEventListener(type, (e) => {
        this.heard = Date.now();
        if (e.lastEventId) this.lastEventId = e.lastEventId;
        this.onEvent(type, JSON.parse(e.data));
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

  // A new EventSource cannot send Last-Event-ID, so the position goes in ?lastEventId=: the
  // server replays what was missed, exactly once.
  reopen(delay) {
    clearInterval(this.watchdog);
    this.source.close();
    setTimeout(() => this.open(), delay);
  }
}

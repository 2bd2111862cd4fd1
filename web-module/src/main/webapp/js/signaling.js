// The signaling stream: one EventSource per tab; the browser reconnects by itself and sends
// Last-Event-ID, so the server replays exactly what was missed. If the browser gives up
// (readyState CLOSED, e.g. after a 401 during a restart), open a new stream after a pause.
const EVENT_TYPES = ['incoming-call', 'call-status', 'answer', 'candidates', 'renegotiate', 'presence', 'resync'];

export class Signaling {
  constructor(device, onEvent, onState) {
    this.device = device;
    this.onEvent = onEvent;
    this.onState = onState;
  }

  open() {
    this.source = new EventSource('/api/events?device=' + encodeURIComponent(this.device));
    this.source.onopen = () => this.onState('connected');
    this.source.onerror = () => {
      if (this.source.readyState === EventSource.CLOSED) {
        this.onState('closed');
        setTimeout(() => this.open(), 3000);
      } else {
        this.onState('reconnecting');
      }
    };
    for (const type of EVENT_TYPES) {
      this.source.addEventListener(type, (e) => this.onEvent(type, JSON.parse(e.data)));
    }
  }
}

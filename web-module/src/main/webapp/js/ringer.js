// A ring tone made with Web Audio (no sound file): two short bursts every 3 s.
export class Ringer {
  start() {
    this.stop();
    try {
      this.context = new AudioContext();
    } catch (e) {
      return; // no audio: the page still shows the call
    }
    const ring = () => {
      const t = this.context.currentTime;
      for (const offset of [0, 0.5]) {
        const tone = this.context.createOscillator();
        const gain = this.context.createGain();
        tone.frequency.value = 440;
        gain.gain.setValueAtTime(0.2, t + offset);
        gain.gain.setValueAtTime(0, t + offset + 0.4);
        tone.connect(gain).connect(this.context.destination);
        tone.start(t + offset);
        tone.stop(t + offset + 0.4);
      }
    };
    ring();
    this.timer = setInterval(ring, 3000);
  }

  stop() {
    clearInterval(this.timer);
    if (this.context) this.context.close().catch(() => {});
    this.context = null;
  }
}

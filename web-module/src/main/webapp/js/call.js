// One WebRTC call: media, trickle ICE in batches, the chat data channel, renegotiation with the
// perfect-negotiation pattern (the callee is "polite"), ICE restart when the connection fails,
// and connection quality from getStats().
import { api } from './api.js';
import { t } from './i18n.js';

const CANDIDATE_BATCH_MS = 50;

export class CallSession {
  constructor({ id, role, peer, iceServers, iceTransportPolicy, localVideo, remoteVideo, onChat, onQuality, onMediaState }) {
    Object.assign(this, { id, role, peer, localVideo, remoteVideo, onChat, onQuality, onMediaState });
    this.polite = role === 'callee';
    this.makingOffer = false;
    this.pendingCandidates = [];
    this.remoteCandidates = [];
    this.pc = new RTCPeerConnection({ iceServers, iceTransportPolicy: iceTransportPolicy || 'all' });
    this.pc.onicecandidate = (e) => this.queueCandidate(e.candidate);
    // One stream for everything the peer sends, also a video track that starts later (screen
    // sharing from a call without a camera), which arrives without a stream of its own.
    this.remoteStream = new MediaStream();
    this.pc.ontrack = (e) => {
      this.remoteStream.addTrack(e.track);
      this.remoteVideo.srcObject = this.remoteStream;
    };
    this.pc.onconnectionstatechange = () => this.connectionChanged();
    this.pc.ondatachannel = (e) => this.useChannel(e.channel);
    this.pc.onnegotiationneeded = () => this.negotiate();
    this.negotiationReady = false; // the first offer/answer goes through place/accept
  }

  async addMedia(stream) {
    this.localStream = stream;
    this.localVideo.srcObject = stream;
    for (const track of stream.getTracks()) this.pc.addTrack(track, stream);
  }

  async createOffer() {
    this.useChannel(this.pc.createDataChannel('chat'));
    // Without a camera we still want to see the other side: offer to receive video.
    if (!this.pc.getSenders().some((s) => s.track && s.track.kind === 'video')) {
      this.pc.addTransceiver('video', { direction: 'recvonly' });
    }
    await this.pc.setLocalDescription(await this.pc.createOffer());
    return this.pc.localDescription.sdp;
  }

  async acceptOffer(sdp) {
    await this.pc.setRemoteDescription({ type: 'offer', sdp });
    for (const c of this.remoteCandidates) await this.pc.addIceCandidate(c).catch(() => {});
    this.remoteCandidates = [];
    await this.pc.setLocalDescription(await this.pc.createAnswer());
    return this.pc.localDescription.sdp;
  }

  async answerArrived(sdp) {
    await this.pc.setRemoteDescription({ type: 'answer', sdp });
    for (const c of this.remoteCandidates) await this.pc.addIceCandidate(c).catch(() => {});
    this.remoteCandidates = [];
    this.negotiationReady = true;
  }

  started(id) {
    this.id = id;
    this.flushCandidates();
  }

  connected() {
    this.negotiationReady = true;
  }

  async candidatesArrived(candidates) {
    for (const c of candidates) {
      if (!this.pc.remoteDescription) this.remoteCandidates.push(c);
      else await this.pc.addIceCandidate(c).catch((e) => console.warn('candidate refused', e));
    }
  }

  queueCandidate(candidate) {
    if (!candidate) return;
    this.pendingCandidates.push(candidate.toJSON());
    clearTimeout(this.batchTimer);
    this.batchTimer = setTimeout(() => this.flushCandidates(), CANDIDATE_BATCH_MS);
  }

  async flushCandidates() {
    if (!this.id || this.pendingCandidates.length === 0) return;
    const batch = this.pendingCandidates.splice(0, 50);
    await api('POST', `/api/calls/${this.id}/candidates`, { candidates: batch }).catch((e) => console.warn(e));
    if (this.pendingCandidates.length) this.flushCandidates();
  }

  // Perfect negotiation: both sides may start a renegotiation; on a collision the polite side yields.
  async negotiate() {
    if (!this.negotiationReady) return;
    try {
      this.makingOffer = true;
      await this.pc.setLocalDescription();
      await api('POST', `/api/calls/${this.id}/renegotiate`, { kind: 'offer', sdp: this.pc.localDescription.sdp });
    } finally {
      this.makingOffer = false;
    }
  }

  async renegotiationArrived({ kind, sdp }) {
    const collision = kind === 'offer' && (this.makingOffer || this.pc.signalingState !== 'stable');
    if (collision && !this.polite) return;
    await this.pc.setRemoteDescription({ type: kind, sdp });
    if (kind === 'offer') {
      await this.pc.setLocalDescription();
      await api('POST', `/api/calls/${this.id}/renegotiate`, { kind: 'answer', sdp: this.pc.localDescription.sdp });
    }
  }

  connectionChanged() {
    const state = this.pc.connectionState;
    this.onMediaState(state);
    if (state === 'connected') {
      this.restarting = false;
      api('POST', `/api/calls/${this.id}/media`, { status: 'connected' }).catch(() => {});
      this.startStats();
    } else if (state === 'failed') {
      if (!this.restarting) {
        this.restarting = true;
        this.pc.restartIce(); // a new offer with fresh credentials through onnegotiationneeded
      } else {
        api('POST', `/api/calls/${this.id}/media`, { status: 'failed', detail: 'ice-failed' }).catch(() => {});
      }
    }
  }

  useChannel(channel) {
    this.channel = channel;
    channel.onmessage = (e) => this.onChat('them', e.data);
  }

  sendChat(text) {
    if (this.channel && this.channel.readyState === 'open') {
      this.channel.send(text);
      this.onChat('me', text);
      return true;
    }
    return false;
  }

  /** Swaps the camera or microphone during a call without renegotiating (RTCRtpSender.replaceTrack). */
  async replaceTrack(newTrack) {
    const old = this.localStream.getTracks().find((t) => t.kind === newTrack.kind);
    const sender = this.pc.getSenders().find((s) => s.track && s.track === old);
    // While the screen is shared the new camera waits until sharing stops.
    if (sender && sender.track !== this.screenTrack) await sender.replaceTrack(newTrack);
    if (old) {
      this.localStream.removeTrack(old);
      old.stop();
    }
    this.localStream.addTrack(newTrack);
    if (newTrack.kind === 'video') this.cameraTrack = newTrack;
  }

  /**
   * Shares the screen in place of the camera (replaceTrack, no renegotiation). Without a camera
   * the video transceiver only receives: it is turned to send, which renegotiates the call.
   * Sharing also stops when the browser's own "stop sharing" button is used.
   */
  async shareScreen(on) {
    const video = this.pc.getTransceivers().find((t) => t.receiver.track.kind === 'video' && !t.stopped);
    if (!video) throw new Error(t('share.noVideo'));
    if (on) {
      const screen = await navigator.mediaDevices.getDisplayMedia({ video: true });
      const track = screen.getVideoTracks()[0];
      this.cameraTrack = video.sender.track;
      track.onended = () => this.shareScreen(false).then(() => this.onScreenShareEnded?.());
      if (!video.direction.startsWith('send')) {
        video.direction = 'sendrecv';
        video.sender.setStreams(this.localStream);
      }
      await video.sender.replaceTrack(track);
      this.localVideo.srcObject = screen;
      this.screenTrack = track;
    } else if (this.screenTrack) {
      await video.sender.replaceTrack(this.cameraTrack);
      this.localVideo.srcObject = this.localStream;
      this.screenTrack.stop();
      this.screenTrack = null;
    }
  }

  setMuted(muted) {
    this.localStream?.getAudioTracks().forEach((t) => { t.enabled = !muted; });
  }

  setCameraOff(off) {
    this.localStream?.getVideoTracks().forEach((t) => { t.enabled = !off; });
  }

  startStats() {
    clearInterval(this.statsTimer);
    let previous = null;
    this.statsTimer = setInterval(async () => {
      const report = await this.pc.getStats();
      const sent = this.pc.getSenders().find((x) => x.track && x.track.kind === 'video')?.track;
      const now = { time: performance.now(), videoBytes: 0, audioBytes: 0, framesDecoded: 0, packetsLost: 0, packetsReceived: 0, rtt: null, relay: false, sendingVideo: sent ? sent.label : null };
      report.forEach((s) => {
        if (s.type === 'inbound-rtp' && s.kind === 'video') { now.videoBytes = s.bytesReceived; now.framesDecoded = s.framesDecoded || 0; now.packetsLost += s.packetsLost || 0; now.packetsReceived += s.packetsReceived || 0; }
        if (s.type === 'inbound-rtp' && s.kind === 'audio') { now.audioBytes = s.bytesReceived; now.packetsLost += s.packetsLost || 0; now.packetsReceived += s.packetsReceived || 0; }
        if (s.type === 'candidate-pair' && s.nominated && s.state === 'succeeded') {
          now.rtt = s.currentRoundTripTime;
          const local = report.get(s.localCandidateId);
          now.relay = !!local && local.candidateType === 'relay';
        }
      });
      const kbps = previous ? Math.round(((now.videoBytes + now.audioBytes - previous.videoBytes - previous.audioBytes) * 8) / (now.time - previous.time)) : 0;
      const loss = now.packetsReceived ? now.packetsLost / (now.packetsLost + now.packetsReceived) : 0;
      const quality = now.rtt === null ? 'unknown' : (now.rtt > 0.4 || loss > 0.1) ? 'poor' : (now.rtt > 0.15 || loss > 0.02) ? 'fair' : 'good';
      this.stats = { ...now, kbps, loss, quality };
      this.onQuality(this.stats);
      previous = now;
    }, 1000);
  }

  close() {
    clearInterval(this.statsTimer);
    clearTimeout(this.batchTimer);
    this.localStream?.getTracks().forEach((t) => t.stop());
    this.pc.close();
    this.localVideo.srcObject = null;
    this.remoteVideo.srcObject = null;
  }
}

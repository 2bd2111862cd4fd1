package org.videochat.bench;

/** Session descriptions and candidates the size a browser sends (an SDP offer is about 4 KB). */
final class Sdp {

    static final String OFFER = build("offer");
    static final String ANSWER = build("answer");

    private Sdp() {}

    private static String build(String kind) {
        StringBuilder sdp = new StringBuilder("v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n")
                .append("a=group:BUNDLE 0 1 2\r\na=extmap-allow-mixed\r\na=msid-semantic: WMS bench\r\n");
        for (String media : new String[] {
            "audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126",
            "video 9 UDP/TLS/RTP/SAVPF 96 97 98 99 100 101 127 103 35 36 104 105 106"
        }) {
            sdp.append("m=")
                    .append(media)
                    .append("\r\nc=IN IP4 0.0.0.0\r\na=rtcp:9 IN IP4 0.0.0.0\r\n")
                    .append("a=ice-ufrag:bnch\r\na=ice-pwd:benchbenchbenchbenchbench\r\na=ice-options:trickle\r\n")
                    .append(
                            "a=fingerprint:sha-256 0F:74:31:25:CB:A2:13:EC:28:6F:6D:2C:61:FF:5D:C2:BC:B9:DB:3D:98:14:8D:1A:BB:EA:33:0C:A4:60:A8:8E\r\n")
                    .append("a=setup:")
                    .append(kind.equals("offer") ? "actpass" : "active")
                    .append("\r\n");
            for (int pt = 0; pt < 24; pt++) {
                sdp.append("a=rtpmap:")
                        .append(96 + pt)
                        .append(" VP8/90000\r\na=rtcp-fb:")
                        .append(96 + pt)
                        .append(" nack pli\r\n");
            }
        }
        return sdp.toString();
    }

    /** One ICE candidate whose usernameFragment carries {@code marker}, so its event can be matched. */
    static String candidate(String marker, int n) {
        return "{\"candidate\":\"candidate:" + (842163049 + n) + " 1 udp 1677729535 192.0.2." + (n % 250 + 1) + " "
                + (50000 + n % 10000)
                + " typ srflx raddr 10.0.0.5 rport 53221 generation 0 network-cost 999\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0,\"usernameFragment\":\""
                + marker + "\"}";
    }
}

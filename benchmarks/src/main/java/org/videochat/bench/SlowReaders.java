package org.videochat.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Signal latency of healthy people while N streams of another person have stopped reading. Each
 * stalled stream is a raw socket with a 2 KiB receive window that reads its response headers and
 * then nothing, while its person receives 60 KB renegotiation offers (2 per second, through the
 * whole CDC path) that every one of the N streams must be written. With N = 0 the same offers
 * flow to the same person, who then has no stream, so the load on the pipeline is the same.
 * The goal is no measurable difference.
 */
final class SlowReaders {

    private static final String LARGE_SDP = Sdp.OFFER + "a=x-filler:" + "f".repeat(60_000) + "\r\n";

    private SlowReaders() {}

    static Map<String, Object> measure(
            Client client,
            SignalLatency signals,
            Session sender,
            Session stalledPerson,
            int stalled,
            int rate,
            double seconds,
            String jdbc)
            throws Exception {
        String call = client.call(
                        sender,
                        "POST",
                        "api/calls",
                        "{\"callee\":\"" + stalledPerson.username() + "\",\"sdp\":" + CallPair.json(Sdp.OFFER) + "}")
                .getString("id");
        client.call(
                stalledPerson,
                "POST",
                "api/calls/" + call + "/accept",
                "{\"sdp\":" + CallPair.json(Sdp.ANSWER) + ",\"device\":\"bench\"}");
        String offer = "{\"kind\":\"offer\",\"sdp\":" + CallPair.json(LARGE_SDP) + "}";
        List<Socket> sockets = new ArrayList<>();
        AtomicBoolean flooding = new AtomicBoolean(true);
        Thread flood = new Thread(
                () -> {
                    long next = System.nanoTime();
                    while (flooding.get()) {
                        Pacing.sleepUntil(next += TimeUnit.MILLISECONDS.toNanos(500));
                        client.send(sender, "POST", "api/calls/" + call + "/renegotiate", offer);
                    }
                },
                "flood-stalled");
        try {
            for (int i = 0; i < stalled; i++) {
                sockets.add(stalledStream(client, stalledPerson));
            }
            flood.start();
            SignalLatency.Run run = signals.run(SignalLatency.Path.CDC, rate, seconds);
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("stalled_streams", stalled);
            s.put("stalled_streams_closed_by_server", stalled - openStreamsOf(jdbc, stalledPerson));
            s.putAll(run.summary());
            return s;
        } finally {
            flooding.set(false);
            flood.join(5000);
            for (Socket socket : sockets) {
                socket.close();
            }
            client.send(sender, "POST", "api/calls/" + call + "/hangup", null).get();
        }
    }

    private static Socket stalledStream(Client client, Session who) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(2048);
        socket.connect(new InetSocketAddress(client.base.getHost(), client.base.getPort()), 5000);
        String request = "GET " + client.base.getPath() + "api/events HTTP/1.1\r\nHost: " + client.base.getHost() + ":"
                + client.base.getPort() + "\r\nCookie: " + who.cookie() + "\r\nAccept: text/event-stream\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        socket.setSoTimeout(10_000);
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("stalled stream closed before its headers: " + head);
            }
            head.append((char) b);
        }
        if (!head.toString().startsWith("HTTP/1.1 200")) {
            throw new IOException("stalled stream refused: " + head);
        }
        return socket;
    }

    private static long openStreamsOf(String jdbc, Session person) throws Exception {
        try (Connection db = BenchDatabase.connect(jdbc);
                PreparedStatement q =
                        db.prepareStatement("SELECT count(*) FROM stream_connection WHERE username = ?")) {
            q.setString(1, person.username());
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}

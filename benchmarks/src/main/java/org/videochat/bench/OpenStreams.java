package org.videochat.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Holds many open event streams on the one app server node, then measures its memory and how
 * long one presence change takes to reach every stream (a person switching Do Not Disturb on is
 * announced to everyone signed in).
 */
final class OpenStreams {

    record Result(
            int streams,
            int people,
            double openSeconds,
            double settleSeconds,
            double heapMiB,
            double rssMiB,
            Latencies fanOut,
            int reached) {
        Map<String, Object> summary() {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("streams", streams);
            s.put("people", people);
            s.put("open_seconds", Math.round(openSeconds * 10) / 10.0);
            s.put("online_announcements_settled_seconds", Math.round(settleSeconds * 10) / 10.0);
            s.put("app_server_heap_after_gc_mib", Math.round(heapMiB));
            s.put("app_server_rss_mib", Math.round(rssMiB));
            s.put("presence_reached", reached);
            s.put("presence_fan_out", fanOut.summary());
            return s;
        }
    }

    private OpenStreams() {}

    static Result hold(Client client, List<Session> people, Session changer, int streams, long appServerPid)
            throws Exception {
        Map<EventStream, Boolean> reached = new ConcurrentHashMap<>();
        Latencies fanOut = new Latencies();
        long[] changedAt = {Long.MAX_VALUE};
        AtomicLong lastEvent = new AtomicLong(System.nanoTime());
        List<EventStream> open = new ArrayList<>();
        long start = System.nanoTime();
        try {
            for (int i = 0; i < streams; i += 200) {
                List<EventStream> batch = new ArrayList<>();
                for (int j = i; j < Math.min(streams, i + 200); j++) {
                    EventStream[] self = new EventStream[1];
                    self[0] = client.stream(people.get(j % people.size()), e -> {
                        if (!e.type().equals("heartbeat")) {
                            lastEvent.set(e.arrivedNanos());
                        }
                        if (e.type().equals("presence")
                                && e.data().contains("\"" + changer.username() + "\"")
                                && e.data().contains("\"dnd\"")
                                && reached.putIfAbsent(self[0], true) == null) {
                            fanOut.add((e.arrivedNanos() - changedAt[0]) / 1000);
                        }
                    });
                    batch.add(self[0]);
                }
                for (EventStream s : batch) {
                    if (!s.awaitOpen(60)) {
                        throw new IllegalStateException("stream " + open.size() + " did not open");
                    }
                    open.add(s);
                }
            }
            double openSeconds = (System.nanoTime() - start) / 1e9;
            // Everyone coming online is announced to everyone else: wait until those events
            // have all been delivered (3 s without any), so the measurement starts from rest.
            long quietDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
            while (System.nanoTime() - lastEvent.get() < TimeUnit.SECONDS.toNanos(3)
                    && System.nanoTime() < quietDeadline) {
                Thread.sleep(100);
            }
            double settleSeconds = (System.nanoTime() - start) / 1e9 - openSeconds;
            double heap = Processes.heapAfterGcMiB(appServerPid);
            double rss = Processes.rssMiB(appServerPid);
            changedAt[0] = System.nanoTime();
            client.call(changer, "PUT", "api/me/dnd", "{\"dnd\":true}");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (reached.size() < streams && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            client.call(changer, "PUT", "api/me/dnd", "{\"dnd\":false}");
            return new Result(streams, people.size(), openSeconds, settleSeconds, heap, rss, fanOut, reached.size());
        } finally {
            open.forEach(EventStream::close);
        }
    }
}

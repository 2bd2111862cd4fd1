package org.videochat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.Connection;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.videochat.it.support.Api;
import org.videochat.it.support.Calls;
import org.videochat.it.support.Db;
import org.videochat.it.support.OnRunCommandServer;
import org.videochat.it.support.Secrets;
import org.videochat.it.support.SseClient;
import org.videochat.it.support.Waits;

/**
 * PostgreSQL is killed (SIGKILL) while signals flow and while some of them are captured but not
 * yet projected, and stays away longer than any broker redelivery window. Changes in flight wait
 * and are retried; once the database is back, every
 * signal whose command was acknowledged reaches the callee exactly once and in order, and
 * nothing was dead-lettered.
 */
class DatabaseOutageIT extends OnRunCommandServer {

    private static final Duration OUTAGE = Duration.ofSeconds(20);

    @Test
    void acknowledgedSignalsArriveExactlyOnceInOrderAfterADatabaseOutage() throws Exception {
        Calls calls = new Calls(uri());
        String call = calls.place("alice", "bob");
        assertEquals(200, calls.accept("bob", call, "d1").status());

        List<Integer> acknowledged = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean sending = new AtomicBoolean(true);
        try (SseClient bob = SseClient.open(uri(), "bob", Api.PASSWORD, null)) {
            Thread sender = new Thread(
                    () -> {
                        for (int i = 0; sending.get(); i++) {
                            long due =
                                    System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(6); // up to about 150 signals/s
                            try {
                                if (calls.command("alice", call, "candidates", candidate(i))
                                                .status()
                                        == 200) {
                                    acknowledged.add(i);
                                }
                            } catch (Exception refused) {
                                // not acknowledged: the client would retry it, and it need not arrive
                            }
                            long rest = due - System.nanoTime();
                            if (rest > 0) {
                                java.util.concurrent.locks.LockSupport.parkNanos(rest);
                            }
                        }
                    },
                    "signals");
            sender.start();
            Waits.until("signals flowing", Duration.ofSeconds(15), () -> acknowledged.size() >= 100);

            // Changes in flight for certain: a lock makes the projection wait, so the signals
            // acknowledged from here on are committed and captured but not projected when the
            // database dies (the lock's connection dies with it).
            List<Integer> inFlight;
            java.sql.Connection lock = Db.connect();
            try {
                lock.setAutoCommit(false);
                lock.createStatement().execute("LOCK TABLE user_event IN SHARE ROW EXCLUSIVE MODE");
                int held = acknowledged.size();
                Waits.until(
                        "20 signals acknowledged while the projection waits",
                        Duration.ofSeconds(15),
                        () -> acknowledged.size() >= held + 20);
                inFlight = List.copyOf(acknowledged.subList(held, acknowledged.size()));
                assertTrue(
                        Collections.disjoint(signals(bob.seen(), call), inFlight),
                        "held signals were not delivered yet");
                killDatabase();
            } finally {
                closeQuietly(lock);
            }
            // The outage itself: the database stays away this long, longer than any broker
            // redelivery window. A duration of the scenario, not a wait for a result.
            Thread.sleep(OUTAGE.toMillis());
            startDatabase();
            int beforeRestart = acknowledged.size();
            Waits.until(
                    "50 more signals acknowledged after the outage",
                    Duration.ofSeconds(90),
                    () -> acknowledged.size() >= beforeRestart + 50);
            sending.set(false);
            sender.join(30_000);

            List<Integer> expected = List.copyOf(acknowledged);
            Waits.until(
                    "every acknowledged signal on bob's stream",
                    Duration.ofSeconds(120),
                    () -> signals(bob.drain(Duration.ofMillis(300)), call).containsAll(expected));
            List<Integer> arrived = signals(bob.drain(Duration.ofSeconds(2)), call);
            assertEquals(arrived.stream().distinct().count(), arrived.size(), "no signal arrived twice: " + arrived);
            List<Integer> sorted = new ArrayList<>(arrived);
            Collections.sort(sorted);
            assertEquals(sorted, arrived, "signals arrived in the order they were sent");
            System.out.printf(
                    "[DatabaseOutageIT] %d signals acknowledged (%d in flight when the database died), %d arrived, outage %d s%n",
                    expected.size(), inFlight.size(), arrived.size(), OUTAGE.toSeconds());
        } finally {
            sending.set(false);
        }
        assertEquals(0, deadLettersOf(call), "nothing of the call was dead-lettered");
    }

    /** The signal numbers of the call's candidate events, in the order they arrived. */
    /**
     * While PostgreSQL is away, API clients get 503 with a problem body and Retry-After, a person's
     * browser gets a short page saying so; once it is back, the same requests work again without
     * restarting anything.
     */
    @Test
    void whileTheDatabaseIsAwayRequestsGet503AndThenWorkAgain() throws Exception {
        Api api = new Api(uri());
        assertEquals(200, api.get("alice", Api.PASSWORD, "api/me").status());
        killDatabase();
        try {
            Api.Answer command = api.placeCall("alice", "bob");
            assertEquals(503, command.status(), command.body());
            assertEquals("application/problem+json", command.contentType().split(";")[0]);
            assertEquals("unavailable", command.json().getString("code"));
            assertEquals("1", command.header("Retry-After"));
            Api.Answer query = api.get("bob", Api.PASSWORD, "api/calls");
            assertEquals(503, query.status(), query.body());
            assertEquals("unavailable", query.json().getString("code"));
            java.net.http.HttpResponse<String> page = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(uri())
                                    .header("Accept", "text/html")
                                    .header("Accept-Language", "ko")
                                    .header("Authorization", Api.basic("carol", Api.PASSWORD))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(503, page.statusCode(), page.body());
            assertTrue(
                    page.body().contains("id=\"error-message\"") && page.body().contains("lang=\"ko\""), page.body());
        } finally {
            startDatabase();
        }
        Api.Answer placed = Waits.until("calls are accepted again", Duration.ofSeconds(60), () -> {
            Api.Answer a = api.placeCall("alice", "bob");
            return a.status() == 201 ? a : null;
        });
        assertEquals(
                200,
                api.post("alice", "api/calls/" + placed.json().getString("id") + "/cancel", "application/json", "{}")
                        .status());
    }

    private static List<Integer> signals(List<SseClient.Event> events, String call) {
        return events.stream()
                .filter(e -> e.type().equals("candidates") && e.data().contains(call))
                .map(e -> index(e.data()))
                .toList();
    }

    private static String candidate(int i) {
        return "{\"candidates\":[{\"candidate\":\"candidate:" + i + " 1 udp 2122260223 10.0.0.2 " + (20000 + i % 40000)
                + " typ host\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}]}";
    }

    private static int index(String data) {
        int at = data.indexOf("candidate:") + "candidate:".length();
        return Integer.parseInt(data.substring(at, data.indexOf(' ', at)));
    }

    private static void closeQuietly(java.sql.Connection connection) {
        try {
            connection.close();
        } catch (Exception gone) {
            // the server it talked to was killed
        }
    }

    private static void killDatabase() throws Exception {
        Path pid = Path.of(System.getProperty("it.home"), "pgdata", "postmaster.pid");
        long postmaster = Long.parseLong(Files.readAllLines(pid).get(0).trim());
        assertTrue(
                new ProcessBuilder("kill", "-KILL", Long.toString(postmaster))
                                .start()
                                .waitFor()
                        == 0,
                "SIGKILL PostgreSQL");
        Waits.until(
                "PostgreSQL gone",
                Duration.ofSeconds(10),
                () -> ProcessHandle.of(postmaster).isEmpty());
    }

    private static void startDatabase() throws Exception {
        File script = new File(System.getProperty("it.repo"), "server-config/bin/videochat");
        Waits.until("PostgreSQL started again", Duration.ofSeconds(60), () -> {
            Process start = new ProcessBuilder(script.getAbsolutePath(), "db-start")
                    .redirectErrorStream(true)
                    .redirectOutput(
                            ProcessBuilder.Redirect.appendTo(new File(System.getProperty("it.home"), "db-start.log")))
                    .start();
            return start.waitFor(60, TimeUnit.SECONDS) && start.exitValue() == 0;
        });
    }

    private static int deadLettersOf(String call) throws Exception {
        try (var factory = new ActiveMQConnectionFactory(System.getProperty("it.artemis.url"));
                Connection connection = factory.createConnection("videochat", Secrets.artemisPassword())) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            int n = 0;
            try (QueueBrowser browser = session.createBrowser(session.createQueue("DLQ"))) {
                var messages = browser.getEnumeration();
                while (messages.hasMoreElements()) {
                    if (((TextMessage) messages.nextElement()).getText().contains(call)) {
                        n++;
                    }
                }
            }
            return n;
        }
    }
}

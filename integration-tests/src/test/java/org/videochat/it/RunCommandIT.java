package org.videochat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.File;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.videochat.it.support.Api;
import org.videochat.it.support.Browser;
import org.videochat.it.support.SseClient;
import org.videochat.it.support.Waits;

/**
 * End to end against what the run command starts: Payara Server with videochat.ear, PostgreSQL,
 * Artemis and Debezium Server, exactly as a newcomer gets them. Then the whole system is stopped
 * and started again, and the call is still there. Before that, the broker is killed and readiness
 * must report it DOWN.
 */
class RunCommandIT {

    private static final Duration CDC = Duration.ofSeconds(15);
    private final URI server = URI.create(System.getProperty("it.server.url"));

    @Test
    void aCallPlacedOnPayaraServerReachesTheCalleeAndSurvivesARestart() throws Exception {
        Api api = new Api(server);
        String callId;
        String eventId;
        try (SseClient bob = SseClient.open(server, "bob", Api.PASSWORD, null)) {
            long sent = System.nanoTime();
            Api.Answer placed = api.placeCall("alice", "bob");
            assertEquals(201, placed.status(), placed.body());
            callId = placed.json().getString("id");
            assertTrue(placed.body().contains("\"state\":\"TRYING\""));
            SseClient.Event invite =
                    bob.await(e -> e.type().equals("incoming-call") && e.data().contains(callId), CDC);
            System.out.printf(
                    "[RunCommandIT] POST /api/calls -> incoming-call on bob's stream: %d ms%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent));
            eventId = invite.id();
        }
        assertEquals(
                200,
                api.post("alice", "api/calls/" + callId + "/cancel", "application/json", "{}")
                        .status());

        // The broker goes away: readiness tells the load balancer at once (503, broker DOWN).
        long artemis = Long.parseLong(Files.readString(Path.of(System.getProperty("it.home"), "run", "artemis.pid"))
                .trim());
        ProcessHandle.of(artemis).ifPresent(ProcessHandle::destroy);
        try (Browser loadBalancer = new Browser(server)) {
            HttpResponse<String> down = Waits.until("readiness DOWN without the broker", Duration.ofSeconds(60), () -> {
                HttpResponse<String> r = loadBalancer.get("health/ready");
                return r.statusCode() == 503 ? r : null;
            });
            assertTrue(down.body().contains("\"name\":\"broker\",\"status\":\"DOWN\""), down.body());
            HttpResponse<String> app = loadBalancer.get("api/health/ready");
            assertEquals(503, app.statusCode(), "the application's own endpoint agrees: " + app.body());
            assertTrue(app.body().contains("\"name\":\"broker\",\"status\":\"DOWN\""), app.body());
        }
        // What needs the broker answers 503 at once, with a problem body and Retry-After (the
        // outbound pool does not wait for a reconnection); a call is still accepted: the command is
        // in the database, its signals flow once the broker is back.
        long asked = System.nanoTime();
        Api.Answer broker = api.get("admin", Api.PASSWORD, "api/admin/broker");
        assertEquals(503, broker.status(), broker.body());
        assertEquals("application/problem+json", broker.contentType().split(";")[0]);
        assertTrue(broker.header("Retry-After") != null, "Retry-After");
        Api.Answer signOut = api.post("admin", "api/admin/people/carol/sign-out", "application/json", "{}");
        assertEquals(503, signOut.status(), signOut.body());
        assertEquals("unavailable", signOut.json().getString("code"));
        assertTrue(
                Duration.ofNanos(System.nanoTime() - asked).compareTo(Duration.ofSeconds(10)) < 0,
                "answered without waiting for the broker");
        Api.Answer accepted = api.placeCall("alice", "bob");
        assertEquals(201, accepted.status(), accepted.body());
        assertEquals(
                200,
                api.post("alice", "api/calls/" + accepted.json().getString("id") + "/cancel", "application/json", "{}")
                        .status());

        run("stop");
        run("start");

        try (Browser loadBalancer = new Browser(server)) {
            Waits.until(
                    "ready again after the restart",
                    Duration.ofSeconds(60),
                    () -> loadBalancer.get("health/ready").statusCode() == 200);
        }

        JsonObject call = Waits.until("call readable after restart", Duration.ofSeconds(60), () -> {
            Api.Answer a = api.get("alice", Api.PASSWORD, "api/calls/" + callId);
            return a.status() == 200 ? a.json() : null;
        });
        assertEquals("bob", call.getString("callee"));
        assertEquals("cancelled", call.getString("reason"));
        // Bob's event log survived too: replay from just before the invite.
        try (SseClient bob = SseClient.open(server, "bob", Api.PASSWORD, Long.toString(Long.parseLong(eventId) - 1))) {
            SseClient.Event replayed = bob.await(e -> e.type().equals("incoming-call"), CDC);
            assertEquals(eventId, replayed.id());
            assertTrue(replayed.data().contains(callId));
        }
        // And the pipeline still flows after the restart.
        try (SseClient carol = SseClient.open(server, "carol", Api.PASSWORD, null)) {
            String next = api.placeCall("bob", "carol").json().getString("id");
            carol.await(e -> e.type().equals("incoming-call") && e.data().contains(next), CDC);
            // Leave nobody ringing for the tests that follow (carol would be busy for 45 s).
            assertEquals(
                    200,
                    api.post("bob", "api/calls/" + next + "/cancel", "application/json", "{}")
                            .status());
        }
    }

    /** Demo users have a published password and an administrator: never in a real database. */
    @Test
    void theRunCommandRefusesDemoUsersOnAnExternalDatabase() throws Exception {
        File script = new File(System.getProperty("it.repo"), "server-config/bin/videochat");
        ProcessBuilder refused = new ProcessBuilder(script.getAbsolutePath(), "start").redirectErrorStream(true);
        refused.environment().put("VIDEOCHAT_HOME", System.getProperty("it.home") + "-external-db");
        refused.environment().put("VIDEOCHAT_DB_EXTERNAL", "true");
        refused.environment().put("VIDEOCHAT_DEMO_USERS_ENABLED", "true");
        Process process = refused.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(process.waitFor(1, TimeUnit.MINUTES), "the refusal came at once");
        assertEquals(1, process.exitValue(), output);
        assertTrue(output.contains("demo users") && output.contains("VIDEOCHAT_DEMO_USERS_ENABLED"), output);
        assertFalse(output.contains("starting"), "nothing was started: " + output);
    }

    private static void run(String command) throws Exception {
        File script = new File(System.getProperty("it.repo"), "server-config/bin/videochat");
        Process process = new ProcessBuilder(script.getAbsolutePath(), command)
                .redirectErrorStream(true)
                .redirectOutput(new File(System.getProperty("it.home"), "restart-" + command + ".log"))
                .start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "videochat " + command + " took too long");
        assertEquals(0, process.exitValue(), "videochat " + command + " failed; see " + System.getProperty("it.home"));
    }
}

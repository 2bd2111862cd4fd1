package org.videochat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.videochat.it.support.Api;
import org.videochat.it.support.Calls;
import org.videochat.it.support.Db;
import org.videochat.it.support.OnRunCommandServer;
import org.videochat.it.support.SseClient;
import org.videochat.it.support.Waits;

/** Operators list the calls and end one, and list and disconnect streams; nobody else may. */
class AdminCallsIT extends OnRunCommandServer {

    private final Calls calls = new Calls(server);
    private final Api api = calls.api();

    @Test
    void anAdministratorSeesAConnectedCallAndEndsItForBothParticipants() throws Exception {
        try (SseClient alice = SseClient.open(server, "alice", Api.PASSWORD, null);
                SseClient bob = SseClient.open(server, "bob", Api.PASSWORD, null)) {
            String id = calls.place("alice", "bob");
            assertEquals(200, calls.accept("bob", id, "desk").status());
            alice.await(
                    e -> e.type().equals("call-status")
                            && e.data().contains(id)
                            && e.data().contains("CONNECTED"),
                    CDC);

            JsonObject listed = Waits.until(
                    "the call in the admin list",
                    CDC,
                    () -> api.get("admin", Api.PASSWORD, "api/admin/calls").json().getJsonArray("active").stream()
                            .map(v -> v.asJsonObject())
                            .filter(c -> c.getString("id").equals(id)
                                    && c.getString("state").equals("CONNECTED"))
                            .findFirst()
                            .orElse(null));
            assertEquals("alice", listed.getString("caller"));
            assertEquals("bob", listed.getString("callee"));
            assertTrue(listed.containsKey("connectedSeconds"), listed.toString());

            Api.Answer ended = api.post("admin", "api/admin/calls/" + id + "/end", "application/json", "{}");
            assertEquals(200, ended.status(), ended.body());
            assertEquals("ended_by_admin", ended.json().getString("reason"));
            for (SseClient participant : new SseClient[] {alice, bob}) {
                JsonObject status = Api.parse(participant
                        .await(
                                e -> e.type().equals("call-status")
                                        && e.data().contains(id)
                                        && e.data().contains("ENDED"),
                                CDC)
                        .data());
                assertEquals("ended_by_admin", status.getString("reason"));
                assertEquals("admin", status.getString("endedBy"));
            }
            assertEquals(
                    409,
                    api.post("admin", "api/admin/calls/" + id + "/end", "application/json", "{}")
                            .status(),
                    "already ended");
            JsonObject recent = Waits.until(
                    "the call among the recently ended",
                    CDC,
                    () ->
                            api
                                    .get("admin", Api.PASSWORD, "api/admin/calls")
                                    .json()
                                    .getJsonArray("recentlyEnded")
                                    .stream()
                                    .map(v -> v.asJsonObject())
                                    .filter(c -> c.getString("id").equals(id))
                                    .findFirst()
                                    .orElse(null));
            assertEquals("ended_by_admin", recent.getString("reason"));
        }
    }

    @Test
    void anAdministratorSeesOpenStreamsAndDisconnectsOne() throws Exception {
        try (SseClient bob = SseClient.open(server, "bob", Api.PASSWORD, null)) {
            String id = calls.place("alice", "bob");
            bob.await(e -> e.type().equals("incoming-call") && e.data().contains(id), CDC);
            // The newest of bob's streams: one closed by an earlier test may still be listed until
            // the next heartbeat notices it.
            JsonObject stream = Waits.until(
                    "bob's stream in the admin list",
                    CDC,
                    () -> api.get("admin", Api.PASSWORD, "api/admin/streams").json().getJsonArray("streams").stream()
                            .map(v -> v.asJsonObject())
                            .filter(s -> s.getString("username").equals("bob") && s.containsKey("lastEventId"))
                            .max(java.util.Comparator.comparing(s -> s.getString("openedAt")))
                            .orElse(null));
            assertTrue(stream.getJsonNumber("lastEventId").longValue() > 0, stream.toString());
            assertEquals("online", stream.getString("presence"), "presence beside the stream: " + stream);
            assertEquals(403, api.get("bob", Api.PASSWORD, "api/admin/streams").status());
            assertEquals(
                    404,
                    api.post(
                                    "admin",
                                    "api/admin/streams/" + java.util.UUID.randomUUID() + "/disconnect",
                                    "application/json",
                                    "{}")
                            .status());

            Api.Answer asked = api.post(
                    "admin", "api/admin/streams/" + stream.getString("id") + "/disconnect", "application/json", "{}");
            assertEquals(202, asked.status(), asked.body());
            Waits.until("the server closed bob's stream", CDC, bob::isClosedByServer);
        }
    }

    @Test
    void everyoneElseIsRefused() throws Exception {
        String id = calls.place("alice", "bob");
        assertEquals(403, api.get("bob", Api.PASSWORD, "api/admin/calls").status());
        assertEquals(
                403,
                api.post("alice", "api/admin/calls/" + id + "/end", "application/json", "{}")
                        .status(),
                "not even their own call");
        assertEquals(403, api.get("carol", Api.PASSWORD, "admin/").status(), "the console pages too");
        assertEquals(403, api.get("carol", Api.PASSWORD, "admin/index.xhtml").status());
        Api anonymous = new Api(server);
        for (String path : java.util.List.of(
                "api/admin/calls",
                "api/admin/calls/" + id + "/trace",
                "api/admin/streams",
                "api/admin/broker",
                "api/admin/cdc")) {
            assertEquals(403, api.get("bob", Api.PASSWORD, path).status(), "GET " + path);
            assertEquals(401, anonymous.get(null, null, path).status(), "GET " + path);
        }
        for (String path : java.util.List.of(
                "api/admin/streams/" + java.util.UUID.randomUUID() + "/disconnect",
                "api/admin/broker/dead-letters/1/retry",
                "api/admin/people/alice/sign-out")) {
            assertEquals(403, api.post("bob", path, "application/json", "{}").status(), "POST " + path);
            assertEquals(
                    401, anonymous.post(null, path, "application/json", "{}").status(), "POST " + path);
        }
        assertEquals(
                403,
                api.send("bob", "DELETE", "api/admin/broker/dead-letters/1", "").status());
        assertEquals(
                401, new Api(server).get("nobody", "wrong", "api/admin/calls").status());
        assertEquals(
                404,
                api.post("admin", "api/admin/calls/not-a-call/end", "application/json", "{}")
                        .status());
        assertEquals(
                "TRYING",
                Db.string("SELECT state FROM call WHERE id = CAST(? AS uuid)", id),
                "a refused end changes nothing");
    }
}

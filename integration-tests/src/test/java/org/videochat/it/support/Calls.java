package org.videochat.it.support;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** Call commands as the REST API offers them, and a clean slate between tests. */
public final class Calls {

    public static final String ANSWER = "v=0\r\no=- 99 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";
    public static final List<String> PEOPLE = List.of("alice", "bob", "carol", "admin");

    private final Api api;

    public Calls(URI base) {
        this.api = new Api(base);
    }

    public Api api() {
        return api;
    }

    public String place(String caller, String callee) throws Exception {
        Api.Answer a = api.placeCall(caller, callee);
        if (a.status() != 201) {
            throw new AssertionError(
                    "placing " + caller + " -> " + callee + " answered " + a.status() + " " + a.body());
        }
        return a.json().getString("id");
    }

    public Api.Answer command(String user, String callId, String action, String json) throws Exception {
        return api.post(user, "api/calls/" + callId + "/" + action, "application/json", json == null ? "{}" : json);
    }

    public Api.Answer accept(String user, String callId, String device) throws Exception {
        return command(
                user,
                callId,
                "accept",
                "{\"sdp\":\"" + ANSWER.replace("\r\n", "\\r\\n") + "\",\"device\":\"" + device + "\"}");
    }

    /**
     * Ends every call that is not over, through the API as its participants would, and waits
     * until the query side agrees. Which calls are open is read from the command side, which
     * never lags.
     */
    public void endAll() throws Exception {
        for (int round = 0; round < 3; round++) {
            List<String[]> open =
                    Db.rows("SELECT CAST(id AS text), caller, callee, state FROM call WHERE state <> 'ENDED'");
            if (open.isEmpty()) {
                break;
            }
            for (String[] call : open) {
                String id = call[0];
                switch (call[3]) {
                    case "CONNECTED" -> command(call[1], id, "hangup", null);
                    default -> command(call[1], id, "cancel", null);
                }
            }
        }
        Waits.until(
                "the query side shows no open call",
                Duration.ofSeconds(15),
                () -> Db.count("SELECT count(*) FROM call_view WHERE state <> 'ENDED'") == 0
                        && Db.count("SELECT count(*) FROM call WHERE state <> 'ENDED'") == 0);
    }
}

package org.videochat.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.videochat.it.support.Api;
import org.videochat.it.support.Calls;
import org.videochat.it.support.ChromiumPage;
import org.videochat.it.support.SseClient;

import java.net.URI;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An operator in a real browser: the console shows a call that two API clients hold, with its
 * state, and ending it there ends it for both participants.
 */
class AdminConsoleIT {

    private static final Duration CDC = Duration.ofSeconds(15);
    private final URI server = URI.create(System.getProperty("it.server.url"));
    private final Calls calls = new Calls(server);

    @AfterEach
    void endEveryCall() throws Exception {
        calls.endAll();
    }

    @Test
    void theConsoleShowsACallAndEndsItForBothParticipants() throws Exception {
        try (SseClient alice = SseClient.open(server, "alice", Api.PASSWORD, null);
             SseClient bob = SseClient.open(server, "bob", Api.PASSWORD, null);
             ChromiumPage admin = new ChromiumPage(server, "admin").signIn("admin", Api.PASSWORD)) {
            String id = calls.place("alice", "bob");
            assertEquals(200, calls.accept("bob", id, "desk").status());

            admin.open("admin/");
            String row = "#active-calls tr[data-call='" + id + "']";
            admin.waitFor("the call in the console", d -> d.findElement(org.openqa.selenium.By.cssSelector(row)).getText().contains("CONNECTED"));
            admin.waitText("health-status", "UP");
            admin.screenshot("console");

            admin.click(row + " button.end");
            for (SseClient participant : new SseClient[]{alice, bob}) {
                JsonObject status = Api.parse(participant.await(e -> e.type().equals("call-status") && e.data().contains(id)
                        && e.data().contains("ENDED"), CDC).data());
                assertEquals("ended_by_admin", status.getString("reason"));
            }
            admin.waitFor("the call among the recently ended", d -> d.findElement(org.openqa.selenium.By.cssSelector(
                    "#ended-calls tr[data-call='" + id + "']")).getText().contains("ended_by_admin"));
            admin.waitFor("the call gone from the active ones", d -> d.findElements(org.openqa.selenium.By.cssSelector(row)).isEmpty());
        }
    }
}

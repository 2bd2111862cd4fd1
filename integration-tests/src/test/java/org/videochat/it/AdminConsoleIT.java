package org.videochat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.videochat.it.support.Api;
import org.videochat.it.support.Calls;
import org.videochat.it.support.ChromiumPage;
import org.videochat.it.support.Db;
import org.videochat.it.support.OnRunCommandServer;
import org.videochat.it.support.SseClient;

/**
 * An operator in a real browser: the console shows a call that two API clients hold, with its
 * state, and ending it there ends it for both participants.
 */
class AdminConsoleIT extends OnRunCommandServer {

    private final Calls calls = new Calls(server);

    @Test
    void theConsoleShowsACallAndEndsItForBothParticipants() throws Exception {
        try (SseClient alice = SseClient.open(server, "alice", Api.PASSWORD, null);
                SseClient bob = SseClient.open(server, "bob", Api.PASSWORD, null);
                ChromiumPage admin = new ChromiumPage(server, "admin").signIn("admin", Api.PASSWORD)) {
            String id = calls.place("alice", "bob");
            assertEquals(200, calls.accept("bob", id, "desk").status());

            admin.open("admin/");
            String row = "#active-calls tr[data-call='" + id + "']";
            admin.waitFor(
                    "the call in the console",
                    d -> d.findElement(org.openqa.selenium.By.cssSelector(row))
                            .getText()
                            .contains("CONNECTED"));
            admin.waitText("health-status", "UP");
            admin.click(row + " button.trace");
            String ringing = "#trace tr[data-event^='bob/']";
            admin.waitFor(
                    "bob's ringing in the call's trace, delivered",
                    d -> d.findElements(By.cssSelector(ringing)).stream()
                            .anyMatch(r -> r.getText().startsWith("incoming-call")
                                    && r.getText().matches("(?s).*\\d+$")));
            admin.waitFor(
                    "a measured stage in the charts' source",
                    d -> !d.findElements(By.cssSelector("#stages tbody tr")).isEmpty());
            // The picture in the README: the whole console once the charts hold a few readings.
            admin.waitFor(
                    "three readings charted",
                    d -> (Long) d.executeScript("return Number(document.getElementById('updated').dataset.count || 0)")
                            >= 3);
            admin.resize(1280, 2400).screenshot("console");
            admin.resize(1000, 900);

            admin.click(row + " button.end");
            for (SseClient participant : new SseClient[] {alice, bob}) {
                JsonObject status = Api.parse(participant
                        .await(
                                e -> e.type().equals("call-status")
                                        && e.data().contains(id)
                                        && e.data().contains("ENDED"),
                                CDC)
                        .data());
                assertEquals("ended_by_admin", status.getString("reason"));
            }
            admin.waitFor(
                    "the call among the recently ended",
                    d -> d.findElement(org.openqa.selenium.By.cssSelector("#ended-calls tr[data-call='" + id + "']"))
                            .getText()
                            .contains("ended by an administrator"));
            admin.waitFor(
                    "the call gone from the active ones",
                    d -> d.findElements(org.openqa.selenium.By.cssSelector(row)).isEmpty());
        }
    }

    /**
     * The database refuses every projection for a while with an error of its own (a trigger that
     * raises one: a rule the change breaks, which no retry can fix): the call's changes go to the
     * dead-letter queue at once, and the console shows them with the reason. Once the fault is
     * gone the operator retries them, and the callee's phone rings.
     */
    @Test
    void aChangeThatCouldNotBeProjectedIsRetriedFromTheConsole() throws Exception {
        try (SseClient bob = SseClient.open(server, "bob", Api.PASSWORD, null);
                ChromiumPage admin = new ChromiumPage(server, "admin").signIn("admin", Api.PASSWORD)) {
            admin.open("admin/");
            String id;
            Db.execute("""
                    CREATE OR REPLACE FUNCTION staged_projection_fault() RETURNS trigger LANGUAGE plpgsql AS
                    $$ BEGIN RAISE EXCEPTION 'staged fault: the query side refuses writes'; END $$""");
            Db.execute(
                    "CREATE TRIGGER staged_projection_fault BEFORE INSERT ON user_event FOR EACH ROW EXECUTE FUNCTION staged_projection_fault()");
            try {
                id = calls.place("alice", "bob");
                admin.waitFor(
                        "both changes of the call among the dead letters",
                        Duration.ofSeconds(40),
                        d -> deadLetters(d, id).size() == 2);
                admin.waitFor(
                        "the console says why they could not be projected",
                        d -> deadLetters(d, id).stream()
                                .allMatch(row -> row.getText().contains("staged fault")));
            } finally {
                Db.execute("DROP TRIGGER IF EXISTS staged_projection_fault ON user_event");
                Db.execute("DROP FUNCTION IF EXISTS staged_projection_fault()");
            }
            assertTrue(
                    bob.seen().stream().noneMatch(e -> e.data().contains(id)),
                    "nothing reached bob while the projection failed");

            // Oldest first, as they were committed: the call, then its offer.
            for (int left = 2; left > 0; left--) {
                int remaining = left - 1;
                admin.waitFor("retry pressed", d -> {
                    try {
                        deadLetters(d, id)
                                .get(0)
                                .findElement(By.cssSelector("button.retry"))
                                .click();
                        return true;
                    } catch (StaleElementReferenceException e) {
                        return false; // the table was redrawn under the click: press again
                    }
                });
                admin.waitFor(
                        "the retried message gone from the dead letters",
                        d -> deadLetters(d, id).size() == remaining);
            }
            bob.await(e -> e.type().equals("incoming-call") && e.data().contains(id), CDC);
            admin.waitText("status", "back to videochat.cdc");
        }
    }

    private static List<WebElement> deadLetters(WebDriver driver, String callId) {
        return driver.findElements(By.cssSelector("#dead-letters tbody tr")).stream()
                .filter(r -> r.getText().contains(callId))
                .toList();
    }
}

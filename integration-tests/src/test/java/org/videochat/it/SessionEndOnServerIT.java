package org.videochat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.videochat.it.support.Api;
import org.videochat.it.support.Calls;
import org.videochat.it.support.ChromiumPage;
import org.videochat.it.support.OnRunCommandServer;

/**
 * An operator signs a person out while their call screen is open. The page must not go on
 * silently without calls: it says that the session ended, offers to sign in again, comes back
 * to the call screen, and rings on the next call.
 */
class SessionEndOnServerIT extends OnRunCommandServer {

    @Test
    void aPageWhoseSessionEndedSaysSoAndRingsAgainAfterSigningIn() throws Exception {
        Calls calls = new Calls(server);
        try (ChromiumPage carol = new ChromiumPage(server, "carol-session-end", ChromiumPage.Camera.ALLOWED)) {
            carol.signIn("carol", Api.PASSWORD);
            carol.waitText("connection", "connected");

            Api.Answer signedOut =
                    calls.api().post("admin", "api/admin/people/carol/sign-out", "application/json", "{}");
            assertEquals(202, signedOut.status(), signedOut.body());
            carol.waitVisible("session-ended");
            assertTrue(carol.text("session-ended").contains("Your session has ended"), carol.text("session-ended"));
            carol.waitText("connection", "signed out");
            carol.screenshot("session-ended");

            carol.click("#sign-in-again");
            carol.waitFor(
                    "the sign-in page",
                    d -> !d.findElements(By.id("login:username")).isEmpty());
            carol.type("login:username", "carol");
            carol.type("login:password", Api.PASSWORD);
            carol.click("#login\\:submit");
            carol.waitFor(
                    "back on the call screen",
                    d -> !d.findElements(By.cssSelector("#people li")).isEmpty());
            carol.waitText("connection", "connected");

            String id = calls.place("alice", "carol");
            carol.waitText("status", "Alice Kim is calling");
            carol.waitVisible("incoming");
            assertEquals(200, calls.command("alice", id, "cancel", null).status());
        }
    }
}

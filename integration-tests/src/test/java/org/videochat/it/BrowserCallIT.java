package org.videochat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.videochat.it.support.Api;
import org.videochat.it.support.Calls;
import org.videochat.it.support.ChromiumPage;
import org.videochat.it.support.ChromiumPage.Camera;
import org.videochat.it.support.Db;
import org.videochat.it.support.TurnServer;
import org.videochat.it.support.Waits;

/**
 * Two people in real headless Chromium browsers with fake cameras call each other through the
 * stack the run command started (Payara Server with the EAR). Media must really flow: the
 * pages' getStats() must show decoded video frames and growing audio on both sides.
 */
class BrowserCallIT {

    private final URI server = URI.create(System.getProperty("it.server.url"));

    @AfterEach
    void endEveryCall() throws Exception {
        new Calls(server).endAll();
    }

    @Test
    void aliceCallsBobTheyTalkChatAndHangUp() throws Exception {
        try (ChromiumPage alice = new ChromiumPage(server, "alice").signIn("alice", Api.PASSWORD);
                ChromiumPage bob = new ChromiumPage(server, "bob").signIn("bob", Api.PASSWORD)) {
            alice.click("#people li[data-user='bob'] button.call");
            alice.waitVisible("outgoing");

            bob.waitVisible("incoming");
            bob.waitText("incoming-name", "Alice Kim");
            bob.click("#accept");

            for (ChromiumPage person : new ChromiumPage[] {alice, bob}) {
                person.waitVisible("in-call");
                person.waitFor("video frames decoded", Duration.ofSeconds(30), d -> person.stat("framesDecoded") > 10);
                long audio = person.stat("audioBytes");
                person.waitFor("audio still arriving", d -> person.stat("audioBytes") > audio);
            }
            alice.screenshot("connected");
            bob.screenshot("connected");

            alice.type("chat-input", "Hello Bob, can you see me?");
            alice.click("#chat-send");
            bob.waitText("chat-log", "Hello Bob, can you see me?");

            alice.click("#hangup");
            alice.waitVisible("idle");
            bob.waitVisible("idle");
            bob.waitText("status", "ended");
            alice.waitText("history", "bob");
            bob.waitText("history", "alice");
        }
    }

    @Test
    void everyDeviceRingsAndTheOneNotAnsweringIsToldItWasAnsweredElsewhere() throws Exception {
        try (ChromiumPage alice = new ChromiumPage(server, "alice").signIn("alice", Api.PASSWORD);
                ChromiumPage desk = new ChromiumPage(server, "bob-desk").signIn("bob", Api.PASSWORD);
                ChromiumPage laptop = new ChromiumPage(server, "bob-laptop").signIn("bob", Api.PASSWORD)) {
            alice.click("#people li[data-user='bob'] button.call");
            desk.waitVisible("incoming");
            laptop.waitVisible("incoming");
            desk.click("#accept");
            desk.waitVisible("in-call");
            laptop.waitVisible("idle");
            laptop.waitText("status", "Answered on another device");
            alice.waitVisible("in-call");
        }
    }

    /**
     * Seven tabs of one browser: with a stream per tab the seventh would wait forever for one of
     * the six connections a browser allows per origin. They share one stream, every tab rings,
     * and when the tab holding the stream closes another takes over without losing an event.
     */
    @Test
    void sevenTabsShareOneStreamEveryTabRingsAndAnotherTabTakesOver() throws Exception {
        try (ChromiumPage alice = new ChromiumPage(server, "alice").signIn("alice", Api.PASSWORD);
                ChromiumPage carol = new ChromiumPage(server, "carol-tabs").signIn("carol", Api.PASSWORD)) {
            List<String> tabs = new ArrayList<>(List.of(carol.tab()));
            for (int i = 1; i < 7; i++) {
                tabs.add(carol.openTab());
            }
            for (String tab : tabs) {
                carol.switchTo(tab).waitText("connection", "connected");
            }
            Waits.until(
                    "one open stream for carol's seven tabs", Duration.ofSeconds(40), () -> openStreams("carol") == 1);

            alice.click("#people li[data-user='carol'] button.call");
            for (String tab : tabs) {
                carol.switchTo(tab).waitVisible("incoming");
            }
            String leader = leader(carol, tabs);
            carol.switchTo(leader).closeTab();
            tabs.remove(leader);
            Waits.until("another tab takes the stream over", Duration.ofSeconds(20), () -> leader(carol, tabs) != null);

            alice.click("#cancel");
            for (String tab : tabs) {
                carol.switchTo(tab).waitText("status", "Alice Kim cancelled the call");
                carol.waitVisible("idle");
            }
            Waits.until("again exactly one open stream", Duration.ofSeconds(40), () -> openStreams("carol") == 1);
        }
    }

    /** Alice presses Call (or Voice) next to Bob; Bob's page rings and he accepts. */
    private static void callAndAccept(ChromiumPage alice, ChromiumPage bob, String button) {
        alice.click("#people li[data-user='bob'] button." + button);
        bob.waitVisible("incoming");
        bob.click("#accept");
    }

    private static long openStreams(String username) throws Exception {
        return Db.count("SELECT count(*) FROM stream_connection WHERE username = ?", username);
    }

    /** The one tab holding the shared stream, or null while there is none. */
    private static String leader(ChromiumPage page, List<String> tabs) {
        List<String> leaders = tabs.stream()
                .filter(tab -> "leader".equals(page.switchTo(tab).script("return window.videochat.stream();")))
                .toList();
        assertTrue(leaders.size() <= 1, "more than one tab holds the stream: " + leaders);
        return leaders.isEmpty() ? null : leaders.get(0);
    }

    @Test
    void aRelayOnlyCallFlowsThroughTurnWithTimeLimitedCredentials() throws Exception {
        try (TurnServer turn =
                        TurnServer.start(Integer.getInteger("it.turn.port"), System.getProperty("it.turn.secret"));
                ChromiumPage alice = new ChromiumPage(server, "alice-relay")
                        .signIn("alice", Api.PASSWORD)
                        .reloadWith("relay");
                ChromiumPage bob = new ChromiumPage(server, "bob-relay")
                        .signIn("bob", Api.PASSWORD)
                        .reloadWith("relay")) {
            callAndAccept(alice, bob, "call");
            for (ChromiumPage person : new ChromiumPage[] {alice, bob}) {
                person.waitVisible("in-call");
                person.waitFor(
                        "video frames through the relay",
                        Duration.ofSeconds(30),
                        d -> person.stat("framesDecoded") > 10);
                // The stats report names the selected pair a moment after frames flow: wait for it.
                person.waitFor(
                        "the selected candidate pair is a relay pair",
                        Duration.ofSeconds(15),
                        d -> Boolean.TRUE.equals(person.stats().get("relay")));
            }
            alice.screenshot("relay-connected");
            alice.click("#hangup");
            bob.waitVisible("idle");
        }
    }

    @Test
    void withTheCameraDeniedTheCallGoesOnWithAudioOnlyAndSaysSo() throws Exception {
        try (ChromiumPage alice =
                        new ChromiumPage(server, "alice-nocam", Camera.BLOCKED).signIn("alice", Api.PASSWORD);
                ChromiumPage bob = new ChromiumPage(server, "bob").signIn("bob", Api.PASSWORD)) {
            alice.click("#people li[data-user='bob'] button.call");
            alice.waitText("status", "Camera unavailable");
            bob.waitVisible("incoming");
            bob.click("#accept");
            bob.waitVisible("in-call");
            long audio = bob.stat("audioBytes");
            bob.waitFor("alice's audio arriving", Duration.ofSeconds(30), d -> bob.stat("audioBytes") > audio + 1000);
            assertEquals(0L, bob.stat("framesDecoded"), "no video from a denied camera");
            alice.waitFor("bob's video arriving", Duration.ofSeconds(30), d -> alice.stat("framesDecoded") > 10);
        }
    }

    @Test
    void aVoiceCallBecomesVideoWhenTheCallerSharesTheScreenByRenegotiating() throws Exception {
        try (ChromiumPage alice = new ChromiumPage(server, "alice-voice").signIn("alice", Api.PASSWORD);
                ChromiumPage bob = new ChromiumPage(server, "bob-voice").signIn("bob", Api.PASSWORD)) {
            callAndAccept(alice, bob, "voice");
            alice.waitFor("bob's video arriving", Duration.ofSeconds(30), d -> alice.stat("framesDecoded") > 10);
            assertEquals(0L, bob.stat("framesDecoded"), "a voice call sends no video");

            // Alice's video only receives; sharing turns it to send, and the call renegotiates.
            alice.click("#share");
            bob.waitFor("alice's screen arriving", Duration.ofSeconds(30), d -> bob.stat("framesDecoded") > 10);
            bob.waitFor("a 16:9 screen on bob's page", d -> Math.abs(bob.remoteAspectRatio() - 16 / 9.0) < 0.05);
            long audio = bob.stat("audioBytes");
            bob.waitFor("alice still heard", d -> bob.stat("audioBytes") > audio);
        }
    }

    @Test
    void aCameraChosenDuringTheCallAndAScreenSharedReachTheOtherSide() throws Exception {
        try (ChromiumPage alice = new ChromiumPage(server, "alice-devices").signIn("alice", Api.PASSWORD);
                ChromiumPage bob = new ChromiumPage(server, "bob-devices").signIn("bob", Api.PASSWORD)) {
            callAndAccept(alice, bob, "call");
            alice.waitVisible("in-call");
            bob.waitFor("alice's camera on bob's page", Duration.ofSeconds(30), d -> bob.stat("framesDecoded") > 10);
            alice.waitFor(
                    "the first camera is sent",
                    d -> "fake_device_0".equals(alice.stats().get("sendingVideo")));

            alice.choose("camera-select", "fake_device_2");
            alice.waitFor(
                    "the other camera is sent",
                    d -> "fake_device_2".equals(alice.stats().get("sendingVideo")));
            long frames = bob.stat("framesDecoded");
            bob.waitFor("frames from the other camera", d -> bob.stat("framesDecoded") > frames + 20);

            alice.click("#share");
            alice.waitFor(
                    "the share button pressed",
                    d -> "true"
                            .equals(d.findElement(org.openqa.selenium.By.id("share"))
                                    .getAttribute("aria-pressed")));
            bob.waitFor(
                    "a 16:9 screen instead of the 4:3 camera",
                    Duration.ofSeconds(30),
                    d -> Math.abs(bob.remoteAspectRatio() - 16 / 9.0) < 0.05);
            bob.screenshot("sees-screen");
            alice.click("#share");
            bob.waitFor(
                    "the 4:3 camera again",
                    Duration.ofSeconds(30),
                    d -> Math.abs(bob.remoteAspectRatio() - 4 / 3.0) < 0.05);
        }
    }

    @Test
    void aDeclinedCallTellsTheCallerAndAnUnansweredOneIsMissed() throws Exception {
        try (ChromiumPage alice = new ChromiumPage(server, "alice").signIn("alice", Api.PASSWORD);
                ChromiumPage bob = new ChromiumPage(server, "bob").signIn("bob", Api.PASSWORD)) {
            alice.click("#people li[data-user='bob'] button.call");
            bob.waitVisible("incoming");
            bob.click("#decline");
            alice.waitText("status", "declined");
            bob.waitVisible("idle");
            assertTrue(alice.text("history").contains("declined"), alice.text("history"));

            // Nobody answers this one: the ring timeout (15 s on this server) ends it.
            alice.click("#people li[data-user='bob'] button.call");
            bob.waitVisible("incoming");
            alice.waitFor(
                    "the ring timeout",
                    Duration.ofSeconds(45),
                    d -> alice.text("status").contains("did not answer"));
            bob.waitText("status", "Missed call from Alice Kim");
            bob.waitFor("a missed-call badge", d -> !bob.text("missed-badge").isEmpty());
            bob.waitText("history", "missed");
        }
    }
}

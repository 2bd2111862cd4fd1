package org.videochat.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.videochat.it.support.Api;
import org.videochat.it.support.Calls;
import org.videochat.it.support.ChromiumPage;
import org.videochat.it.support.TurnServer;

import java.net.URI;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

            for (ChromiumPage person : new ChromiumPage[]{alice, bob}) {
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

    @Test
    void aRelayOnlyCallFlowsThroughTurnWithTimeLimitedCredentials() throws Exception {
        try (TurnServer turn = TurnServer.start(Integer.getInteger("it.turn.port"), System.getProperty("it.turn.secret"));
             ChromiumPage alice = new ChromiumPage(server, "alice-relay").signIn("alice", Api.PASSWORD).reloadWith("relay");
             ChromiumPage bob = new ChromiumPage(server, "bob-relay").signIn("bob", Api.PASSWORD).reloadWith("relay")) {
            alice.click("#people li[data-user='bob'] button.call");
            bob.waitVisible("incoming");
            bob.click("#accept");
            for (ChromiumPage person : new ChromiumPage[]{alice, bob}) {
                person.waitVisible("in-call");
                person.waitFor("video frames through the relay", Duration.ofSeconds(30), d -> person.stat("framesDecoded") > 10);
                assertEquals(Boolean.TRUE, person.stats().get("relay"), "the selected candidate pair is a relay pair");
            }
            alice.screenshot("relay-connected");
            alice.click("#hangup");
            bob.waitVisible("idle");
        }
    }

    @Test
    void withTheCameraDeniedTheCallGoesOnWithAudioOnlyAndSaysSo() throws Exception {
        try (ChromiumPage alice = new ChromiumPage(server, "alice-nocam", false).signIn("alice", Api.PASSWORD);
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
            alice.waitFor("the ring timeout", Duration.ofSeconds(45), d -> alice.text("status").contains("did not answer"));
            bob.waitText("status", "Missed call from Alice Kim");
            bob.waitFor("a missed-call badge", d -> !bob.text("missed-badge").isEmpty());
            bob.waitText("history", "missed");
        }
    }
}

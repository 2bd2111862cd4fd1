package org.videochat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.videochat.it.support.Api;
import org.videochat.it.support.Browser;
import org.videochat.it.support.Calls;
import org.videochat.it.support.Db;
import org.videochat.it.support.OnPayaraMicro;
import org.videochat.it.support.SseClient;
import org.videochat.it.support.Waits;

/** Signing in and out, throttling, CSRF, security headers, directory, presence and Do Not Disturb. */
class SignInIT extends OnPayaraMicro {

    @AfterEach
    void switchDoNotDisturbOff() throws Exception {
        try (var c = Db.connect();
                var s = c.createStatement()) {
            s.executeUpdate("UPDATE app_user SET dnd = false");
        }
    }

    @Test
    void aBrowserSignsInUsesItsSessionEverywhereAndSigningOutClosesItsStreams() throws Exception {
        Browser browser = new Browser(uri());
        HttpResponse<String> page = browser.get("");
        assertEquals(302, page.statusCode(), "pages need a signed-in user");
        assertTrue(page.headers().firstValue("Location").orElse("").contains("/login.xhtml?next="));

        HttpResponse<String> signedIn = browser.signIn("alice", Api.PASSWORD);
        assertEquals(302, signedIn.statusCode(), signedIn.body());
        String cookie = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID"))
                .findFirst()
                .orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase().contains("samesite=lax"), cookie);

        HttpResponse<String> home = browser.get("");
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("Alice Kim"));
        JsonObject me = Api.parse(browser.get("api/me").body());
        assertEquals("alice", me.getString("username"));
        assertNotNull(me.getString("csrfToken"));

        try (SseClient stream = SseClient.withSession(uri(), browser.sessionCookie())) {
            String id = new Calls(uri()).place("bob", "alice");
            stream.await(e -> e.type().equals("incoming-call") && e.data().contains(id), CDC);
            browser.signOut();
            Waits.until("the stream of the signed-out session closes", CDC, stream::isClosedByServer);
        }
        assertEquals(401, browser.get("api/me").statusCode(), "the session is gone");
    }

    @Test
    void aWrongPasswordAndAnUnknownNameGetTheSameAnswer() throws Exception {
        String wrong = new Browser(uri()).signIn("bob", "not-his-password").body();
        String unknown = new Browser(uri())
                .signIn("nobody-" + UUID.randomUUID(), "whatever")
                .body();
        assertTrue(wrong.contains("Wrong username or password."), wrong);
        assertTrue(unknown.contains("Wrong username or password."), unknown);
        Api api = new Api(uri());
        assertEquals(
                api.get("bob", "nope", "api/me").body(),
                api.get("nobody-at-all", "nope", "api/me").body());
    }

    @Test
    void repeatedFailuresLockTheNameForAWhileEvenForTheRightPassword() throws Exception {
        String name = "throttle-" + Long.toHexString(System.nanoTime());
        Db.createUser(name, "Throttle Test", "right-password");
        Api api = new Api(uri());
        assertEquals(200, api.get(name, "right-password", "api/me").status());
        for (int i = 0; i < 5; i++) {
            assertEquals(401, api.get(name, "wrong-" + i, "api/me").status());
        }
        Api.Answer locked = api.get(name, "right-password", "api/me");
        assertEquals(429, locked.status(), locked.body());
        assertEquals("application/problem+json", locked.contentType().split(";")[0]);
        assertTrue(new Browser(uri()).signIn(name, "right-password").body().contains("Too many failed attempts"));
        assertEquals(200, api.get("carol", Api.PASSWORD, "api/me").status(), "other people are not affected");
    }

    /**
     * Made-up names cost a password check each: a source that keeps failing is refused before any
     * hashing once it reached videochat.login.failures-per-source-per-minute (30), and the made-up
     * names leave at most that many throttle rows; other sources are not affected.
     */
    @Test
    void madeUpNamesFromOneSourceAreRefusedBeforeAnyCheck() throws Exception {
        Api api = new Api(uri());
        String source = "198.51.100." + (1 + new SecureRandom().nextInt(250));
        long rowsBefore = Db.count("SELECT count(*) FROM login_throttle");
        int unauthorized = 0;
        int refused = 0;
        for (int i = 0; i < 40; i++) {
            Api.Answer answer = api.getFrom(source, "made-up-" + UUID.randomUUID(), "guess", "api/me");
            if (answer.status() == 401) {
                unauthorized++;
            } else {
                assertEquals(429, answer.status(), answer.body());
                assertEquals("application/problem+json", answer.contentType().split(";")[0]);
                assertNotNull(answer.header("Retry-After"));
                refused++;
            }
        }
        // The minute may turn during the loop and allow a few more checks; never fewer refusals than that.
        assertTrue(unauthorized >= 30 && unauthorized <= 60 && refused >= 1, unauthorized + " / " + refused);
        assertTrue(
                Db.count("SELECT count(*) FROM login_throttle") - rowsBefore <= unauthorized,
                "a refused check writes nothing");
        assertEquals(
                200,
                api.getFrom("203.0.113.77", "carol", Api.PASSWORD, "api/me").status(),
                "another source");
    }

    /** The test stack reads roles again every 2 s (VIDEOCHAT_LOGIN_ROLES_CHECK_SECONDS in the pom). */
    @Test
    void aRoleTakenAwayAppliesWithoutANewSignIn() throws Exception {
        String name = "operator-" + Long.toHexString(System.nanoTime());
        Db.createUser(name, "Operator Test", "pw-" + name);
        Db.execute("INSERT INTO app_user_role (username, role) VALUES ('" + name + "', 'admin')");
        Browser browser = new Browser(uri());
        browser.signIn(name, "pw-" + name);
        assertEquals(200, browser.get("api/admin/calls").statusCode());
        Db.execute("DELETE FROM app_user_role WHERE username = '" + name + "' AND role = 'admin'");
        Waits.until(
                "the session no longer has role admin",
                Duration.ofSeconds(30),
                () -> browser.get("api/admin/calls").statusCode() == 403);
        assertEquals(200, browser.get("api/me").statusCode(), "still signed in, as a user");
    }

    /** Behind a trusted proxy that terminated TLS, browsers are told to stay on HTTPS. */
    @Test
    void httpsThroughATrustedProxyGetsStrictTransportSecurity() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        HttpResponse<String> viaTls = http.send(
                java.net.http.HttpRequest.newBuilder(uri().resolve("login.xhtml"))
                        .header("X-Forwarded-Proto", "https")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(
                "max-age=31536000",
                viaTls.headers().firstValue("Strict-Transport-Security").orElse(null));
        HttpResponse<String> plain = http.send(
                java.net.http.HttpRequest.newBuilder(uri().resolve("login.xhtml"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(plain.headers().firstValue("Strict-Transport-Security").isEmpty(), "not over plain HTTP");
    }

    @Test
    void failuresFromOneSourceDoNotLockTheOwnerOutElsewhere() throws Exception {
        String name = "owner-" + Long.toHexString(System.nanoTime());
        Db.createUser(name, "Owner Test", "right-password");
        Api api = new Api(uri());
        for (int i = 0; i < 5; i++) {
            assertEquals(
                    401,
                    api.getFrom("198.51.100.250", name, "wrong-" + i, "api/me").status());
        }
        assertEquals(
                429,
                api.getFrom("198.51.100.250", name, "right-password", "api/me").status(),
                "locked there");
        assertEquals(
                200,
                api.getFrom("203.0.113.250", name, "right-password", "api/me").status(),
                "not elsewhere");
    }

    @Test
    void cookieAuthenticatedChangesNeedTheCsrfTokenBasicDoesNot() throws Exception {
        Browser browser = new Browser(uri());
        browser.signIn("carol", Api.PASSWORD);
        String token = Api.parse(browser.get("api/me").body()).getString("csrfToken");
        HttpResponse<String> forged = browser.send("PUT", "api/me/dnd", "{\"dnd\":true}", null);
        assertEquals(403, forged.statusCode());
        assertEquals("csrf", Api.parse(forged.body()).getString("code"));
        assertEquals(
                403,
                browser.send("PUT", "api/me/dnd", "{\"dnd\":true}", "forged-token")
                        .statusCode());
        assertEquals(
                403,
                browser.send("POST", "api/calls", "{\"callee\":\"bob\",\"sdp\":\"v=0\"}", null)
                        .statusCode());
        // Other spellings of the same path reach the same resource, or nothing; never without the check.
        for (String path : java.util.List.of("api;x/me/dnd", "%61pi/me/dnd", "api/me;x/dnd", "api/%6De/dnd")) {
            int status = browser.send("PUT", path, "{\"dnd\":true}", null).statusCode();
            assertTrue(status == 403 || status == 404 || status == 400, path + " answered " + status);
        }
        assertEquals(0, Db.count("SELECT count(*) FROM app_user WHERE username = 'carol' AND dnd"), "nothing changed");
        assertEquals(
                200, browser.send("PUT", "api/me/dnd", "{\"dnd\":false}", token).statusCode());
        assertEquals(200, new Api(uri()).get("carol", Api.PASSWORD, "api/me").status());
    }

    @Test
    void pagesAndApiCarryTheSecurityHeaders() throws Exception {
        Browser browser = new Browser(uri());
        for (HttpResponse<String> r :
                new HttpResponse[] {browser.get("login.xhtml"), browser.get("health"), browser.get("api/me")}) {
            var h = r.headers();
            assertTrue(
                    h.firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"),
                    r.uri() + " " + h.map());
            assertTrue(h.firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
            assertEquals("nosniff", h.firstValue("X-Content-Type-Options").orElse(""));
            assertEquals("no-referrer", h.firstValue("Referrer-Policy").orElse(""));
        }
        browser.signIn("bob", Api.PASSWORD);
        HttpResponse<String> api = browser.get("api/me");
        assertEquals("no-store", api.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(api.headers().firstValue("Content-Security-Policy").isPresent());
        assertEquals(200, browser.get("health").statusCode(), "health is anonymous");
    }

    @Test
    void aHostileDisplayNameIsRenderedAsText() throws Exception {
        String name = "xss-" + Long.toHexString(System.nanoTime());
        Db.createUser(name, "<script>alert('x')</script> & <img src=x onerror=alert(1)>", "pw-" + name);
        Browser browser = new Browser(uri());
        assertEquals(302, browser.signIn(name, "pw-" + name).statusCode());
        String home = browser.get("").body();
        assertFalse(home.contains("<script>alert"), home);
        assertFalse(home.contains("<img src=x"), home);
        assertTrue(home.contains("&lt;script&gt;"), home);
    }

    @Test
    void theDirectoryFindsPeopleWithTheirPresence() throws Exception {
        Api api = new Api(uri());
        JsonObject found = api.get("alice", Api.PASSWORD, "api/people?q=BOB").json();
        assertEquals(1, found.getInt("total"));
        assertEquals("Bob Lee", found.getJsonArray("people").getJsonObject(0).getString("displayName"));
        JsonObject page =
                api.get("alice", Api.PASSWORD, "api/people?size=2&page=0").json();
        assertEquals(2, page.getJsonArray("people").size());
        assertTrue(page.getInt("total") >= 4);
        assertEquals(400, api.get("alice", Api.PASSWORD, "api/people?size=0").status());
        assertEquals(
                0, api.get("alice", Api.PASSWORD, "api/people?q=%25").json().getInt("total"), "% is not a wildcard");

        // Presence changes travel the CDC path and reach everyone signed in, as events.
        try (SseClient alice = SseClient.open(uri(), "alice", Api.PASSWORD, null)) {
            Waits.until("alice online", CDC, () -> presenceOf(api, "alice").equals("online"));
            try (SseClient bob = SseClient.open(uri(), "bob", Api.PASSWORD, null);
                    SseClient bobSecondTab = SseClient.open(uri(), "bob", Api.PASSWORD, null)) {
                alice.await(e -> isPresence(e, "bob", "online"), CDC);
                assertEquals("online", presenceOf(api, "bob"));
                Calls calls = new Calls(uri());
                String id = calls.place("carol", "bob");
                calls.accept("bob", id, "desk");
                alice.await(e -> isPresence(e, "bob", "in_call"), CDC);
                assertEquals("in_call", presenceOf(api, "bob"));
                calls.command("bob", id, "hangup", null);
                alice.await(e -> isPresence(e, "bob", "online"), CDC);
                bob.close();
                // One tab closed, one still open: bob stays online (no flapping on a reload).
            }
            // A closed stream is noticed at the next heartbeat (15 s): that is the grace period.
            alice.await(e -> isPresence(e, "bob", "offline"), Duration.ofSeconds(45));
            assertEquals("offline", presenceOf(api, "bob"));
            assertEquals(
                    1,
                    alice.seen().stream()
                            .filter(e -> isPresence(e, "bob", "offline"))
                            .count(),
                    "offline once, not per tab");
            // The flow above may end before the first heartbeat is due (every 15 s): wait for it.
            Waits.until(
                    "heartbeat events keep the stream visibly alive",
                    Duration.ofSeconds(40),
                    () -> alice.heartbeats() > 0);
        }
    }

    private static boolean isPresence(SseClient.Event e, String user, String presence) {
        if (!e.type().equals("presence")) {
            return false;
        }
        JsonObject p = Api.parse(e.data());
        return p.getString("username").equals(user) && p.getString("presence").equals(presence);
    }

    @Test
    void doNotDisturbEndsCallsAtOnceAsBusy() throws Exception {
        Api api = new Api(uri());
        HttpResponse<String> on = new Browser(uri()).send("PUT", "api/me/dnd", "{\"dnd\":true}", null);
        assertEquals(401, on.statusCode(), "anonymous");
        assertEquals(200, putDnd(api, "carol", "{\"dnd\":true}").status());
        assertEquals(400, putDnd(api, "carol", "{\"dnd\":\"yes\"}").status());
        assertEquals("dnd", presenceOf(api, "carol"));
        try (SseClient alice = SseClient.open(uri(), "alice", Api.PASSWORD, null)) {
            Api.Answer call = api.placeCall("alice", "carol");
            assertEquals("busy", call.json().getString("reason"));
            String id = call.json().getString("id");
            JsonObject status = Api.parse(
                    alice.await(e -> e.type().equals("call-status") && e.data().contains(id), CDC)
                            .data());
            assertEquals("busy", status.getString("reason"));
            assertEquals("dnd", status.getString("detail"));
        }
        // Do Not Disturb switches at most once a second (videochat.presence.min-change-ms): 429 until then.
        org.videochat.it.support.Waits.until(
                "Do Not Disturb switched off again",
                java.time.Duration.ofSeconds(5),
                () -> putDnd(api, "carol", "{\"dnd\":false}").status() == 200);
        assertEquals("TRYING", api.placeCall("alice", "carol").json().getString("state"));
    }

    private static Api.Answer putDnd(Api api, String user, String body) throws Exception {
        return api.send(user, "PUT", "api/me/dnd", body);
    }

    private static String presenceOf(Api api, String user) throws Exception {
        return api.get("alice", Api.PASSWORD, "api/people?q=" + user).json().getJsonArray("people").stream()
                .map(v -> v.asJsonObject())
                .filter(p -> p.getString("username").equals(user))
                .findFirst()
                .orElseThrow()
                .getString("presence");
    }
}

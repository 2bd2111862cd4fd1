package org.videochat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.videochat.it.support.Api;
import org.videochat.it.support.Calls;
import org.videochat.it.support.ChromiumPage;
import org.videochat.it.support.OnRunCommandServer;

/**
 * The user interface in the person's language: a browser that prefers Korean gets Korean on the
 * sign-in page, the home page, while a call rings and when it ends, with Korean dates; the
 * person can switch to English on the page and the choice is remembered.
 */
class LanguageIT extends OnRunCommandServer {

    /** What an untranslated text looks like on a page: a bundle key such as "js.ended.busy". */
    private static final Pattern KEY =
            Pattern.compile("\\b(?:js|app|common|login|home|admin|ended|presence|history|people|"
                    + "connection|call|media|device|quality|chat|share|start|problem|state|reason)\\.[A-Za-z_]+");

    private final Calls calls = new Calls(server);

    @Test
    void aKoreanBrowserSeesKoreanFromSignInToTheEndOfACall() throws Exception {
        try (ChromiumPage bob = new ChromiumPage(server, "bob-ko", ChromiumPage.Camera.ALLOWED, "ko")) {
            bob.open("login.xhtml");
            assertEquals("ko", bob.script("return document.documentElement.lang"));
            assertTrue(bob.text("login").contains("사용자 이름"), bob.text("login"));
            bob.signIn("bob", Api.PASSWORD);
            bob.waitText("connection", "연결됨");
            bob.waitText("people", "영상 통화");
            String home = bodyText(bob);
            assertTrue(home.contains("최근 통화") && home.contains("방해 금지"), home);
            assertEquals("로그아웃", bob.script("return document.getElementById('signout:submit').value"));
            assertTrue(bob.text("people").contains("영상 통화"), bob.text("people"));
            assertUntranslatedNowhere(bob);

            String id = calls.place("alice", "bob");
            bob.waitText("status", "Alice Kim 님이 전화를 걸고 있습니다");
            assertTrue(
                    bob.text("incoming").contains("님이 전화를 걸고 있습니다")
                            && bob.text("incoming").contains("받기")
                            && bob.text("incoming").contains("거절"),
                    bob.text("incoming"));
            assertUntranslatedNowhere(bob);

            assertEquals(200, calls.command("alice", id, "cancel", null).status());
            bob.waitText("status", "Alice Kim 님이 전화를 취소했습니다");
            bob.waitText("history", "부재중");
            // Dates in the Korean format: "2026. 11. 26. 오전 12:45".
            assertTrue(
                    Pattern.compile("\\d{4}\\.\\p{Z}\\d{1,2}\\.\\p{Z}\\d{1,2}\\.\\p{Z}(오전|오후)")
                            .matcher(bob.text("history"))
                            .find(),
                    bob.text("history"));
            assertUntranslatedNowhere(bob);
        }
    }

    @Test
    void thePersonSwitchesToEnglishAndTheChoiceIsRemembered() throws Exception {
        try (ChromiumPage carol = new ChromiumPage(server, "carol-ko", ChromiumPage.Camera.ALLOWED, "ko")) {
            carol.signIn("carol", Api.PASSWORD);
            carol.waitText("connection", "연결됨");
            carol.choose("language", "English");
            carol.waitFor(
                    "the page in English",
                    d -> d.findElement(By.tagName("body")).getText().contains("Recent calls"));
            carol.waitText("connection", "connected");
            carol.open("");
            carol.waitFor(
                    "English again after a new visit",
                    d -> d.findElement(By.tagName("body")).getText().contains("Recent calls"));
            assertEquals("en", carol.script("return document.documentElement.lang"));
            assertFalse(bodyText(carol).contains("최근 통화"));
        }
    }

    private static String bodyText(ChromiumPage page) {
        return page.waitFor(
                "the page's text", d -> d.findElement(By.tagName("body")).getText());
    }

    private static void assertUntranslatedNowhere(ChromiumPage page) {
        String text = bodyText(page) + " "
                + page.script(
                        "return [...document.querySelectorAll('[aria-label]')].map(e => e.getAttribute('aria-label')).join(' ')");
        assertFalse(KEY.matcher(text).find(), "an untranslated key on the page: " + text);
        assertFalse(text.contains("???"), text);
    }
}

package org.videochat.bench;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.videochat.it.support.ChromiumPage;

/**
 * Two headless Chromium browsers with fake cameras: alice calls bob, and from bob's click on
 * Accept we time both pages showing the call screen (the in-call panel appearing) and the first
 * remote video frame being painted on each (requestVideoFrameCallback); the pages' own clocks
 * record the moments (one machine, one clock), so polling adds nothing.
 */
final class BrowserCallSetup {

    private static final String WATCH_FIRST_FRAME = """
            window.benchFirstFrame = null;
            window.benchInCall = null;
            document.getElementById('remote').requestVideoFrameCallback(() => { window.benchFirstFrame = Date.now(); });
            const panel = document.getElementById('in-call');
            new MutationObserver(() => { if (!panel.hidden && !window.benchInCall) window.benchInCall = Date.now(); })
                .observe(panel, { attributes: true });
            """;

    private BrowserCallSetup() {}

    static Map<String, Object> measure(URI base, int calls) throws Exception {
        Latencies connected = new Latencies();
        Latencies firstFrame = new Latencies();
        try (ChromiumPage alice = new ChromiumPage(base, "bench-alice").signIn("alice", "videochat");
                ChromiumPage bob = new ChromiumPage(base, "bench-bob").signIn("bob", "videochat")) {
            // Hundreds of benchmark people fill the directory's first page: find Bob by name.
            alice.type("search", "Bob");
            for (int i = 0; i < calls; i++) {
                alice.click("#people li[data-user='bob'] button.call");
                bob.waitVisible("incoming");
                alice.script(WATCH_FIRST_FRAME);
                bob.script(WATCH_FIRST_FRAME);
                long clicked =
                        (Long) bob.script("const t = Date.now(); document.getElementById('accept').click(); return t;");
                ChromiumPage[] both = {alice, bob};
                long shown = 0;
                for (ChromiumPage page : both) {
                    Object t = page.waitFor(
                            "the call screen", Duration.ofSeconds(30), d -> page.script("return window.benchInCall;"));
                    shown = Math.max(shown, ((Number) t).longValue());
                }
                connected.add((shown - clicked) * 1000);
                long last = 0;
                for (ChromiumPage page : both) {
                    Object t = page.waitFor(
                            "a remote frame",
                            Duration.ofSeconds(30),
                            d -> page.script("return window.benchFirstFrame;"));
                    last = Math.max(last, ((Number) t).longValue());
                }
                firstFrame.add((last - clicked) * 1000);
                alice.click("#hangup");
                alice.waitVisible("idle");
                bob.waitVisible("idle");
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("calls", calls);
        result.put("accept_to_both_connected", connected.summary());
        result.put("accept_to_first_remote_frame_on_both", firstFrame.summary());
        return result;
    }
}

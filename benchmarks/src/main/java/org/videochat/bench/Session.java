package org.videochat.bench;

import jakarta.json.Json;
import java.io.StringReader;
import java.net.URI;
import org.videochat.it.support.Browser;

/**
 * A person signed in through the login page, as a browser is: the session cookie and the CSRF
 * token every write needs. The benchmark's shared HTTP client sends them with each request.
 */
record Session(String username, String cookie, String csrfToken) {

    static Session signIn(URI base, String username, String password) throws Exception {
        try (Browser browser = new Browser(base)) {
            int status = browser.signIn(username, password).statusCode();
            if (status != 302 && status != 303) {
                throw new IllegalStateException("sign-in of " + username + " answered " + status);
            }
            String me = browser.get("api/me").body();
            String token = Json.createReader(new StringReader(me)).readObject().getString("csrfToken");
            return new Session(username, browser.sessionCookie(), token);
        }
    }
}

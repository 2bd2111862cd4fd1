package org.videochat.it.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A cookie-keeping HTTP client that signs in through the login page, as a browser does. */
public final class Browser implements AutoCloseable {

    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    private final URI base;
    final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    public Browser(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .timeout(Duration.ofSeconds(20))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> send(String method, String path, String json, String csrfToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        if (csrfToken != null) {
            request.header("X-CSRF-Token", csrfToken);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Fills in and submits the login page; answers the response to the form post. */
    public HttpResponse<String> signIn(String username, String password) throws Exception {
        return submit(
                "login.xhtml?next=/",
                "login",
                "login:username=" + enc(username) + "&login:password=" + enc(password) + "&login:next=" + enc("/")
                        + "&login:submit=" + enc("Sign in"));
    }

    public HttpResponse<String> signOut() throws Exception {
        return submit("", "signout", "signout:submit=" + enc("Sign out"));
    }

    private HttpResponse<String> submit(String page, String form, String fields) throws Exception {
        HttpResponse<String> shown = get(page);
        Matcher m = VIEW_STATE.matcher(shown.body());
        if (!m.find()) {
            throw new AssertionError("no form on " + page + ": " + shown.statusCode() + " " + shown.body());
        }
        String action = page.isEmpty()
                ? "index.xhtml"
                : page.substring(0, page.indexOf('?') < 0 ? page.length() : page.indexOf('?'));
        String body = form + "=" + form + "&" + fields + "&jakarta.faces.ViewState=" + enc(m.group(1));
        return http.send(
                HttpRequest.newBuilder(base.resolve(action))
                        .timeout(Duration.ofSeconds(20))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The session cookie, for an EventSource opened with it. */
    public String sessionCookie() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID"))
                .map(c -> c.getName() + "=" + c.getValue())
                .findFirst()
                .orElse(null);
    }

    @Override
    public void close() {
        http.close();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

package org.videochat.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.videochat.platform.web.Problems;

/**
 * Browser security for every response, and CSRF protection for the REST API: a state-changing
 * request authenticated by the session cookie must carry the session's token in
 * {@code X-CSRF-Token} (the page reads it from {@code GET /api/session}). Requests with HTTP
 * Basic carry their own credentials and need no token. JSF forms are protected by their view state.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class WebSecurity extends HttpFilter {

    static final String CSP = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "media-src 'self' blob: mediastream:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        addHeaders(request, response);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            response.setHeader("Cache-Control", "no-store");
            if (needsCsrfToken(request) && !validToken(request)) {
                response.setStatus(403);
                response.setContentType(Problems.MEDIA_TYPE);
                response.getWriter()
                        .write(Problems.json(
                                403, "csrf", "This request needs the X-CSRF-Token header of your session."));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Also called by the sign-in mechanism, whose refusals never reach this filter. */
    static void addHeaders(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader(
                "Permissions-Policy", "camera=(self), microphone=(self), display-capture=(self), geolocation=()");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
    }

    private static boolean needsCsrfToken(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod())
                && request.getHeader("Authorization") == null
                && request.getSession(false) != null;
    }

    private static boolean validToken(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(SignIn.SESSION_CSRF);
        String given = request.getHeader("X-CSRF-Token");
        return expected instanceof String e
                && given != null
                && MessageDigest.isEqual(e.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}

package org.videochat.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.videochat.platform.web.ClientAddresses;

/**
 * Browser security headers on every response, and no caching of REST answers. CSRF protection of
 * the REST API is {@link CsrfCheck}.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class WebSecurity extends HttpFilter {

    private static final String HSTS = "max-age=31536000";

    @Inject
    ClientAddresses clients;

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS");
    private static final Set<String> BODILESS = Set.of("GET", "HEAD", "OPTIONS", "DELETE");

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

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        addHeaders(request, response);
        if (!request.isSecure() && clients.secure(request)) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        if (!METHODS.contains(request.getMethod())) {
            // PATCH, TRACE (never echoed: it would show cookies and credentials to a script) and
            // anything else no page or resource here answers; the servlets' own answer would be a
            // 501 page. The connection is closed, since the body of such a request is never read.
            response.setHeader("Connection", "close");
            response.setHeader("Allow", String.join(", ", METHODS));
            response.sendError(405);
            return;
        }
        if (BODILESS.contains(request.getMethod())
                && (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null)) {
            // Nothing here reads the body of such a request, and a body left unread on a kept-alive
            // connection would be taken for the start of the next request (behind a proxy that
            // shares connections, someone else's). Refused, and the connection is closed.
            response.setHeader("Connection", "close");
            response.sendError(400);
            return;
        }
        // The servlet path is decoded and without path parameters: "/api" for every spelling
        // of a REST call's path. CSRF is checked by CsrfCheck, inside JAX-RS.
        if ("/api".equals(request.getServletPath())) {
            response.setHeader("Cache-Control", "no-store");
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
            response.setHeader("Strict-Transport-Security", HSTS);
        }
    }
}

package org.videochat.security;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.videochat.platform.web.Problems;

/**
 * Cross-site request forgery: a REST call that changes something and is authenticated by the
 * session cookie must carry the session's token in {@code X-CSRF-Token} (the page reads it from
 * {@code GET /api/me}). Requests with HTTP Basic carry their own credentials and need no token.
 * Checked here, on every request JAX-RS serves, so no spelling of the path ({@code /api;x/…},
 * percent-encoding) can reach a resource without the check. JSF forms have their view state.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class CsrfCheck implements ContainerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        if (needsToken(context) && !validToken(context.getHeaderString("X-CSRF-Token"))) {
            context.abortWith(
                    Problems.response(403, "csrf", "This request needs the X-CSRF-Token header of your session."));
        }
    }

    private boolean needsToken(ContainerRequestContext context) {
        return !SAFE_METHODS.contains(context.getMethod())
                && context.getHeaderString("Authorization") == null
                && request.getSession(false) != null;
    }

    private boolean validToken(String given) {
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(SignIn.SESSION_CSRF);
        return expected instanceof String e
                && given != null
                && MessageDigest.isEqual(e.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}

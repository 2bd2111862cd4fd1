package org.videochat.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.videochat.directory.People;
import org.videochat.directory.UserAccount;
import org.videochat.platform.Outages;
import org.videochat.platform.web.ClientAddresses;

/**
 * How videochat knows who is asking. Browsers sign in on the login page and are then known by
 * their session (cookie); scripts and API clients send HTTP Basic on every request and get no
 * session. Both go through the same identity stores and the same throttle.
 */
@ApplicationScoped
public class SignIn implements HttpAuthenticationMechanism {

    static final String SESSION_USER = "videochat.user";
    static final String SESSION_GROUPS = "videochat.groups";
    public static final String SESSION_CSRF = "videochat.csrf";
    /** A stable name for the session (its id may change): what its streams are filed under. */
    public static final String SESSION_KEY = "videochat.session";

    static final String SESSION_SIGNED_IN_AT = "videochat.signedInAt";
    static final String SESSION_ROLES_CHECKED_AT = "videochat.rolesCheckedAt";
    /** Set on the request when a sign-in was refused because of too many failures. */
    public static final String LOCKED = "videochat.login.locked";
    /** Set on the request when the credentials could not be checked: the database is away. */
    public static final String UNAVAILABLE = "videochat.login.unavailable";

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(SignIn.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    LoginThrottle throttle;

    @Inject
    SignOuts signOuts;

    @Inject
    SignInLimits limits;

    @Inject
    People people;

    @Inject
    LdapIdentityStore ldap;

    @Inject
    @ConfigProperty(name = "videochat.login.roles-check-seconds")
    int rolesCheckSeconds;

    @Inject
    ClientAddresses clients;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        Credential formCredential = context.getAuthParameters().getCredential();
        if (formCredential instanceof UsernamePasswordCredential login) {
            return formSignIn(login, request, context);
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic(authorization.substring(6).strip(), request, response, context);
        }
        HttpSession session = request.getSession(false);
        if (session != null
                && session.getAttribute(SESSION_USER) instanceof String user
                && signOuts.ended(user, session.getAttribute(SESSION_SIGNED_IN_AT) instanceof Long at ? at : 0L)) {
            session.invalidate(); // closes its streams (SessionEnd); the request goes on as anonymous
            session = null;
        }
        if (session != null && session.getAttribute(SESSION_USER) instanceof String user) {
            Set<String> groups = currentGroups(session, user);
            if (groups == null) {
                session.invalidate(); // the person is no longer in the directory
                return context.isProtected() ? context.responseUnauthorized() : context.doNothing();
            }
            return context.notifyContainerAboutLogin(user, groups);
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        WebSecurity.addHeaders(request, response);
        if (isApi(request)) {
            // Browsers would show their own password dialog on a Basic challenge: only challenge others.
            if (request.getHeader("Sec-Fetch-Mode") == null) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"videochat\"");
            }
            return context.responseUnauthorized();
        }
        String next = request.getRequestURI().substring(request.getContextPath().length())
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        return context.redirect(
                request.getContextPath() + "/login.xhtml?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
    }

    private AuthenticationStatus formSignIn(
            UsernamePasswordCredential login, HttpServletRequest request, HttpMessageContext context) {
        CredentialValidationResult result = check(login, request);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate(); // a fresh session id after sign-in: no session fixation
        }
        HttpSession session = request.getSession(true);
        session.setAttribute(SESSION_USER, result.getCallerPrincipal().getName());
        session.setAttribute(SESSION_GROUPS, new HashSet<>(result.getCallerGroups()));
        session.setAttribute(SESSION_CSRF, token());
        session.setAttribute(SESSION_KEY, token());
        session.setAttribute(SESSION_SIGNED_IN_AT, System.currentTimeMillis());
        session.setAttribute(SESSION_ROLES_CHECKED_AT, System.currentTimeMillis());
        return context.notifyContainerAboutLogin(result);
    }

    private AuthenticationStatus basic(
            String encoded, HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = "";
        }
        int colon = decoded.indexOf(':');
        if (colon > 0) {
            CredentialValidationResult result = check(
                    new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1)), request);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
        }
        WebSecurity.addHeaders(request, response);
        if (request.getAttribute(UNAVAILABLE) != null) {
            try {
                response.sendError(503); // the error page adds the problem body and Retry-After
            } catch (IOException e) {
                // the client went away
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (request.getAttribute(LOCKED) != null) {
            try {
                response.setHeader("Retry-After", "60");
                response.sendError(429);
            } catch (IOException e) {
                // the client went away
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"videochat\"");
        return context.responseUnauthorized();
    }

    private CredentialValidationResult check(UsernamePasswordCredential login, HttpServletRequest request) {
        try {
            return checkOnce(login, request);
        } catch (RuntimeException e) {
            if (!Outages.isOutage(e)) {
                throw e;
            }
            LOG.warning(() -> "cannot check a sign-in: " + Outages.describe(e));
            request.setAttribute(UNAVAILABLE, Boolean.TRUE);
            return CredentialValidationResult.INVALID_RESULT;
        }
    }

    private CredentialValidationResult checkOnce(UsernamePasswordCredential login, HttpServletRequest request) {
        String name = login.getCaller();
        if (name == null
                || name.isBlank()
                || name.length() > 256
                || login.getPassword().getValue().length == 0) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        String username = name.strip().toLowerCase(java.util.Locale.ROOT);
        char[] password = login.getPassword().getValue();
        long now = System.currentTimeMillis();
        if (!UserAccount.isValidUsername(username)) {
            // Nobody can have this name: no lookup, no hashing, no throttle row.
            limits.failed(clients.of(request), now);
            return CredentialValidationResult.INVALID_RESULT;
        }
        SignInLimits.Verified known = limits.remembered(username, password, now);
        if (known != null && !signOuts.ended(known.username(), known.verifiedAtMs())) {
            return new CredentialValidationResult(known.username(), known.groups());
        }
        // Checked in this order so that a flood of made-up names costs neither hashing nor
        // database writes, and so that failures from one place do not lock the owner out elsewhere.
        String source = clients.of(request);
        if (!limits.mayCheck(source, now) || throttle.isLocked(username, source)) {
            LOG.fine(() -> "sign-in refused for a while: too many failures from " + source + " (peer "
                    + request.getRemoteAddr() + ")");
            request.setAttribute(LOCKED, Boolean.TRUE);
            return CredentialValidationResult.INVALID_RESULT;
        }
        CredentialValidationResult result =
                identityStores.validate(new UsernamePasswordCredential(username, login.getPassword()));
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            throttle.succeeded(username, source);
            limits.remember(
                    username,
                    password,
                    new SignInLimits.Verified(
                            result.getCallerPrincipal().getName(), new HashSet<>(result.getCallerGroups()), now));
        } else {
            limits.failed(source, now);
            limits.forget(username);
            throttle.failed(username, source);
        }
        return result;
    }

    /**
     * The session's roles, read again from the directory every {@code videochat.login.roles-check-seconds}
     * from videochat's own directory for people with a local account, from LDAP (with its service
     * account) for the others, so that a role taken away applies without a new sign-in. Null when
     * the person no longer exists. While either directory cannot be asked, the roles known so far
     * stay, and the next request asks again.
     */
    @SuppressWarnings("unchecked")
    private Set<String> currentGroups(HttpSession session, String user) {
        Set<String> groups = (Set<String>) session.getAttribute(SESSION_GROUPS);
        long now = System.currentTimeMillis();
        long checked = session.getAttribute(SESSION_ROLES_CHECKED_AT) instanceof Long at ? at : 0L;
        if (now - checked < rolesCheckSeconds * 1000L) {
            return groups;
        }
        try {
            var account = people.find(user);
            if (account.isEmpty()) {
                limits.forget(user); // and no remembered password lets them back in
                return null;
            }
            if (!"directory".equals(account.get().passwordHash())) {
                groups = new HashSet<>(account.get().roles());
            } else {
                Optional<Set<String>> roles = ldap.currentRoles(user);
                if (roles.isEmpty()) {
                    limits.forget(user);
                    return null;
                }
                groups = new HashSet<>(roles.get());
            }
            if (!groups.equals(session.getAttribute(SESSION_GROUPS))) {
                limits.forget(user); // a remembered Basic sign-in must not keep the old roles
            }
            session.setAttribute(SESSION_GROUPS, groups);
            session.setAttribute(SESSION_ROLES_CHECKED_AT, now);
        } catch (NamingException e) {
            LOG.log(
                    Level.FINE,
                    "the LDAP directory could not be asked for " + user + "'s roles; asking again later",
                    e);
        } catch (RuntimeException e) {
            if (!Outages.isOutage(e)) {
                throw e;
            }
            // The database is away: keep the roles known so far, ask again at the next request.
        }
        return groups;
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

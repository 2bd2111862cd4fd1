package org.videochat.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.videochat.platform.InvalidValues;
import org.videochat.platform.Outages;

/**
 * Error page of the container (web.xml): errors raised outside JAX-RS, such as a 401 from the
 * authentication mechanism, a 404 for an unknown path or an exception in a page, answer with a
 * problem body, or, for a person's browser asking for a page, a short page in their language;
 * never the server's own page and never a stack trace. A backing service that is away gives 503;
 * a request whose parameters cannot be decoded (a bogus charset) gives 400.
 */
@WebServlet("/problem")
public class ProblemErrorPage extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ProblemErrorPage.class.getName());

    @Inject
    Language language;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : response.getStatus();
        if (status < 400) {
            status = 404;
        }
        String detail = switch (status) {
            case 401 -> "Sign in: this resource needs an authenticated user (HTTP Basic for API clients).";
            case 403 -> "You are signed in but not allowed to do this.";
            default -> null;
        };
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            if (Outages.isOutage(failure)) {
                status = 503;
                detail = Problems.UNAVAILABLE_DETAIL;
                LOG.warning(
                        () -> "answering 503: a backing service is unavailable (" + Outages.describe(failure) + ")");
            } else if (InvalidValues.causedBy(failure)) {
                status = 400;
                detail = ProblemMappers.INVALID_VALUE_DETAIL;
            } else if (undecodable(failure)) {
                status = 400;
                detail = "The request's parameters or body cannot be decoded in the character set it names.";
            } else {
                status = 500;
                String incident = UUID.randomUUID().toString();
                LOG.log(Level.SEVERE, "unexpected failure, incident " + incident, failure);
                detail = "Something went wrong on our side (incident " + incident + ").";
            }
        }
        response.resetBuffer();
        response.setStatus(status);
        if (Problems.asksToRetry(status) && response.getHeader("Retry-After") == null) {
            response.setHeader("Retry-After", Problems.RETRY_AFTER_SECONDS);
        }
        response.setCharacterEncoding("UTF-8");
        if (wantsPage(request)) {
            response.setContentType("text/html");
            response.getWriter().write(page(status));
        } else {
            response.setContentType(Problems.MEDIA_TYPE);
            response.getWriter().write(Problems.json(status, Problems.code(status), detail));
        }
    }

    private static boolean undecodable(Throwable failure) {
        for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof CharConversionException
                    || c instanceof UnsupportedEncodingException
                    || c instanceof CharacterCodingException
                    || c instanceof IllegalCharsetNameException
                    || c instanceof UnsupportedCharsetException) {
                return true;
            }
        }
        return false;
    }

    /** A browser navigating to a page, not a script or an API client. */
    private static boolean wantsPage(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = (uri instanceof String s ? s : request.getRequestURI())
                .substring(request.getContextPath().length());
        String accept = request.getHeader("Accept");
        return !path.startsWith("/api/") && accept != null && accept.contains("text/html");
    }

    private String page(int status) {
        ResourceBundle texts = Language.bundle(language.getLocale());
        String key = switch (status) {
            case 400, 403, 404, 503 -> "error." + status;
            default -> "error.other";
        };
        return """
                <!DOCTYPE html>
                <html lang="%s"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:15vh auto;padding:0 1rem;line-height:1.5}
                @media (prefers-color-scheme:dark){body{background:#111;color:#eee}a{color:#8ab4f8}}</style></head>
                <body><h1>%s</h1><p id="error-message">%s</p><p><a href="%s/">%s</a></p></body></html>
                """.formatted(
                        language.getTag(),
                        texts.getString("error.title"),
                        texts.getString("error.title"),
                        texts.getString(key),
                        getServletContext().getContextPath(),
                        texts.getString("error.home"));
    }
}

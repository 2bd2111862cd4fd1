package org.videochat.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Error page of the container (web.xml): errors raised outside JAX-RS, such as a 401 from the
 * authentication mechanism or a 404 for an unknown path, also answer with a problem body
 * instead of the server's HTML page and never with a stack trace.
 */
@WebServlet("/problem")
public class ProblemErrorPage extends HttpServlet {

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
        response.setStatus(status);
        if (Problems.asksToRetry(status) && response.getHeader("Retry-After") == null) {
            response.setHeader("Retry-After", Problems.RETRY_AFTER_SECONDS);
        }
        response.setContentType(Problems.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Problems.json(status, Problems.code(status), detail));
    }
}

package org.videochat.platform.web;

import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.videochat.platform.InvalidValues;
import org.videochat.platform.Outages;
import org.videochat.platform.RequestRejected;

/** Turns every failure of a REST call into a problem body; never a stack trace. */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    static final String INVALID_VALUE_DETAIL =
            "A value of the request cannot be stored (a NUL character, a date out of range, or text too long).";

    private ProblemMappers() {}

    static RequestRejected rejectedCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof RequestRejected r) {
                return r;
            }
        }
        return null;
    }

    static Response unexpected(Throwable t) {
        RequestRejected rejected = rejectedCause(t);
        if (rejected != null) {
            return Problems.response(rejected);
        }
        if (Outages.isOutage(t)) {
            return Problems.unavailable(LOG, t);
        }
        if (InvalidValues.causedBy(t)) {
            LOG.info(() -> "answering 400: the database refused a value of the request (" + Outages.describe(t) + ")");
            return Problems.response(400, "invalid-value", INVALID_VALUE_DETAIL);
        }
        // The incident id ties the answer to the log line without exposing internals.
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "unexpected failure, incident " + incident, t);
        return Problems.response(
                500, "internal-error", "Something went wrong on our side (incident " + incident + ").");
    }

    @Provider
    public static class Rejected implements ExceptionMapper<RequestRejected> {
        @Override
        public Response toResponse(RequestRejected e) {
            return Problems.response(e);
        }
    }

    /** EJB wraps unchecked exceptions from beans; unwrap to find a rejection. */
    @Provider
    public static class Ejb implements ExceptionMapper<EJBException> {
        @Override
        public Response toResponse(EJBException e) {
            return unexpected(e);
        }
    }

    @Provider
    public static class Web implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 500) {
                return unexpected(e);
            }
            RequestRejected rejected = rejectedCause(e);
            if (rejected != null) {
                return Problems.response(rejected);
            }
            if (status == 400 && (e.getCause() instanceof JsonException || e.getCause() instanceof JsonbException)) {
                return Problems.response(400, "invalid-json", "The request body is not valid JSON.");
            }
            Response.ResponseBuilder answer = Response.fromResponse(e.getResponse())
                    .type(Problems.MEDIA_TYPE)
                    .entity(Problems.json(status, Problems.code(status), null));
            return answer.build();
        }
    }

    @Provider
    public static class Json implements ExceptionMapper<JsonException> {
        @Override
        public Response toResponse(JsonException e) {
            return Problems.response(400, "invalid-json", "The request body is not valid JSON.");
        }
    }

    @Provider
    public static class Processing implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            RequestRejected rejected = rejectedCause(e);
            if (rejected != null) {
                return Problems.response(rejected);
            }
            return Problems.response(400, "invalid-json", "The request body could not be read as JSON.");
        }
    }

    @Provider
    public static class Anything implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            return unexpected(e);
        }
    }
}

package org.videochat.platform;

import jakarta.ejb.ApplicationException;

/**
 * A request that cannot be carried out as asked. Carries what the REST layer needs to answer
 * with an RFC 9457 problem body; rolls back whatever the transaction wrote so far.
 *
 * @param code stable machine-readable reason, used as the last segment of the problem type
 */
@ApplicationException(rollback = true)
public class RequestRejected extends RuntimeException {

    private final int status;
    private final String code;
    private int retryAfterSeconds;

    public RequestRejected(int status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** When the client may try again (429, 503), if more precisely known than "in a moment". */
    public RequestRejected retryAfter(long seconds) {
        this.retryAfterSeconds = (int) Math.max(1, Math.min(seconds, 3600));
        return this;
    }

    /** 0 when not known. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static RequestRejected badRequest(String code, String detail) {
        return new RequestRejected(400, code, detail);
    }

    public static RequestRejected notFound(String code, String detail) {
        return new RequestRejected(404, code, detail);
    }

    public static RequestRejected unprocessable(String code, String detail) {
        return new RequestRejected(422, code, detail);
    }

    public static RequestRejected tooLarge(String code, String detail) {
        return new RequestRejected(413, code, detail);
    }
}

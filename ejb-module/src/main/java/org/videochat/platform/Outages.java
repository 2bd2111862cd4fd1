package org.videochat.platform;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells whether a failure means that a backing service (PostgreSQL, the connection pool, the
 * broker) is away for a while, rather than that the request or the code is wrong. Such a
 * failure is answered with 503 and {@code Retry-After}, and logged as one line, not a stack trace:
 * an outage of a few seconds must not fill the log.
 */
public final class Outages {

    private Outages() {}

    public static boolean isOutage(Throwable failure) {
        int depth = 0;
        for (Throwable c = failure; c != null && depth < 50; c = c.getCause() == c ? null : c.getCause(), depth++) {
            if (c instanceof SQLTransientConnectionException
                    || c instanceof SQLNonTransientConnectionException
                    || c instanceof SQLRecoverableException
                    || c instanceof ConnectException
                    || c instanceof SocketTimeoutException
                    || c instanceof jakarta.resource.ResourceException
                    || c instanceof jakarta.jms.JMSException
                    || c instanceof jakarta.jms.JMSRuntimeException) {
                return true;
            }
            if (c instanceof SQLException sql && unavailable(sql.getSQLState())) {
                return true;
            }
            if (c instanceof SQLException sql && sql.getNextException() != null && isOutage(sql.getNextException())) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 (connection exception), 57P01–57P03 (the server shutting down or not yet
     * accepting connections), 53300 (too many connections).
     */
    static boolean unavailable(String state) {
        return state != null && (state.startsWith("08") || state.matches("57P0[123]") || state.equals("53300"));
    }

    /** One line for the log: the innermost cause's type and message. */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        int depth = 0;
        while (root.getCause() != null && root.getCause() != root && depth++ < 50) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + ": " + root.getMessage();
        return text.length() > 300 ? text.substring(0, 300) : text;
    }
}

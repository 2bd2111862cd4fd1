package org.videochat.platform;

import java.sql.SQLException;

/**
 * Tells whether the database refused a value the request carried: SQLSTATE class 22 (a NUL
 * character, a date out of range, a text longer than its column). The request is answered with
 * 400; nothing was written, because the statement failed inside the request's transaction.
 * Validation should have caught it first; this is the net under it.
 */
public final class InvalidValues {

    private InvalidValues() {}

    public static boolean causedBy(Throwable failure) {
        int depth = 0;
        for (Throwable c = failure; c != null && depth < 50; c = c.getCause() == c ? null : c.getCause(), depth++) {
            if (c instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }
}

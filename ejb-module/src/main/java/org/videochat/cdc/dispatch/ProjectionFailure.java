package org.videochat.cdc.dispatch;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.DateTimeException;
import java.util.Set;

/**
 * Tells a failure that passes (the database restarting, a pool without free connections, a
 * deadlock, the broker failing over) from one that will happen again on every attempt (a change
 * no projection can read, a row that violates an invariant, a bug). The first kind is retried
 * for as long as it lasts; only the second kind belongs in the dead-letter queue.
 *
 * <p>PostgreSQL's SQLSTATE classes decide where there is one. Without one, a programming or data
 * error (null where a value must be, a wrong type, unparseable JSON or time) is permanent, and
 * anything else — which in practice means an infrastructure failure — is transient: when in
 * doubt, retrying loses nothing, dead-lettering may.
 */
public final class ProjectionFailure {

    /** Data exception, integrity violation, syntax or access rule, PL/pgSQL raise, cardinality, unsupported feature. */
    private static final Set<String> PERMANENT_SQL_CLASSES = Set.of("22", "23", "42", "P0", "21", "0A");

    private ProjectionFailure() {}

    public static boolean isPermanent(Throwable failure) {
        for (Throwable c = failure; c != null && depth(c, failure); c = next(c)) {
            if (c instanceof SQLTransientException || c instanceof SQLRecoverableException) {
                return false;
            }
            if (c instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().length() >= 2) {
                return PERMANENT_SQL_CLASSES.contains(sql.getSQLState().substring(0, 2));
            }
        }
        for (Throwable c = failure; c != null && depth(c, failure); c = next(c)) {
            if (c instanceof NullPointerException
                    || c instanceof IllegalArgumentException
                    || c instanceof ClassCastException
                    || c instanceof jakarta.json.JsonException
                    || c instanceof DateTimeException
                    || c instanceof IndexOutOfBoundsException) {
                return true;
            }
        }
        return false;
    }

    /** One line that says what went wrong, for the log and the dead letter's reason. */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        String state = null;
        for (Throwable c = failure; c != null && depth(c, failure); c = next(c)) {
            root = c;
            if (c instanceof SQLException sql && sql.getSQLState() != null && state == null) {
                state = sql.getSQLState();
                break;
            }
        }
        String text = root.getClass().getSimpleName() + (state == null ? "" : " (SQLSTATE " + state + ")") + ": "
                + root.getMessage();
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    /** Stops the walk of a pathological cause chain. */
    private static boolean depth(Throwable c, Throwable start) {
        int n = 0;
        for (Throwable t = start; t != null && t != c; t = next(t)) {
            if (++n > 50) {
                return false;
            }
        }
        return true;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof SQLException sql && sql.getNextException() != null && sql.getNextException() != t) {
            return sql.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }
}

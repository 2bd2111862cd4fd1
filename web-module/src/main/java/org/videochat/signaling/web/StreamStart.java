package org.videochat.signaling.web;

/**
 * Where a new stream starts in its person's log, and whether the browser must reload its state
 * first: it asked for events that are gone (retention) or that this log never had.
 *
 * @param from         the last event id the browser has; delivery continues after it
 * @param resyncReason null, {@code unknown-event-id} or {@code history-expired}
 */
record StreamStart(long from, String resyncReason) {

    /**
     * @param asked         the browser's Last-Event-ID, or null for a first connection
     * @param last          the newest event id of the log
     * @param prunedThrough events up to this id were removed by retention
     */
    static StreamStart of(Long asked, long last, long prunedThrough) {
        if (asked == null) {
            return new StreamStart(last, null);
        }
        if (asked > last) {
            return new StreamStart(last, "unknown-event-id");
        }
        if (asked < prunedThrough) {
            return new StreamStart(last, "history-expired");
        }
        return new StreamStart(asked, null);
    }
}

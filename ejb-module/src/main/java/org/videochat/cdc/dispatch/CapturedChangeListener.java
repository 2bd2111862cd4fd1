package org.videochat.cdc.dispatch;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.Collection;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.videochat.call.projection.CallProjection;
import org.videochat.cdc.CapturedChange;
import org.videochat.presence.projection.PresenceProjection;
import org.videochat.signaling.StreamNotices;

/**
 * Receives the row changes Debezium Server publishes to the {@code videochat.cdc} queue and hands
 * each to the projection of its table, which commits its own database transaction. Then the
 * users with new events are announced (presence is broadcast) and the message is acknowledged.
 *
 * <p>Retry policy, by kind of failure ({@link ProjectionFailure}):
 * <ul>
 *   <li>transient (database away, pool exhausted, deadlock): retried right here, with back-off,
 *       for as long as it lasts. Retrying in place, instead of rolling the message back to the
 *       broker, is what keeps a call's changes in order: Artemis would let the group's later
 *       changes overtake a message waiting for redelivery.</li>
 *   <li>permanent (unreadable message, an invariant the projection cannot satisfy, a bug): the
 *       message goes to the dead-letter queue at once, with the reason, and the flow goes on.</li>
 * </ul>
 * No XA: a crash before the acknowledgement makes the broker redeliver, which is harmless because
 * the projections are idempotent. An announcement that cannot be sent is only logged: the events
 * are safe in the log, and every stream catches up from it at each heartbeat. Artemis message
 * groups (JMSXGroupID = call id) keep the changes of one call in order across the parallel sessions.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "destination", propertyValue = "videochat.cdc"),
            @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
        })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CapturedChangeListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(CapturedChangeListener.class.getName());

    @Inject
    CallProjection calls;

    @Inject
    PresenceProjection presence;

    @Inject
    StreamNotices announcer;

    @Inject
    DeadLetters deadLetters;

    @Inject
    @ConfigProperty(name = "videochat.cdc.retry-initial-ms")
    long initialBackoffMs;

    @Inject
    @ConfigProperty(name = "videochat.cdc.retry-max-ms")
    long maxBackoffMs;

    @Inject
    @ConfigProperty(name = "videochat.cdc.retry-in-place-ms")
    long inPlaceMs;

    @Override
    public void onMessage(Message message) {
        CapturedChange change;
        try {
            long publishMs = message.propertyExists("cdc_publish_ms") ? message.getLongProperty("cdc_publish_ms") : 0L;
            change = CapturedChange.parse(((TextMessage) message).getText(), publishMs);
        } catch (JMSException | RuntimeException e) {
            deadLetter(message, "unreadable change message: " + ProjectionFailure.describe(e));
            return;
        }
        long backoff = initialBackoffMs;
        long giveBackAt = System.currentTimeMillis() + inPlaceMs;
        for (int attempt = 1; ; attempt++) {
            try {
                announce(project(change));
                if (attempt > 1) {
                    int attempts = attempt;
                    LOG.info(() -> "projected " + change.table() + " change at LSN " + change.lsn() + " at attempt "
                            + attempts);
                }
                return;
            } catch (RuntimeException e) {
                if (ProjectionFailure.isPermanent(e)) {
                    LOG.log(
                            Level.SEVERE,
                            "a " + change.table() + " change at LSN " + change.lsn()
                                    + " cannot be projected; dead-lettering it",
                            e);
                    deadLetter(message, ProjectionFailure.describe(e));
                    return;
                }
                if (System.currentTimeMillis() > giveBackAt) {
                    // Back to the broker, which hands it out again at once and before the rest of
                    // its group (no redelivery delay, unlimited attempts): order is kept, and a
                    // long outage does not pin this thread for ever.
                    throw e;
                }
                long wait = backoff;
                LOG.warning(() -> "projecting a " + change.table() + " change at LSN " + change.lsn() + " failed ("
                        + ProjectionFailure.describe(e) + "); retrying in " + wait + " ms");
                pause(wait, e);
                backoff = Math.min(maxBackoffMs, backoff * 2);
            }
        }
    }

    private Collection<String> project(CapturedChange change) {
        return switch (change.table()) {
            case "call" -> calls.onCallChanged(change);
            case "call_signal" -> calls.onSignalAdded(change);
            case "presence" -> {
                String event = presence.onPresenceChanged(change);
                if (event != null) {
                    announcePresence(event);
                }
                yield List.of();
            }
            default -> {
                LOG.warning(() -> "no projection for captured table " + change.table());
                yield List.of();
            }
        };
    }

    private void announce(Collection<String> users) {
        try {
            announcer.announce(users);
        } catch (RuntimeException e) {
            LOG.warning(
                    "could not announce new events to " + users + "; streams catch up at their next heartbeat: " + e);
        }
    }

    private void announcePresence(String event) {
        try {
            announcer.broadcastPresence(event);
        } catch (RuntimeException e) {
            LOG.warning("could not broadcast a presence change; pages read the directory again on reconnect: " + e);
        }
    }

    private void deadLetter(Message message, String reason) {
        try {
            deadLetters.send(message, reason);
        } catch (JMSException | RuntimeException e) {
            // Not acknowledged: the broker hands it to us again, and we try again.
            throw new IllegalStateException("could not dead-letter a change (" + reason + ")", e);
        }
    }

    /** The back-off between attempts; an interrupt (the node stopping) hands the change back to the broker. */
    private static void pause(long ms, RuntimeException failure) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }
}

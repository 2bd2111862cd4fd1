package org.videochat.platform;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a command at most once per idempotency key. The command, its receipt (the answer it
 * gave) and the key commit in one transaction, so a command either ran and has a receipt or
 * did neither; a repeat with the same key gets the receipt. Concurrent repeats wait for the first
 * (a transaction-scoped advisory lock on the key). A command that was refused (a problem answer)
 * rolls back and leaves no receipt: repeating it asks again.
 */
@Stateless
public class CommandReceipts {

    /** What a command answered: HTTP status, Location (or null), JSON body; {@code replayed} when it is an earlier answer. */
    public record Receipt(int status, String location, String body, boolean replayed) {}

    @PersistenceContext(unitName = "videochat")
    EntityManager em;

    /**
     * @param request what was asked (method, path and body digest): the same key with another
     *                request is refused with 422, because the client has mixed up its keys
     */
    public Receipt once(String username, String key, String request, Supplier<Receipt> command) {
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(?1, 7))) locked")
                .setParameter(1, username + "\n" + key)
                .getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> earlier = em.createNativeQuery(
                        "SELECT request, status, location, body FROM command_receipt WHERE username = ?1 AND idempotency_key = ?2")
                .setParameter(1, username)
                .setParameter(2, key)
                .getResultList();
        if (!earlier.isEmpty()) {
            Object[] r = earlier.get(0);
            if (!request.equals(r[0])) {
                throw RequestRejected.unprocessable(
                        "idempotency-key-reused",
                        "This Idempotency-Key was used for a different request; use a new key for every new command.");
            }
            return new Receipt(((Number) r[1]).intValue(), (String) r[2], (String) r[3], true);
        }
        Receipt receipt = command.get();
        em.createNativeQuery("""
                        INSERT INTO command_receipt (username, idempotency_key, request, status, location, body)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, username)
                .setParameter(2, key)
                .setParameter(3, request)
                .setParameter(4, receipt.status())
                .setParameter(5, receipt.location())
                .setParameter(6, receipt.body())
                .executeUpdate();
        return receipt;
    }

    /** Forgets receipts older than {@code hours}; a repeat after that runs the command again. */
    public int forgetOlderThan(long hours) {
        return em.createNativeQuery("DELETE FROM command_receipt WHERE created_at < now() - make_interval(hours => ?1)")
                .setParameter(1, (int) hours)
                .executeUpdate();
    }
}

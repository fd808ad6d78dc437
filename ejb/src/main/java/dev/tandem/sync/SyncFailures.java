package dev.tandem.sync;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Remembers why sync events fail. A failing event's transaction rolls back, so the reason is written
 * in a transaction of its own (REQUIRES_NEW) before the consumer rethrows; the broker then redelivers
 * and, after the configured attempts, moves the message to TandemDLQ, where {@link DeadLetters} finds
 * the reason again by JMS message id. Chosen over copying the message into the DLQ with a reason
 * property on the last attempt: that would need the consumer to swallow the exception and to know the
 * broker's attempt limit, and the broker's own dead-lettering stays the single path into the DLQ.
 */
@Stateless
public class SyncFailures {

    /** What the consumer knows about the failed message; any part but the id may be missing. */
    public record Attempt(String jmsMessageId, String queue, int deliveryCount, String kind, String groupId,
                          UUID deliveryId, String phoneNumberId) {
    }

    @PersistenceContext(unitName = "tandem")
    EntityManager em;

    @Inject
    Clock clock;

    /** Records one failed attempt and returns the tenant the event belongs to, if known. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public UUID record(Attempt attempt, Throwable failure) {
        UUID tenantId = attempt.phoneNumberId() == null ? null
                : em.createQuery("select t.id from Tenant t where t.phoneNumberId = :n", UUID.class)
                        .setParameter("n", attempt.phoneNumberId()).getResultStream().findFirst().orElse(null);
        SyncFailure row = em.find(SyncFailure.class, attempt.jmsMessageId());
        if (row == null) {
            row = new SyncFailure(attempt.jmsMessageId(), attempt.queue(), attempt.kind(), attempt.groupId(),
                    attempt.deliveryId(), tenantId, clock.instant());
            em.persist(row);
        }
        row.failedAgain(attempt.deliveryCount(), reason(failure), clock.instant());
        return tenantId;
    }

    /** The recorded failures of these JMS messages, by id. */
    public Map<String, SyncFailure> of(Collection<String> jmsMessageIds) {
        if (jmsMessageIds.isEmpty()) {
            return Map.of();
        }
        List<SyncFailure> rows = em.createQuery("select f from SyncFailure f where f.jmsMessageId in :ids", SyncFailure.class)
                .setParameter("ids", jmsMessageIds).getResultList();
        return rows.stream().collect(Collectors.toMap(SyncFailure::jmsMessageId, Function.identity()));
    }

    /** The exception chain, outermost first: the root cause usually names the column or constraint. */
    static String reason(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getClass().getName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage());
            }
        }
        return text.toString();
    }
}

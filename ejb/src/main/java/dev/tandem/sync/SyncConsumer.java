package dev.tandem.sync;

import dev.tandem.platform.ConnectionFailures;
import dev.tandem.platform.DatabaseAvailability;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What every sync MDB does: read the event and hand it to a boundary. The boundary's transaction has
 * the database as its only resource (events go through {@link dev.tandem.platform.Events}' table), so
 * it commits in one phase; the broker's local transaction (activation property {@code useLocalTx})
 * acknowledges the message after that. One XA transaction per event (prepare and commit on both, a
 * transaction log record) was most of a consumer's time. A crash between the two commits redelivers
 * the event, and processing is idempotent.
 *
 * <p>It never swallows an exception: a failure rolls back, the broker redelivers with a delay, and
 * after the configured attempts the message lands in TandemDLQ. Before rethrowing, the failure is
 * logged with tenant, delivery and JMS message id and its reason is kept by {@link SyncFailures} (the
 * broker records none), so an operator sees why a dead letter died. Events whose ids cannot be stored
 * ({@link EventShape}) never reach the boundary: they are kept as unrouted events with the reason.
 * Artemis message groups (JMSXGroupID, one per conversation) keep each conversation in order across
 * the MDB's sessions.
 */
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public abstract class SyncConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(SyncConsumer.class.getName());

    /** How long one attempt waits for the database before the broker counts it: 5 attempts ride out ~5 min. */
    static final Duration OUTAGE_WAIT = Duration.ofSeconds(60);

    @Inject
    SyncFailures failures;

    @Inject
    DatabaseAvailability database;

    @Inject
    Routing routing;

    /** The broker's max-delivery-attempts (TANDEM_JMS_MAX_ATTEMPTS), only to say in the log which attempt was the last. */
    @Inject
    @ConfigProperty(name = "tandem.jms.max-attempts", defaultValue = "5")
    int maxAttempts;

    protected abstract void handle(SyncEvent event);

    @Override
    public void onMessage(Message message) {
        SyncEvent event = null;
        try {
            event = read(message);
            String problem = EventShape.problem(event);
            if (problem != null) {
                routing.keepUnrouted(event, "invalid event: " + problem);
                return;
            }
            handle(event);
        } catch (RuntimeException e) {
            failed(message, event, e);
            if (ConnectionFailures.isOutage(e)) {
                database.awaitReachable(OUTAGE_WAIT);
            }
            throw e;
        }
    }

    private void failed(Message message, SyncEvent event, RuntimeException failure) {
        SyncFailures.Attempt attempt = attempt(message, event);
        UUID tenantId = null;
        try {
            tenantId = failures.record(attempt, failure);
        } catch (RuntimeException notRecorded) {
            // e.g. the database is down: the log line below still carries the reason
            LOG.log(Level.WARNING, "Cannot record the failure of JMS message " + attempt.jmsMessageId(), notRecorded);
        }
        boolean last = attempt.deliveryCount() >= maxAttempts;
        UUID tenant = tenantId;
        LOG.log(last ? Level.SEVERE : Level.WARNING, () -> "Sync of " + attempt.kind() + " for tenant " + tenant
                + " (number " + attempt.phoneNumberId() + ", delivery " + attempt.deliveryId() + ", JMS message "
                + attempt.jmsMessageId() + ", group " + attempt.groupId() + ") failed on attempt " + attempt.deliveryCount()
                + " of " + maxAttempts + (last ? "; it goes to the dead-letter queue" : "; the broker redelivers it")
                + ": " + SyncFailures.reason(failure));
    }

    private static SyncFailures.Attempt attempt(Message message, SyncEvent event) {
        String id = null;
        String queue = null;
        String kind = event != null ? event.kind().name() : null;
        String group = event != null ? event.groupId() : null;
        int deliveryCount = 0;
        try {
            id = message.getJMSMessageID();
            queue = message.getJMSDestination() instanceof jakarta.jms.Queue q ? q.getQueueName()
                    : String.valueOf(message.getJMSDestination());
            deliveryCount = message.propertyExists("JMSXDeliveryCount") ? message.getIntProperty("JMSXDeliveryCount") : 0;
            if (kind == null) {
                kind = message.getStringProperty("kind");
            }
            if (group == null) {
                group = message.getStringProperty("JMSXGroupID");
            }
        } catch (JMSException | RuntimeException e) {
            LOG.log(Level.FINE, "Incomplete JMS headers of a failed message", e);
        }
        if (kind != null && kind.length() > 40) {
            kind = kind.substring(0, 40);
        }
        return new SyncFailures.Attempt(id == null ? "unknown" : id, queue == null ? "unknown" : queue, deliveryCount,
                kind, group, event != null ? event.deliveryId() : null, event != null ? event.phoneNumberId() : null);
    }

    private static SyncEvent read(Message message) {
        try {
            if (message instanceof TextMessage text) {
                return SyncEvent.fromJson(text.getText());
            }
            throw new IllegalArgumentException("not a text message: " + message.getJMSMessageID());
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}

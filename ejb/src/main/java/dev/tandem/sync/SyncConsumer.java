package dev.tandem.sync;

import dev.tandem.platform.BatchingConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What a sync queue's messages mean to its {@link BatchingConsumer}s: events, applied by
 * {@link SyncBatch} a batch at a time, or one at a time after a batch failed or on a redelivery.
 * Events go through {@link dev.tandem.platform.Events}' table, so the database is a transaction's only
 * resource; messages are acknowledged after its commit, and a crash in between redelivers events that
 * land idempotently.
 *
 * <p>A failing event is logged with tenant, delivery and JMS message id and its reason is kept by
 * {@link SyncFailures} (the broker records none), so that an operator sees why a dead letter died;
 * the broker redelivers it with a delay and after the configured attempts moves it to TandemDLQ.
 */
@ApplicationScoped
public class SyncConsumer {

    private static final Logger LOG = Logger.getLogger(SyncConsumer.class.getName());

    @Inject
    SyncBatch batch;

    @Inject
    SyncFailures failures;

    /** The broker's max-delivery-attempts (TANDEM_JMS_MAX_ATTEMPTS), only to say in the log which attempt was the last. */
    @Inject
    @ConfigProperty(name = "tandem.jms.max-attempts", defaultValue = "5")
    int maxAttempts;

    /** The handler of one queue's messages. */
    public BatchingConsumer.Handler of(SyncQueue queue) {
        return new BatchingConsumer.Handler() {
            @Override
            public void applyAll(List<Message> messages) {
                batch.applyAll(queue, messages.stream().map(SyncConsumer::read).toList());
            }

            @Override
            public void applyOne(Message message) {
                SyncEvent event = null;
                try {
                    event = read(message);
                    batch.apply(queue, event);
                } catch (RuntimeException e) {
                    failed(message, event, e);
                    throw e;
                }
            }
        };
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
            if (message instanceof BytesMessage bytes) {
                return SyncEvent.fromBytes(bytes.getBody(byte[].class));
            }
            if (message instanceof TextMessage text) {
                return SyncEvent.fromJson(text.getText());
            }
            throw new IllegalArgumentException("neither a bytes nor a text message: " + message.getJMSMessageID());
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.tandem.sync;

import dev.tandem.platform.Caller;
import dev.tandem.tenancy.Role;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

/** What sits in TandemDLQ, and why: the queue is browsed (never consumed) and joined with {@link SyncFailures}. */
@Stateless
public class DeadLetters {

    /** The dead-letter queue: its depth and the first (oldest) of them with their reasons. */
    public record Report(int depth, List<DeadLetterView> items) {
    }

    /** Browsing stops counting here; a DLQ this deep needs attention whatever the exact number. */
    static final int MAX_COUNTED = 100_000;

    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "java:/jms/tandem/DeadLetterQueue")
    Queue deadLetterQueue;

    @Inject
    SyncFailures failures;

    public Report report(Caller caller, int limit) {
        caller.requireRole(Role.PLATFORM_ADMIN);
        List<Message> shown = new ArrayList<>();
        int depth = 0;
        try (JMSContext jms = connectionFactory.createContext();
             QueueBrowser browser = jms.createBrowser(deadLetterQueue)) {
            Enumeration<?> messages = browser.getEnumeration();
            while (messages.hasMoreElements() && depth < MAX_COUNTED) {
                Message message = (Message) messages.nextElement();
                if (shown.size() < limit) {
                    shown.add(message);
                }
                depth++;
            }
            List<String> ids = new ArrayList<>();
            for (Message message : shown) {
                ids.add(message.getJMSMessageID());
            }
            Map<String, SyncFailure> reasons = failures.of(ids);
            List<DeadLetterView> items = new ArrayList<>();
            for (Message message : shown) {
                items.add(view(message, reasons.get(message.getJMSMessageID())));
            }
            return new Report(depth, items);
        } catch (JMSException e) {
            throw new IllegalStateException("cannot browse the dead-letter queue", e);
        }
    }

    /** Artemis names the original queue by its address (jms.queue.tandem.inbound); operators know the JMS name. */
    private static String jmsName(String address) {
        return address != null && address.startsWith("jms.queue.") ? address.substring("jms.queue.".length()) : address;
    }

    private static DeadLetterView view(Message message, SyncFailure failure) throws JMSException {
        String queue = jmsName(message.getStringProperty("_AMQ_ORIG_QUEUE"));
        if (failure == null) {
            return new DeadLetterView(message.getJMSMessageID(), queue, message.getStringProperty("kind"),
                    message.getStringProperty("JMSXGroupID"), message.getStringProperty("deliveryId"), null, null, null, null);
        }
        return new DeadLetterView(failure.jmsMessageId(), failure.queue(), failure.kind(),
                failure.groupId(), failure.deliveryId() == null ? null : failure.deliveryId().toString(),
                failure.tenantId() == null ? null : failure.tenantId().toString(), failure.attempts(), failure.reason(),
                failure.lastFailedAt());
    }
}

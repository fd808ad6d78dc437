package dev.tandem.sync;

import dev.tandem.platform.BatchingConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * What the archive queue's messages mean: every verified webhook delivery (gzip, with its receive
 * time), stored for inspection and replay by {@link WebhookArchive}, many per transaction. A copy
 * redelivered after a crash between the commit and the acknowledgement is skipped.
 */
@ApplicationScoped
public class ArchiveConsumer implements BatchingConsumer.Handler {

    private static final Logger LOG = Logger.getLogger(ArchiveConsumer.class.getName());

    @Inject
    WebhookArchive archive;

    @Override
    public void applyAll(List<Message> messages) {
        archive.storeAll(messages.stream().map(ArchiveConsumer::read).toList());
    }

    @Override
    public void applyOne(Message message) {
        try {
            archive.storeAll(List.of(read(message)));
        } catch (RuntimeException e) {
            LOG.warning(() -> "Archiving JMS message " + jmsMessageId(message) + " failed; the broker redelivers it: " + e);
            throw e;
        }
    }

    private static WebhookArchive.Copy read(Message message) {
        try {
            return new WebhookArchive.Copy(UUID.fromString(message.getStringProperty("deliveryId")),
                    message.getStringProperty("appId"), Instant.parse(message.getStringProperty("receivedAt")),
                    message.getBody(byte[].class));
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jmsMessageId(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "unknown";
        }
    }
}

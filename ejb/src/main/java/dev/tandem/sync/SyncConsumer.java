package dev.tandem.sync;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.logging.Logger;

/**
 * What every sync MDB does: read the event and hand it to a boundary in the MDB's transaction. It
 * never swallows an exception: a failure rolls back, the broker redelivers with a delay, and after
 * the configured attempts the message lands in TandemDLQ. Artemis message groups (JMSXGroupID, one
 * per conversation) keep each conversation in order across the MDB's sessions.
 */
public abstract class SyncConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(SyncConsumer.class.getName());

    protected abstract void handle(SyncEvent event);

    @Override
    public void onMessage(Message message) {
        SyncEvent event = read(message);
        try {
            handle(event);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Sync of " + event.kind() + " (delivery " + event.deliveryId() + ", group "
                    + event.groupId() + ") failed; the broker redelivers it: " + e);
            throw e;
        }
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

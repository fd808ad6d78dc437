package dev.tandem.sync;

import dev.tandem.platform.ConnectionFailures;
import dev.tandem.platform.DatabaseAvailability;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.time.Instant;
import java.util.UUID;

/**
 * Stores every verified webhook delivery (gzip, with its receive time) for inspection and replay.
 * Acknowledged like the sync consumers ({@link SyncConsumer}): the insert commits in one phase, then the
 * broker's local transaction acknowledges the message; a copy redelivered after a crash in between is
 * skipped by {@link WebhookArchive#store}.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/tandem/ArchiveQueue"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4"),
        @ActivationConfigProperty(propertyName = "useLocalTx", propertyValue = "true")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ArchiveConsumer implements MessageListener {

    @Inject
    WebhookArchive archive;

    @Inject
    DatabaseAvailability database;

    @Override
    public void onMessage(Message message) {
        try {
            archive.store(UUID.fromString(message.getStringProperty("deliveryId")), message.getStringProperty("appId"),
                    Instant.parse(message.getStringProperty("receivedAt")), message.getBody(byte[].class));
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            if (ConnectionFailures.isOutage(e)) {
                database.awaitReachable(SyncConsumer.OUTAGE_WAIT); // do not use up attempts while the database is away
            }
            throw e;
        }
    }
}

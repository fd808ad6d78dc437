package dev.tandem.sync;

import dev.tandem.platform.ConnectionFailures;
import dev.tandem.platform.DatabaseAvailability;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.UUID;

/** Stores every verified webhook delivery (gzip, with its receive time) for inspection and replay. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/tandem/ArchiveQueue"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")})
public class ArchiveConsumer implements MessageListener {

    @PersistenceContext(unitName = "tandem")
    EntityManager em;

    @Inject
    DatabaseAvailability database;

    @Override
    public void onMessage(Message message) {
        try {
            UUID id = UUID.fromString(message.getStringProperty("deliveryId"));
            if (em.find(WebhookDelivery.class, id) != null) {
                return; // redelivered after a crash between insert and acknowledge
            }
            byte[] gzip = message.getBody(byte[].class);
            em.persist(new WebhookDelivery(id, message.getStringProperty("appId"),
                    Instant.parse(message.getStringProperty("receivedAt")), gzip.length, gzip));
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

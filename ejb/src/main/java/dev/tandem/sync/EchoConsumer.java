package dev.tandem.sync;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;

/** Business App echoes (smb_message_echoes). */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/tandem/EchoQueue"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4"),
        @ActivationConfigProperty(propertyName = "useLocalTx", propertyValue = "true")})
public class EchoConsumer extends SyncConsumer {

    @Inject
    MessageSync sync;

    @Override
    protected void handle(SyncEvent event) {
        sync.apply(event);
    }
}

package dev.tandem.sync;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;

/** Inbound messages, statuses and webhook errors. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/tandem/InboundQueue"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8"),
        @ActivationConfigProperty(propertyName = "useLocalTx", propertyValue = "true")})
public class InboundConsumer extends SyncConsumer {

    @Inject
    MessageSync sync;

    @Override
    protected void handle(SyncEvent event) {
        sync.apply(event);
    }
}

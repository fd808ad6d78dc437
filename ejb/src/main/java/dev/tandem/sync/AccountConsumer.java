package dev.tandem.sync;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;

/** Account, template and preference events, and ignored group events. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/tandem/AccountQueue"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")})
public class AccountConsumer extends SyncConsumer {

    @Inject
    NumberLifecycle lifecycle;

    @Override
    protected void handle(SyncEvent event) {
        lifecycle.apply(event);
    }
}

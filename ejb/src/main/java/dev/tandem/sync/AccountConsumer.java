package dev.tandem.sync;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import dev.tandem.templates.Templates;
import jakarta.inject.Inject;

/** Account, template and preference events, and ignored group events. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/tandem/AccountQueue"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2"),
        @ActivationConfigProperty(propertyName = "useLocalTx", propertyValue = "true")})
public class AccountConsumer extends SyncConsumer {

    @Inject
    NumberLifecycle lifecycle;

    @Inject
    Templates templates;

    @Override
    protected void handle(SyncEvent event) {
        if (event.kind() == EventKind.TEMPLATE) {
            templates.apply(event);
        } else {
            lifecycle.apply(event);
        }
    }
}

package dev.tandem.sync;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;

/** Contact (smb_app_state_sync) and history events. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/tandem/StateSyncQueue"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4"),
        @ActivationConfigProperty(propertyName = "useLocalTx", propertyValue = "true")})
public class StateSyncConsumer extends SyncConsumer {

    @Inject
    ContactSync contacts;

    @Inject
    HistoryImport history;

    @Override
    protected void handle(SyncEvent event) {
        if (event.kind() == EventKind.CONTACT) {
            contacts.apply(event);
        } else {
            history.apply(event);
        }
    }
}

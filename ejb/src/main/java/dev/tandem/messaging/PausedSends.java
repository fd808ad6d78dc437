package dev.tandem.messaging;

import dev.tandem.tenancy.AccessTokenReplaced;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** When a tenant gets a new access token, its sends paused on the old one (190) go back to the queue. */
@ApplicationScoped
public class PausedSends {

    @Inject
    Outbox outbox;

    void resume(@Observes AccessTokenReplaced replaced) {
        outbox.resumePaused(replaced.tenantId());
    }
}

package dev.tandem.sync;

import dev.tandem.tenancy.WebhookCredentials;
import dev.tandem.platform.Gzip;
import dev.tandem.platform.LocalJmsSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The webhook ingest path: verify the signature over the raw bytes, split the envelope, send one
 * persistent JMS message per event (plus the compressed delivery for the archive) in one local broker
 * transaction (see LocalJmsSessions for why not JTA). The caller answers 200 only after this method
 * returns, i.e. after the commit; nothing here touches the database once the app's credentials are
 * cached. A CDI bean rather than an EJB: the hot path needs neither a transaction nor a bean pool.
 */
@ApplicationScoped
public class WebhookIntake {

    /** What the endpoint answers. */
    public enum Outcome { ACCEPTED, BAD_SIGNATURE, MALFORMED }

    public record Result(Outcome outcome, int events, String detail) {
    }

    @Inject
    WebhookCredentials credentials;

    /** Only replay reads the database; the ingest path does not. */
    @PersistenceContext(unitName = "tandem")
    EntityManager em;

    @Inject
    LocalJmsSessions sessions;

    @Inject
    Clock clock;

    @Inject
    SyncQueues queues;

    /** Meta's GET handshake: the challenge to echo back, or null to refuse with 403. */
    public String handshake(String appId, String mode, String verifyToken, String challenge) {
        if (!"subscribe".equals(mode) || verifyToken == null || challenge == null) {
            return null;
        }
        return credentials.find(appId)
                .filter(c -> MessageDigest.isEqual(c.verifyToken().getBytes(StandardCharsets.UTF_8),
                        verifyToken.getBytes(StandardCharsets.UTF_8)))
                .map(c -> challenge)
                .orElse(null);
    }

    public Result accept(String appId, String signatureHeader, byte[] body) {
        if (!SignatureVerifier.matches(credentials.appSecret(appId), body, signatureHeader)) {
            return new Result(Outcome.BAD_SIGNATURE, 0, "missing or invalid X-Hub-Signature-256");
        }
        UUID deliveryId = UUID.randomUUID();
        Instant receivedAt = clock.instant();
        List<SyncEvent> events;
        try {
            events = WebhookSplitter.split(body, appId, deliveryId, receivedAt);
        } catch (MalformedWebhookException e) {
            return new Result(Outcome.MALFORMED, 0, e.getMessage());
        }
        byte[] archived = Gzip.compress(body);
        sessions.inTransaction(jms -> {
            jms.createProducer()
                    .setProperty("deliveryId", deliveryId.toString())
                    .setProperty("appId", appId)
                    .setProperty("receivedAt", receivedAt.toString())
                    .send(queues.archive(), archived);
            enqueue(jms, events);
        });
        return new Result(Outcome.ACCEPTED, events.size(), null);
    }

    /**
     * An admin command: sends an archived delivery through the pipeline again, as if Meta had
     * redelivered it (processing is idempotent, so only what is missing lands). Returns the event count.
     */
    public int replay(UUID deliveryId) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, deliveryId);
        if (delivery == null) {
            throw new dev.tandem.platform.NotFoundException("webhook delivery", deliveryId);
        }
        List<SyncEvent> events = WebhookSplitter.split(Gzip.decompress(delivery.bodyGzip()), delivery.appId(), deliveryId,
                delivery.receivedAt());
        sessions.inTransaction(jms -> enqueue(jms, events));
        return events.size();
    }

    private void enqueue(JMSContext jms, List<SyncEvent> events) {
        for (SyncEvent event : events) {
            jms.createProducer()
                    .setProperty("JMSXGroupID", event.groupId())
                    .setProperty("kind", event.kind().name())
                    .send(queues.of(event.kind().queue()), event.toBytes());
        }
    }
}

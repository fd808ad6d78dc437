package dev.tandem.messaging;

import dev.tandem.domain.JsonDocuments;
import dev.tandem.platform.Events;
import dev.tandem.sync.MessageSync;
import dev.tandem.sync.MetaObjects;
import dev.tandem.tenancy.SecretCipher;
import dev.tandem.tenancy.Tenant;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends one queued message: waits for the governor, calls the Cloud API, and stores the outcome.
 * Retryable failures (rate limits, Meta busy, no answer) roll back for a delayed redelivery with
 * exponential backoff; the last attempt, and every other error, fails the send with Meta's code; an
 * invalid token (190) pauses it instead.
 */
@Stateless
public class Dispatcher {

    /** Meta's codes worth retrying (spec 5.4), besides HTTP 5xx and no answer at all. */
    static final Set<Integer> RETRYABLE = Set.of(4, 80007, 130429, 131000, 131016, 131056, 131057, 133004);
    static final Set<Integer> TOKEN_INVALID = Set.of(0, 190);
    /** The longest a send waits in the governor before it goes back to the queue. */
    static final long MAX_PACING_WAIT_MILLIS = 5_000;

    @PersistenceContext(unitName = "tandem")
    EntityManager em;

    @Inject
    ThroughputGovernor governor;

    @Inject
    CloudApiClient cloudApi;

    @Inject
    SecretCipher cipher;

    @Inject
    MessageSync messages;

    @Inject
    Events events;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "tandem.jms.max-attempts", defaultValue = "5")
    int maxAttempts;

    public void dispatch(UUID outboundId, int deliveryCount) {
        OutboundMessage send = em.find(OutboundMessage.class, outboundId);
        if (send == null || send.state() != OutboundState.QUEUED) {
            return; // already handled: a redelivery after the outcome was committed
        }
        Tenant tenant = em.find(Tenant.class, send.tenantId());
        if (!tenant.hasAccessToken()) {
            fail(send, null, "No access token", "Set the tenant's Cloud API access token, then send again.");
            return;
        }
        pace(tenant, send.recipient());
        send.attempted(clock.instant());
        CloudApiClient.Result result = cloudApi.send(tenant.profile().graphApiVersion(), tenant.profile().phoneNumberId(),
                cipher.open(tenant.accessTokenSealed()), send.body());
        if (result.accepted()) {
            send.accepted(result.wamid(), clock.instant());
            messages.recordApiMessage(send.tenantId(), send.recipient(), result.wamid(),
                    MetaObjects.content(JsonDocuments.parse(send.body())));
            return;
        }
        if (result.code() != null && TOKEN_INVALID.contains(result.code())) {
            send.paused(result.code(), result.title(), clock.instant());
            events.publish("tenant.token-invalid", send.tenantId(), Map.of("outboundId", send.id().toString(),
                    "detail", "Meta refused the access token; update it on the tenant to resume sending."));
            return;
        }
        boolean retryable = result.httpStatus() == 0 || result.httpStatus() >= 500
                || (result.code() != null && RETRYABLE.contains(result.code()));
        if (retryable && deliveryCount < maxAttempts) {
            throw new RetryLaterException("Cloud API answered " + result.code() + " (" + result.title() + ")");
        }
        fail(send, result.code(), result.title(), result.details());
    }

    /** Waits (briefly) for the number's and the pair's tokens; a long wait goes back to the queue instead. */
    private void pace(Tenant tenant, String recipient) {
        long waited = 0;
        long wait;
        while ((wait = governor.tryAcquire(tenant.profile().phoneNumberId(), tenant.profile().messagesPerSecond(), recipient)) > 0) {
            if (waited + wait > MAX_PACING_WAIT_MILLIS) {
                throw new RetryLaterException("throughput governor: no token within " + MAX_PACING_WAIT_MILLIS + " ms");
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RetryLaterException("interrupted while pacing");
            }
            waited += wait;
        }
    }

    private void fail(OutboundMessage send, Integer code, String title, String details) {
        send.failed(code, title, details, clock.instant());
        var data = new LinkedHashMap<String, Object>();
        data.put("outboundId", send.id().toString());
        data.put("to", send.recipient());
        data.put("code", code == null ? 0 : code);
        data.put("title", String.valueOf(title));
        events.publish("message.failed", send.tenantId(), data);
    }
}

package dev.tandem.messaging;

import dev.tandem.platform.Caller;
import dev.tandem.platform.NotFoundException;
import dev.tandem.sync.Inbox;
import dev.tandem.tenancy.NumberState;
import dev.tandem.tenancy.Role;
import dev.tandem.tenancy.Tenant;
import jakarta.annotation.Resource;
import dev.tandem.templates.Templates;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes sends from the REST API (and, later, the legacy JMS queue): checks Meta's rules that can be
 * checked before calling Meta, stores the send under its idempotency key, and queues it in the same
 * transaction. A retried request with the same key returns the stored send and never sends twice.
 */
@Stateless
public class Outbox {

    @PersistenceContext(unitName = "tandem")
    EntityManager em;

    @Inject
    Inbox inbox;

    @Inject
    Templates templates;

    @Inject
    JMSContext jms;

    @Resource(lookup = "java:/jms/tandem/OutboundQueue")
    Queue outboundQueue;

    @Inject
    Clock clock;

    /** The result of a submission: the send, and whether it was already known under that key. */
    public record Submitted(OutboundView send, boolean replayed) {
    }

    public Submitted submit(Caller caller, UUID requestedTenant, OutboundDraft draft, String idempotencyKey) {
        caller.requireRole(Role.PLATFORM_ADMIN, Role.TENANT_ADMIN, Role.SUPERVISOR, Role.AGENT);
        UUID tenantId = caller.isPlatformAdmin() ? requestedTenant : caller.tenantId();
        if (tenantId == null) {
            throw new dev.tandem.domain.InvalidValueException("tenantId", "a platform admin names the tenant to send from");
        }
        Tenant tenant = em.find(Tenant.class, tenantId);
        if (tenant == null || !caller.canSee(tenantId)) {
            throw new NotFoundException("tenant", tenantId);
        }
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID().toString() : idempotencyKey.strip();
        if (key.length() > 200) {
            throw new dev.tandem.domain.InvalidValueException("Idempotency-Key", "must be at most 200 characters");
        }
        Optional<OutboundMessage> known = em.createQuery("select o from OutboundMessage o where o.tenantId = :t"
                        + " and o.idempotencyKey = :k", OutboundMessage.class)
                .setParameter("t", tenantId).setParameter("k", key).getResultStream().findFirst();
        if (known.isPresent()) {
            return new Submitted(OutboundView.of(known.get()), true);
        }
        if (!tenant.active()) {
            throw new SendRefusedException("tenant-inactive", "The tenant is deactivated; reactivate it to send.");
        }
        if (tenant.numberState() != NumberState.ACTIVE) {
            throw new SendRefusedException("number-not-connected", "The number is " + tenant.numberState()
                    + " (" + tenant.numberStateReason() + "); Meta refuses sends until it is reconnected.");
        }
        if (!draft.isTemplate() && !inbox.serviceWindowOpen(tenantId, draft.to())) {
            throw new SendRefusedException("service-window-closed", "The 24-hour customer service window with +"
                    + draft.to() + " is closed (only the customer's own message opens it): send an approved template instead.");
        }
        if (draft.isTemplate()) {
            templates.checkSendable(tenant, draft.templateName(), draft.templateLanguage(), draft.content());
        }
        if (!consentAllows(tenant, draft)) {
            throw new SendRefusedException("no-consent", "+" + draft.to() + " has not opted in to messages from this business.");
        }
        OutboundMessage send = new OutboundMessage(tenantId, key, draft, clock.instant());
        em.persist(send);
        enqueue(send);
        return new Submitted(OutboundView.of(send), false);
    }

    public OutboundView find(Caller caller, UUID id) {
        OutboundMessage send = id == null ? null : em.find(OutboundMessage.class, id);
        if (send == null) {
            throw new NotFoundException("outbound message", id);
        }
        caller.checkCanSee("outbound message", send.tenantId(), id);
        return OutboundView.of(send);
    }

    /** Puts sends paused on an invalid token back in the queue, in the caller's transaction. */
    public int resumePaused(UUID tenantId) {
        var paused = em.createQuery("select o from OutboundMessage o where o.tenantId = :t and o.state = :s",
                        OutboundMessage.class)
                .setParameter("t", tenantId).setParameter("s", OutboundState.PAUSED).getResultList();
        for (OutboundMessage send : paused) {
            send.requeued(clock.instant());
            enqueue(send);
        }
        return paused.size();
    }

    private void enqueue(OutboundMessage send) {
        jms.createProducer()
                .setProperty("JMSXGroupID", send.tenantId() + ":" + send.recipient())
                .setProperty("tenantId", send.tenantId().toString())
                .send(outboundQueue, send.id().toString());
    }

    /**
     * The consent check point every send passes. The consent ledger (its own issue) decides here;
     * until it exists, every recipient is allowed.
     */
    private boolean consentAllows(Tenant tenant, OutboundDraft draft) {
        return true;
    }
}

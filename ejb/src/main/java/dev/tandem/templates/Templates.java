package dev.tandem.templates;

import dev.tandem.messaging.CloudApiClient;
import dev.tandem.messaging.CloudApiException;
import dev.tandem.messaging.SendRefusedException;
import dev.tandem.platform.Caller;
import dev.tandem.platform.Events;
import dev.tandem.platform.NotFoundException;
import dev.tandem.platform.Page;
import dev.tandem.sync.Routing;
import dev.tandem.sync.SyncEvent;
import dev.tandem.sync.WebhookSplitter;
import dev.tandem.tenancy.Role;
import dev.tandem.tenancy.SecretCipher;
import dev.tandem.tenancy.Tenant;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;

/**
 * Keeps each tenant's templates in step with Meta (a paged pull of the WABA's templates, and Meta's
 * template webhooks) and checks template sends against them before they leave Tandem.
 */
@Stateless
public class Templates {

    private static final Logger LOG = Logger.getLogger(Templates.class.getName());
    /** A WABA holds at most 6,000 templates: 60 pages of 100. */
    private static final int MAX_PAGES = 60;

    @PersistenceContext(unitName = "tandem")
    EntityManager em;

    @Inject
    CloudApiClient cloudApi;

    @Inject
    SecretCipher cipher;

    @Inject
    Routing routing;

    @Inject
    Events events;

    @Inject
    Clock clock;

    @Inject
    TemplatePulls pulls;

    @Resource
    SessionContext context;

    public record Synced(UUID tenantId, int templates) {
    }

    /** Pulls the tenant's templates from Meta now (tenant admins and platform admins). */
    public Synced sync(Caller caller, UUID tenantId) {
        caller.requireRole(Role.PLATFORM_ADMIN, Role.TENANT_ADMIN);
        Tenant tenant = visibleTenant(caller, tenantId);
        return new Synced(tenant.id(), self().pull(tenant.id()));
    }

    public Page<TemplateView> list(Caller caller, UUID tenantId, int page, int size) {
        Tenant tenant = visibleTenant(caller, tenantId);
        var query = em.createQuery("select t from MessageTemplate t where t.tenantId = :t order by t.name, t.language",
                MessageTemplate.class).setParameter("t", tenant.id());
        var count = em.createQuery("select count(t) from MessageTemplate t where t.tenantId = :t", Long.class)
                .setParameter("t", tenant.id());
        return Page.of(query, count, page, size).map(TemplateView::of);
    }

    /**
     * Refuses a template send Meta would refuse: unknown (after one pull from Meta, for templates
     * created since the last one), not approved, or with parameters that do not fit. When Meta cannot
     * be asked (no answer, invalid token), an unknown template is left for Meta to judge.
     */
    public void checkSendable(Tenant tenant, String name, String language, JsonObject sendTemplate) {
        Optional<MessageTemplate> template = find(tenant.id(), name, language);
        if (template.isEmpty()) {
            ReentrantLock pulling = pulls.of(tenant.id());
            pulling.lock();
            try {
                template = find(tenant.id(), name, language); // a send that held the lock may have pulled it
                if (template.isEmpty()) {
                    try {
                        self().pull(tenant.id());
                    } catch (CloudApiException e) {
                        LOG.fine(() -> "Template " + name + " unknown and Meta could not be asked; Meta will judge the send: "
                                + e.getMessage());
                        return;
                    } catch (EJBException raced) {
                        // a pull from a template webhook or another server committed first; read theirs below
                    }
                    template = find(tenant.id(), name, language);
                }
            } finally {
                pulling.unlock();
            }
        }
        MessageTemplate known = template.orElseThrow(() -> new SendRefusedException("template-unknown",
                "Template " + name + " (" + language + ") does not exist in this WABA at Meta: create it and wait for its approval."));
        known.refusalFor(sendTemplate).ifPresent(refusal -> {
            throw new SendRefusedException(refusal.reason(), refusal.detail());
        });
    }

    /** Meta's template webhooks: status, category and quality changes, for every tenant of the WABA. */
    public void apply(SyncEvent event) {
        List<UUID> tenants = routing.tenantsOfWaba(event.wabaId());
        if (tenants.isEmpty()) {
            routing.keepUnrouted(event, "unknown WABA");
            return;
        }
        JsonObject value = event.item();
        String name = WebhookSplitter.text(value, "message_template_name");
        String language = WebhookSplitter.text(value, "message_template_language");
        for (UUID tenantId : tenants) {
            Optional<MessageTemplate> template = name == null || language == null ? Optional.empty()
                    : find(tenantId, name, language);
            switch (event.field()) {
                case "message_template_status_update" -> template.ifPresentOrElse(
                        t -> {
                            if (t.changeStatus(WebhookSplitter.text(value, "event"), WebhookSplitter.text(value, "reason"),
                                    clock.instant())) {
                                publish("template.status-changed", t);
                            }
                        },
                        () -> pullQuietly(tenantId));
                case "template_category_update" -> template.ifPresent(t -> {
                    // Only the completed change carries previous_category; the impending notice changes nothing yet.
                    if (value.containsKey("previous_category")) {
                        t.recategorize(WebhookSplitter.text(value, "new_category"), clock.instant());
                        publish("template.category-changed", t);
                    }
                });
                default -> events.publish("template.event", tenantId, Map.of("field", event.field(), "value", value.toString()));
            }
        }
    }

    private void pullQuietly(UUID tenantId) {
        try {
            self().pull(tenantId);
        } catch (CloudApiException | EJBException e) {
            LOG.warning(() -> "A webhook named a template Tandem does not know, and the template list could not be pulled: "
                    + e.getMessage());
        }
    }

    /**
     * Upserts every template Meta lists; templates Meta no longer lists are marked DELETED. Returns how
     * many Meta lists. Commits on its own: what Meta said is kept even when the send that asked is refused.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int pull(UUID tenantId) {
        Tenant tenant = em.find(Tenant.class, tenantId);
        if (!tenant.hasAccessToken()) {
            throw new CloudApiException("the tenant has no Cloud API access token");
        }
        Map<String, MessageTemplate> known = new HashMap<>();
        em.createQuery("select t from MessageTemplate t where t.tenantId = :t", MessageTemplate.class)
                .setParameter("t", tenant.id()).getResultList().forEach(t -> known.put(key(t.name(), t.language()), t));
        String token = cipher.open(tenant.accessTokenSealed());
        int listed = 0;
        String after = null;
        int pages = 0;
        do {
            CloudApiClient.TemplatePage page = cloudApi.templates(tenant.profile().graphApiVersion(),
                    tenant.profile().wabaId(), token, after);
            for (JsonObject meta : page.templates()) {
                MessageTemplate seen = known.remove(key(WebhookSplitter.text(meta, "name"), WebhookSplitter.text(meta, "language")));
                if (seen == null) {
                    em.persist(MessageTemplate.fromMeta(tenant.id(), meta, clock.instant()));
                } else {
                    seen.refreshFrom(meta, clock.instant());
                }
                listed++;
            }
            after = page.after();
        } while (after != null && ++pages < MAX_PAGES);
        known.values().forEach(gone -> gone.changeStatus("DELETED", "no longer listed by Meta", clock.instant()));
        events.publish("templates.synced", tenant.id(), Map.of("templates", listed));
        return listed;
    }

    /** This bean's own proxy: a call through it honours REQUIRES_NEW, a plain this-call would not. */
    private Templates self() {
        return context.getBusinessObject(Templates.class);
    }

    private Optional<MessageTemplate> find(UUID tenantId, String name, String language) {
        return em.createQuery("select t from MessageTemplate t where t.tenantId = :t and t.name = :n and t.language = :l",
                        MessageTemplate.class)
                .setParameter("t", tenantId).setParameter("n", name).setParameter("l", language)
                .getResultStream().findFirst();
    }

    private Tenant visibleTenant(Caller caller, UUID tenantId) {
        UUID id = tenantId != null ? tenantId : caller.tenantId();
        Tenant tenant = id == null ? null : em.find(Tenant.class, id);
        if (tenant == null || !caller.canSee(id)) {
            throw new NotFoundException("tenant", id);
        }
        return tenant;
    }

    private void publish(String type, MessageTemplate t) {
        events.publish(type, t.tenantId(), Map.of("name", t.name(), "language", t.language(), "status", t.status(),
                "category", t.category()));
    }

    private static String key(String name, String language) {
        return name + "|" + language;
    }
}

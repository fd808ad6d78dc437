package dev.tandem.sync;

import dev.tandem.platform.Events;
import dev.tandem.tenancy.NumberState;
import dev.tandem.tenancy.Tenant;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The coexistence lifecycle of each number (account_update), other account-level events, and the
 * daily inactivity check: Meta disconnects a coexistence number whose Business App stays idle for
 * about 14 days, so Tandem warns at 12.
 */
@Stateless
public class NumberLifecycle {

    static final Duration INACTIVITY_WARNING = Duration.ofDays(12);

    @PersistenceContext(unitName = "tandem")
    EntityManager em;

    @Inject
    Routing routing;

    @Inject
    Events events;

    @Inject
    Clock clock;

    public void apply(SyncEvent event) {
        List<UUID> tenants = routing.tenantsOfWaba(event.wabaId());
        if (event.kind() == EventKind.GROUP) {
            routing.keepUnrouted(event, "group chat (never mirrored)");
            return;
        }
        if (tenants.isEmpty()) {
            routing.keepUnrouted(event, "unknown WABA");
            return;
        }
        JsonObject value = event.item();
        if (event.kind() == EventKind.ACCOUNT) {
            String name = WebhookSplitter.text(value, "event");
            String reason = value.get("disconnection_info") instanceof JsonObject info
                    ? WebhookSplitter.text(info, "reason") : name;
            NumberState next = switch (name == null ? "" : name) {
                case "PARTNER_REMOVED" -> NumberState.DISCONNECTED;
                case "ACCOUNT_OFFBOARDED" -> NumberState.SUSPENDED;
                case "ACCOUNT_RECONNECTED" -> NumberState.ACTIVE;
                default -> null;
            };
            for (UUID tenantId : tenants) {
                if (next != null) {
                    Tenant tenant = em.find(Tenant.class, tenantId);
                    if (tenant.changeNumberState(next, reason, clock.instant())) {
                        events.publish("number.state-changed", tenantId, Map.of("state", next.name(),
                                "reason", reason == null ? "" : reason, "event", name));
                    }
                } else {
                    events.publish("account.event", tenantId, Map.of("event", String.valueOf(name), "value", value.toString()));
                }
            }
            return;
        }
        String type = event.kind().name().toLowerCase();
        for (UUID tenantId : tenants) {
            events.publish(type + ".event", tenantId, Map.of("field", event.field(), "value", value.toString()));
        }
    }

    /** Daily: coexistence numbers whose Business App has been idle for 12 days or more. */
    @Schedule(hour = "6", minute = "15", persistent = false)
    public void warnInactiveBusinessApps() {
        Instant now = clock.instant();
        List<Tenant> idle = em.createQuery("select t from Tenant t where t.active = true and t.coexistence = true"
                        + " and t.numberState = :state", Tenant.class)
                .setParameter("state", NumberState.ACTIVE).getResultStream()
                .filter(t -> t.businessAppIdleLongerThan(INACTIVITY_WARNING, now)).toList();
        for (Tenant tenant : idle) {
            var data = new LinkedHashMap<String, Object>();
            data.put("lastBusinessAppActivityAt", String.valueOf(tenant.lastBusinessAppActivityAt()));
            data.put("advice", "Open the WhatsApp Business App on the phone; Meta disconnects after about 14 idle days.");
            events.publish("number.inactivity-warning", tenant.id(), data);
        }
    }
}

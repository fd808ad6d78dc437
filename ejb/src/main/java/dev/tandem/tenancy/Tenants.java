package dev.tandem.tenancy;

import dev.tandem.platform.Caller;
import dev.tandem.platform.ConflictException;
import dev.tandem.platform.Events;
import dev.tandem.platform.NotFoundException;
import dev.tandem.platform.Page;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * Creates, reads, lists, revises and deactivates tenants. Platform admins see all tenants; every
 * other caller sees only its own, and another tenant's id reads as "not found".
 */
@Stateless
public class Tenants {

    @PersistenceContext(unitName = "tandem")
    EntityManager em;

    @Inject
    SecretCipher cipher;

    @Inject
    Callers callers;

    @Inject
    Events events;

    @Inject
    Clock clock;

    @Inject
    jakarta.enterprise.event.Event<AccessTokenReplaced> tokenReplaced;

    @Inject
    jakarta.enterprise.event.Event<TenantRevised> tenantRevised;

    public TenantView create(Caller caller, UUID metaAppId, TenantProfile profile, String accessToken) {
        caller.requireRole(Role.PLATFORM_ADMIN);
        MetaApp app = metaAppId == null ? null : em.find(MetaApp.class, metaAppId);
        if (app == null) {
            throw new NotFoundException("Meta app", metaAppId);
        }
        requireFreeNumber(profile.phoneNumberId(), null);
        Tenant tenant = new Tenant(app, profile, cipher.seal(blankToNull(accessToken)), clock.instant());
        em.persist(tenant);
        events.publish("tenant.created", tenant.id(), Map.of("name", profile.name(),
                "phoneNumberId", profile.phoneNumberId()));
        return TenantView.of(tenant);
    }

    public TenantView find(Caller caller, UUID id) {
        return TenantView.of(load(caller, id));
    }

    public Page<TenantView> list(Caller caller, int page, int size) {
        String scope = caller.isPlatformAdmin() ? "" : " where t.id = :tenant";
        var query = em.createQuery("select t from Tenant t join fetch t.metaApp" + scope + " order by t.name, t.id",
                Tenant.class);
        var count = em.createQuery("select count(t) from Tenant t" + scope, Long.class);
        caller.tenantScope().ifPresent(tenant -> {
            query.setParameter("tenant", tenant);
            count.setParameter("tenant", tenant);
        });
        return Page.of(query, count, page, size).map(TenantView::of);
    }

    /** Platform admins may change everything; a tenant admin may change its own tenant's profile. */
    public TenantView revise(Caller caller, UUID id, TenantProfile profile, String accessToken) {
        caller.requireRole(Role.PLATFORM_ADMIN, Role.TENANT_ADMIN);
        Tenant tenant = load(caller, id);
        requireFreeNumber(profile.phoneNumberId(), tenant.id());
        tenant.revise(profile, cipher.seal(blankToNull(accessToken)), clock.instant());
        events.publish("tenant.updated", tenant.id(), Map.of("name", profile.name()));
        tenantRevised.fire(new TenantRevised(tenant.id()));
        if (blankToNull(accessToken) != null) {
            tokenReplaced.fire(new AccessTokenReplaced(tenant.id()));
        }
        return TenantView.of(tenant);
    }

    public TenantView deactivate(Caller caller, UUID id) {
        caller.requireRole(Role.PLATFORM_ADMIN);
        Tenant tenant = load(caller, id);
        if (tenant.active()) {
            tenant.deactivate(clock.instant());
            callers.forgetAll();
            events.publish("tenant.deactivated", tenant.id(), Map.of("name", tenant.name()));
        }
        return TenantView.of(tenant);
    }

    public TenantView reactivate(Caller caller, UUID id) {
        caller.requireRole(Role.PLATFORM_ADMIN);
        Tenant tenant = load(caller, id);
        if (!tenant.active()) {
            tenant.reactivate(clock.instant());
            events.publish("tenant.reactivated", tenant.id(), Map.of("name", tenant.name()));
        }
        return TenantView.of(tenant);
    }

    private Tenant load(Caller caller, UUID id) {
        Tenant tenant = id == null ? null : em.find(Tenant.class, id);
        if (tenant == null) {
            throw new NotFoundException("tenant", id);
        }
        caller.checkCanSee("tenant", tenant.id(), id);
        return tenant;
    }

    private void requireFreeNumber(String phoneNumberId, UUID self) {
        boolean taken = em.createQuery("select t.id from Tenant t where t.phoneNumberId = :n", UUID.class)
                .setParameter("n", phoneNumberId).getResultStream().anyMatch(id -> !id.equals(self));
        if (taken) {
            throw new ConflictException("phoneNumberId", "phone number id " + phoneNumberId + " belongs to another tenant");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

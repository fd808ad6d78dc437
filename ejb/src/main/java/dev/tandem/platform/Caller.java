package dev.tandem.platform;

import dev.tandem.tenancy.Role;
import java.io.Serializable;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is asking: a console user or an API key, with its role and, unless it is a platform admin,
 * the one tenant it belongs to. Tenant scoping is decided here and nowhere else.
 */
public record Caller(String name, Role role, UUID tenantId) implements Serializable {

    public Caller {
        role.checkTenant(tenantId);
    }

    public boolean isPlatformAdmin() {
        return role.isPlatformWide();
    }

    /** True when this caller may see the tenant's data. */
    public boolean canSee(UUID tenant) {
        return isPlatformAdmin() || (tenant != null && tenant.equals(tenantId));
    }

    /** Throws NotFoundException (not 403) so a caller cannot probe which other tenants exist. */
    public void checkCanSee(String what, UUID tenant, Object id) {
        if (!canSee(tenant)) {
            throw new NotFoundException(what, id);
        }
    }

    /** The tenant every query of this caller is limited to; empty for a platform admin. */
    public Optional<UUID> tenantScope() {
        return Optional.ofNullable(tenantId);
    }

    public void requireRole(Role... allowed) {
        for (Role r : allowed) {
            if (r == role) {
                return;
            }
        }
        throw new ForbiddenException("role " + role + " may not do this");
    }
}

package dev.tandem.tenancy;

import dev.tandem.domain.InvalidValueException;

/** What a console user or an API key may do. Only PLATFORM_ADMIN works across tenants. */
public enum Role {
    PLATFORM_ADMIN,
    TENANT_ADMIN,
    SUPERVISOR,
    AGENT;

    public boolean isPlatformWide() {
        return this == PLATFORM_ADMIN;
    }

    /** Platform admins belong to no tenant; every other role belongs to exactly one. */
    public void checkTenant(Object tenant) {
        if (isPlatformWide() && tenant != null) {
            throw new InvalidValueException("tenantId", "a platform admin belongs to no tenant");
        }
        if (!isPlatformWide() && tenant == null) {
            throw new InvalidValueException("tenantId", "role " + this + " needs a tenant");
        }
    }
}

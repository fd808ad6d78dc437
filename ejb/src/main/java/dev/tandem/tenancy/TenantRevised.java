package dev.tandem.tenancy;

import java.util.UUID;

/** CDI event: a tenant's profile changed; its phone number or WABA may now be another one. */
public record TenantRevised(UUID tenantId) {
}

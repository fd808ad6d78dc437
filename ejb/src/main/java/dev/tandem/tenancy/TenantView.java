package dev.tandem.tenancy;

import java.time.Instant;
import java.util.UUID;

/** A tenant as callers see it: never its access token, only whether one is set. */
public record TenantView(
        UUID id,
        UUID metaAppId,
        String name,
        String wabaId,
        String phoneNumberId,
        String displayNumber,
        boolean coexistence,
        ThroughputTier throughputTier,
        int messagesPerSecond,
        String graphApiVersion,
        String timeZone,
        String currency,
        boolean hasAccessToken,
        boolean active,
        NumberState numberState,
        String numberStateReason,
        Instant lastBusinessAppActivityAt,
        Instant createdAt,
        Instant updatedAt) {

    static TenantView of(Tenant tenant) {
        TenantProfile p = tenant.profile();
        return new TenantView(tenant.id(), tenant.metaApp().id(), p.name(), p.wabaId(), p.phoneNumberId(),
                p.displayNumber(), p.coexistence(), p.throughputTier(), p.messagesPerSecond(),
                p.graphApiVersion(), p.timeZone().getId(), p.currency().getCurrencyCode(),
                tenant.hasAccessToken(), tenant.active(), tenant.numberState(), tenant.numberStateReason(),
                tenant.lastBusinessAppActivityAt(), tenant.createdAt(), tenant.updatedAt());
    }
}

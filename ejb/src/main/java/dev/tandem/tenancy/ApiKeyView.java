package dev.tandem.tenancy;

import java.time.Instant;
import java.util.UUID;

/** An API key as listed: its prefix, never the key or its hash. */
public record ApiKeyView(UUID id, UUID tenantId, String name, Role role, String prefix, Instant createdAt,
                         Instant revokedAt) {
    static ApiKeyView of(ApiKey key) {
        return new ApiKeyView(key.id(), key.tenantId(), key.name(), key.role(), key.keyPrefix(), key.createdAt(),
                key.revokedAt());
    }
}

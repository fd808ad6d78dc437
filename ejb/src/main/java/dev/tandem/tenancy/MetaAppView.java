package dev.tandem.tenancy;

import java.time.Instant;
import java.util.UUID;

/** A Meta app as callers see it: never its secret or verify token. */
public record MetaAppView(UUID id, String appId, String name, Instant createdAt, Instant updatedAt) {
    static MetaAppView of(MetaApp app) {
        return new MetaAppView(app.id(), app.appId(), app.name(), app.createdAt(), app.updatedAt());
    }
}

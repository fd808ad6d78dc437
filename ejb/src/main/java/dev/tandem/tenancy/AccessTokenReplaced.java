package dev.tandem.tenancy;

import java.util.UUID;

/** CDI event: a tenant got a new Cloud API access token (sends paused on an invalid token may resume). */
public record AccessTokenReplaced(UUID tenantId) {
}

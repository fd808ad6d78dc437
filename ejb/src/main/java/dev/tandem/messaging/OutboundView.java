package dev.tandem.messaging;

import java.time.Instant;
import java.util.UUID;

/** A send as callers see it: its state, Meta's wamid once accepted, Meta's error once failed. */
public record OutboundView(UUID id, UUID tenantId, String idempotencyKey, String to, String type, OutboundState state,
                           String wamid, Integer errorCode, String errorTitle, String errorDetails, int attempts,
                           Instant createdAt, Instant updatedAt) {
    static OutboundView of(OutboundMessage m) {
        return new OutboundView(m.id(), m.tenantId(), m.idempotencyKey(), m.recipient(), m.type(), m.state(), m.wamid(),
                m.errorCode(), m.errorTitle(), m.errorDetails(), m.attempts(), m.createdAt(), m.updatedAt());
    }
}

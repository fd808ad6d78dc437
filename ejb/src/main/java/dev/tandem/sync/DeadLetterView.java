package dev.tandem.sync;

import java.time.Instant;

/**
 * One message in TandemDLQ with the reason its last attempt failed (null when it failed before Tandem
 * could record one, e.g. while the database was down).
 */
public record DeadLetterView(String messageId, String queue, String kind, String groupId, String deliveryId,
                             String tenantId, Integer attempts, String reason, Instant lastFailedAt) {
}

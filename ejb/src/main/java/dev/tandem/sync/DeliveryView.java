package dev.tandem.sync;

import java.time.Instant;
import java.util.UUID;

/** An archived webhook delivery as listed: when it came, from which app, its compressed size. */
public record DeliveryView(UUID id, String appId, Instant receivedAt, int compressedBytes) {
    static DeliveryView of(WebhookDelivery delivery) {
        return new DeliveryView(delivery.id(), delivery.appId(), delivery.receivedAt(), delivery.bodyGzip().length);
    }
}

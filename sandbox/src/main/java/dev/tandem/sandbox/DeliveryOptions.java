package dev.tandem.sandbox;

/**
 * How faithfully unreliable webhook delivery is: the share of deliveries sent twice, the most a
 * delivery may be held back (which reorders them), how many events may share one POST, and how long
 * retries go on (Meta: "up to 7 days" with exponential backoff; shortened here by default).
 */
public record DeliveryOptions(double duplicateRate, long maxReorderMillis, int maxBatch, int maxAttempts,
                              long statusLingerMillis) {

    public static final DeliveryOptions DEFAULT = new DeliveryOptions(0.0, 0, 1, 12, 0);

    public DeliveryOptions {
        if (duplicateRate < 0 || duplicateRate > 1) {
            throw GraphException.invalidParameter("duplicateRate must be between 0 and 1");
        }
        if (maxReorderMillis < 0 || maxReorderMillis > 60_000) {
            throw GraphException.invalidParameter("maxReorderMillis must be between 0 and 60000");
        }
        if (maxBatch < 1 || maxBatch > 1000) {
            throw GraphException.invalidParameter("maxBatch must be between 1 and 1000 (Meta batches up to 1000)");
        }
        if (maxAttempts < 1 || maxAttempts > 50) {
            throw GraphException.invalidParameter("maxAttempts must be between 1 and 50");
        }
        if (statusLingerMillis < 0 || statusLingerMillis > 5_000) {
            throw GraphException.invalidParameter("statusLingerMillis must be between 0 and 5000");
        }
    }
}

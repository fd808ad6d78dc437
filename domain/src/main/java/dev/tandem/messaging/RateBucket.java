package dev.tandem.messaging;

import java.io.Serializable;

/**
 * Token-bucket state kept in the governor's cache: an immutable value, so that a cache's atomic
 * compute can replace it (and, in a replicated cache, every node sees the same bucket).
 */
public record RateBucket(double tokens, long atMillis) implements Serializable {

    /** A full bucket. */
    public static RateBucket full(double capacity, long nowMillis) {
        return new RateBucket(capacity, nowMillis);
    }

    /** The bucket after refilling at {@code perSecond} up to {@code capacity} and taking one token, or null if empty. */
    public RateBucket take(double capacity, double perSecond, long nowMillis) {
        double refilled = Math.min(capacity, tokens + Math.max(0, nowMillis - atMillis) * perSecond / 1000d);
        if (refilled < 1 - 1e-9) {
            return null;
        }
        return new RateBucket(refilled - 1, Math.max(nowMillis, atMillis));
    }

    /** Milliseconds until one token is available (0 if one is). */
    public long millisUntilToken(double capacity, double perSecond, long nowMillis) {
        double refilled = Math.min(capacity, tokens + Math.max(0, nowMillis - atMillis) * perSecond / 1000d);
        return refilled >= 1 ? 0 : (long) Math.ceil((1 - refilled) * 1000d / perSecond);
    }
}

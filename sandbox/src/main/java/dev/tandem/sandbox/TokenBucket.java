package dev.tandem.sandbox;

/**
 * A token bucket: {@code capacity} tokens, refilled continuously at {@code perSecond}. Used for Meta's
 * per-number throughput (20 / 80 / 1,000 mps) and the per-recipient pair rate (burst 45, then 1 per 6 s).
 * Time is passed in (nanoseconds) so that the rule is testable without sleeping.
 */
public final class TokenBucket {

    private final double capacity;
    private final double perNano;
    private double tokens;
    private long last;

    public TokenBucket(double capacity, double perSecond, long nowNanos) {
        this.capacity = capacity;
        this.perNano = perSecond / 1_000_000_000d;
        this.tokens = capacity;
        this.last = nowNanos;
    }

    /** Takes one token if there is one. */
    public synchronized boolean tryTake(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1 - 1e-9) { // tolerate floating-point dust at exact refill times
            tokens -= 1;
            return true;
        }
        return false;
    }

    private void refill(long nowNanos) {
        long elapsed = Math.max(0, nowNanos - last);
        tokens = Math.min(capacity, tokens + elapsed * perNano);
        last = nowNanos;
    }
}

package dev.tandem.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.infinispan.Cache;

/**
 * Paces sends to Meta's limits before Meta enforces them: a token bucket per number at the tenant's
 * throughput (20 / 80 / 1,000 mps) and one per (number, recipient) for the pair rate (burst 45, then
 * 1 per 6 s). Buckets live in Tandem's Infinispan container, so a replicated cache holds them across
 * a cluster.
 */
@ApplicationScoped
public class ThroughputGovernor {

    static final int PAIR_BURST = 45;
    static final double PAIR_PER_SECOND = 1 / 6d;
    /**
     * Tandem paces at 95 % of the number's rate with bursts of a tenth of a second: requests reach Meta
     * with some jitter, and a send that Meta refuses with 130429 costs a retry and a wasted token.
     */
    static final double RATE_MARGIN = 0.95;

    @Resource(lookup = "java:jboss/infinispan/cache/tandem/throughput")
    Cache<String, RateBucket> buckets;

    @jakarta.inject.Inject
    Clock clock;

    /**
     * Takes a token for the number and one for the pair, or none of them. Returns 0 when the send may
     * go now, else how many milliseconds to wait before asking again.
     */
    public long tryAcquire(String phoneNumberId, int messagesPerSecond, String recipient) {
        long now = clock.millis();
        String numberKey = "mps:" + phoneNumberId;
        String pairKey = "pair:" + phoneNumberId + ":" + recipient;
        RateBucket pair = buckets.getOrDefault(pairKey, RateBucket.full(PAIR_BURST, now));
        long pairWait = pair.millisUntilToken(PAIR_BURST, PAIR_PER_SECOND, now);
        if (pairWait > 0) {
            return pairWait;
        }
        double rate = messagesPerSecond * RATE_MARGIN;
        double burst = Math.max(1, Math.ceil(messagesPerSecond / 10d));
        boolean[] granted = {false};
        buckets.compute(numberKey, (k, bucket) -> {
            RateBucket current = bucket != null ? bucket : RateBucket.full(burst, now);
            RateBucket taken = current.take(burst, rate, now);
            granted[0] = taken != null;
            return taken != null ? taken : current;
        });
        if (!granted[0]) {
            RateBucket current = buckets.get(numberKey);
            return Math.max(1, current == null ? 1 : current.millisUntilToken(burst, rate, now));
        }
        buckets.compute(pairKey, (k, bucket) -> {
            RateBucket current = bucket != null ? bucket : RateBucket.full(PAIR_BURST, now);
            RateBucket taken = current.take(PAIR_BURST, PAIR_PER_SECOND, now);
            return taken != null ? taken : current;
        });
        return 0;
    }
}

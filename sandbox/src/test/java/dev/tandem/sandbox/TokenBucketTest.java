package dev.tandem.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aCoexistenceNumberTakesTwentyAtOnceThenTwentyPerSecond() {
        TokenBucket bucket = new TokenBucket(20, 20, 0);
        int taken = 0;
        while (bucket.tryTake(0)) {
            taken++;
        }
        assertEquals(20, taken);
        assertFalse(bucket.tryTake(SECOND / 40), "half a token after 25 ms");
        assertTrue(bucket.tryTake(SECOND / 20), "one token after 50 ms");
    }

    @Test
    void thePairRateAllowsABurstOfFortyFiveThenOneEverySixSeconds() {
        TokenBucket pair = new TokenBucket(World.PAIR_BURST, World.PAIR_PER_SECOND, 0);
        for (int i = 0; i < 45; i++) {
            assertTrue(pair.tryTake(0), "burst message " + (i + 1));
        }
        assertFalse(pair.tryTake(0), "the 46th is over the burst");
        assertFalse(pair.tryTake(5 * SECOND));
        assertTrue(pair.tryTake(6 * SECOND));
        assertFalse(pair.tryTake(6 * SECOND));
    }

    @Test
    void tokensNeverExceedTheCapacity() {
        TokenBucket bucket = new TokenBucket(3, 100, 0);
        int taken = 0;
        while (bucket.tryTake(3600 * SECOND)) {
            taken++;
        }
        assertEquals(3, taken);
    }
}

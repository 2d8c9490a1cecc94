package org.camelb2b.token.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

    static final CachePolicy P = CachePolicy.DEFAULT;
    static final long S = 1_000_000_000L;

    @Test
    void fullJitterUnderAnExponentialCeilingCappedAtTheMaximum() {
        assertEquals(S - 1, Backoff.delayNanos(P, 1, true, null, 0, () -> 0.999999999), 2);
        assertEquals(4 * S, Backoff.delayNanos(P, 3, true, null, 0, () -> 0.9999999999), 2);
        assertEquals(30 * S, Backoff.delayNanos(P, 20, true, null, 0, () -> 0.5), 2, "capped at 60 s, half of it");
        assertEquals(Backoff.MIN_NANOS, Backoff.delayNanos(P, 5, true, null, 0, () -> 0.0));
    }

    @Test
    void neverLaterThanHalfTheHeldTokensUsableTime() {
        assertEquals(3 * S, Backoff.delayNanos(P, 6, true, null, 6 * S, () -> 0.99));
    }

    @Test
    void retryAfterWins() {
        assertEquals(120 * S, Backoff.delayNanos(P, 1, true, Duration.ofSeconds(120), 10 * S, () -> 0.5));
    }

    @Test
    void errorsRetryingCannotFixWaitTheHoldOff() {
        assertEquals(60 * S, Backoff.delayNanos(P, 1, false, null, 0, () -> 0.1));
        assertTrue(Backoff.delayNanos(P, 1, false, null, 2 * S, () -> 0.1) == 60 * S);
    }
}

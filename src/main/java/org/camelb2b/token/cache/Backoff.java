package org.camelb2b.token.cache;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Delay before the next token request after {@code failures} failed ones: exponential with full
 * jitter ({@code random(0, min(max, initial * 2^(n-1)))}), at least the provider's
 * {@code Retry-After}, and, while a still-valid token is held, at most half the time it has left,
 * so a retry always happens before that token runs out.
 */
final class Backoff {

    static final long MIN_NANOS = Duration.ofMillis(100).toNanos();

    private Backoff() {
    }

    /**
     * @param failures        consecutive failures so far (1 for the first)
     * @param retryable       false for errors retrying cannot fix (then {@code fatalHoldOff})
     * @param retryAfter      the provider's Retry-After, or null
     * @param usableLeftNanos how long the held token stays usable, or 0 when none is held
     * @param random          uniform in [0, 1)
     */
    static long delayNanos(CachePolicy policy, int failures, boolean retryable, Duration retryAfter,
                           long usableLeftNanos, DoubleSupplier random) {
        if (!retryable) {
            return policy.fatalHoldOff().toNanos();
        }
        int exponent = Math.min(Math.max(failures, 1) - 1, 30);
        long ceiling = Math.min(policy.backoffMax().toNanos(), policy.backoffInitial().toNanos() << exponent);
        if (ceiling <= 0) {
            ceiling = policy.backoffMax().toNanos();
        }
        long delay = Math.max(MIN_NANOS, (long) (random.getAsDouble() * ceiling));
        if (usableLeftNanos > 0) {
            delay = Math.max(MIN_NANOS, Math.min(delay, usableLeftNanos / 2));
        }
        if (retryAfter != null) {
            delay = Math.max(delay, retryAfter.toNanos());
        }
        return delay;
    }
}

package org.camelb2b.token.provider;

import java.time.Duration;

/**
 * How much of this application one provider may hold, and how long one HTTP call to it may take.
 * Defaults: 64 payment calls in flight (token requests are one per credential anyway), 5 s to connect, 10 s for the
 * answer.
 *
 * @param maxConcurrentCalls payment calls to the provider in flight at once; one more is refused at once
 *                           ({@code b2b.<id>.max-concurrent-calls})
 * @param connectTimeout     connecting to the provider ({@code b2b.<id>.http.connect-timeout-ms})
 * @param responseTimeout    waiting for the provider's answer, per attempt ({@code b2b.<id>.http.response-timeout-ms})
 */
public record CallLimits(int maxConcurrentCalls, Duration connectTimeout, Duration responseTimeout) {

    public static final CallLimits DEFAULT = new CallLimits(64, Duration.ofSeconds(5), Duration.ofSeconds(10));

    public CallLimits {
        if (maxConcurrentCalls < 1) {
            throw new IllegalArgumentException("maxConcurrentCalls must be at least 1, was " + maxConcurrentCalls);
        }
    }
}

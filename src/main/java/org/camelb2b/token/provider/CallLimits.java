package org.camelb2b.token.provider;

import java.time.Duration;

/**
 * How much of this application one provider may hold, and how long one HTTP call to it may take.
 * Defaults: 64 payment calls in flight to the provider (token requests are one per credential
 * anyway), a wait of at most 1 s for one of them to finish, 5 s to connect, 10 s for the answer.
 *
 * @param maxConcurrentCalls HTTP calls of payments to the provider in flight at once
 *                           ({@code b2b.<id>.max-concurrent-calls})
 * @param queueTimeout       how long a call beyond that waits for one in flight to finish before it is refused
 *                           ({@code b2b.<id>.call-queue-timeout-ms}): a burst is smoothed, a hanging provider
 *                           refuses within it
 * @param connectTimeout     connecting to the provider ({@code b2b.<id>.http.connect-timeout-ms})
 * @param responseTimeout    waiting for the provider's answer, per attempt ({@code b2b.<id>.http.response-timeout-ms})
 */
public record CallLimits(int maxConcurrentCalls, Duration queueTimeout, Duration connectTimeout,
                         Duration responseTimeout) {

    public static final CallLimits DEFAULT = new CallLimits(64, Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(10));

    public CallLimits {
        if (maxConcurrentCalls < 1) {
            throw new IllegalArgumentException("maxConcurrentCalls must be at least 1, was " + maxConcurrentCalls);
        }
    }
}

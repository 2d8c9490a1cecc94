package org.camelb2b.token.cache;

import java.time.Duration;

import org.camelb2b.token.token.TokenResponseParser;

/**
 * How the token cache treats one provider's tokens. Defaults: refresh ahead at a random point
 * between 70% and 80% of the lifetime, a skew margin of the smaller of 30 s and 10% of the
 * lifetime, callers wait at most 5 s for a token in flight, failed refreshes are retried from
 * 1 s doubling up to 60 s with full jitter, errors that retrying cannot fix are retried after 60 s,
 * a key used in the last 30 minutes is kept warm by background refreshes, a token longer than
 * 4096 characters is refused, a key starts at most one token request every 2 s, and callers with
 * no usable token let one probe through every 2 s while the provider is failing.
 *
 * @param refreshFrom      earliest refresh point, as a fraction of the lifetime
 * @param refreshTo        latest refresh point (the point is drawn uniformly in between)
 * @param skewMax          the largest skew margin (the margin is min(skewMax, 10% of lifetime))
 * @param acquireTimeout   the longest a caller with no usable token waits for the request in flight
 * @param backoffInitial   first retry delay after a failed request
 * @param backoffMax       cap of the retry delay
 * @param fatalHoldOff     retry delay after an error retrying cannot fix
 * @param keepWarm         keys used within this window are refreshed in the background
 * @param maxTokenLength   the longest token accepted, in characters; a longer one is a failed request
 * @param minRequestInterval the least time between the starts of two token requests for a key,
 *                         whatever starts them; also the age under which a rejected token that was
 *                         never accepted means the provider rejects every new token
 * @param probeInterval    while the provider is failing and no usable token is held, one caller
 *                         lets a request through this long after the last failure, however long
 *                         the backoff (never before Retry-After; not for errors retrying cannot fix)
 * @param replacesPrevious the provider invalidates the previous token when it issues a new one: a
 *                         shared store holds the calls of every instance during a refresh
 */
public record CachePolicy(double refreshFrom, double refreshTo, Duration skewMax, Duration acquireTimeout,
                          Duration backoffInitial, Duration backoffMax, Duration fatalHoldOff, Duration keepWarm,
                          int maxTokenLength, Duration minRequestInterval, Duration probeInterval,
                          boolean replacesPrevious) {

    /**
     * 2 s: the probe interval, so nothing, not even a provider rejecting every token, makes more
     * than one token request per credential every 2 s; a key in normal use asks once per refresh
     * (675 s for a 900 s token), far apart; below the 5 s acquire timeout, so a caller whose
     * request waits for the interval still gets it.
     */
    public static final Duration DEFAULT_MIN_REQUEST_INTERVAL = Duration.ofSeconds(2);

    /** 2 s: calls succeed within about 2 s of a provider's return, at one request per 2 s while it is down. */
    public static final Duration DEFAULT_PROBE_INTERVAL = Duration.ofSeconds(2);

    public static final CachePolicy DEFAULT = new CachePolicy(0.70, 0.80, Duration.ofSeconds(30), Duration.ofSeconds(5),
            Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofMinutes(30));

    public CachePolicy {
        if (!(refreshFrom > 0 && refreshFrom <= refreshTo && refreshTo < 1)) {
            throw new IllegalArgumentException("refresh window must satisfy 0 < from <= to < 1, was " + refreshFrom
                    + "-" + refreshTo);
        }
        if (maxTokenLength < 1) {
            throw new IllegalArgumentException("maxTokenLength must be positive, was " + maxTokenLength);
        }
        if (probeInterval.isNegative()) {
            throw new IllegalArgumentException("probeInterval must not be negative, was " + probeInterval);
        }
        if (minRequestInterval.isNegative()) {
            throw new IllegalArgumentException("minRequestInterval must not be negative, was " + minRequestInterval);
        }
    }

    /** All but {@code replacesPrevious} (false: the previous token stays valid). */
    public CachePolicy(double refreshFrom, double refreshTo, Duration skewMax, Duration acquireTimeout,
                       Duration backoffInitial, Duration backoffMax, Duration fatalHoldOff, Duration keepWarm,
                       int maxTokenLength, Duration minRequestInterval, Duration probeInterval) {
        this(refreshFrom, refreshTo, skewMax, acquireTimeout, backoffInitial, backoffMax, fatalHoldOff, keepWarm,
                maxTokenLength, minRequestInterval, probeInterval, false);
    }

    /** The same policy, with or without {@code replacesPrevious}. */
    public CachePolicy withReplacesPrevious(boolean replaces) {
        return new CachePolicy(refreshFrom, refreshTo, skewMax, acquireTimeout, backoffInitial, backoffMax, fatalHoldOff,
                keepWarm, maxTokenLength, minRequestInterval, probeInterval, replaces);
    }

    /** The timing settings, with the defaults for everything else. */
    public CachePolicy(double refreshFrom, double refreshTo, Duration skewMax, Duration acquireTimeout,
                       Duration backoffInitial, Duration backoffMax, Duration fatalHoldOff, Duration keepWarm) {
        this(refreshFrom, refreshTo, skewMax, acquireTimeout, backoffInitial, backoffMax, fatalHoldOff, keepWarm,
                TokenResponseParser.DEFAULT_MAX_TOKEN_LENGTH, DEFAULT_MIN_REQUEST_INTERVAL, DEFAULT_PROBE_INTERVAL);
    }

    /** The skew margin for a token of this lifetime. */
    public long skewNanos(Duration lifetime) {
        return Math.min(skewMax.toNanos(), lifetime.toNanos() / 10);
    }
}

package org.camelb2b.token.inbound;

import java.time.Duration;
import java.time.LocalDate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * A {@link ReplayStore} in this JVM's memory (Caffeine): each claim is kept 48 hours after it was
 * made, longer than the day it counts for plus any timestamp window, and at most
 * {@code maxEntries} claims are kept (past that the least used go first, and a replay of one of
 * them would pass: size it above a day's notifications).
 */
public final class MemoryReplayStore implements ReplayStore {

    /** Claims kept by default: a day of notifications at about 6 a second. */
    public static final int DEFAULT_MAX_ENTRIES = 500_000;
    static final Duration KEPT = Duration.ofHours(48);

    private final Cache<String, Boolean> claims;

    public MemoryReplayStore(int maxEntries, Ticker ticker) {
        this.claims = Caffeine.newBuilder().ticker(ticker).maximumSize(maxEntries).expireAfterWrite(KEPT).build();
    }

    @Override
    public boolean claim(String provider, String partnerId, String externalId, LocalDate day) {
        return claims.asMap().putIfAbsent(key(provider, partnerId, externalId, day), Boolean.TRUE) == null;
    }

    @Override
    public void release(String provider, String partnerId, String externalId, LocalDate day) {
        claims.invalidate(key(provider, partnerId, externalId, day));
    }

    private static String key(String provider, String partnerId, String externalId, LocalDate day) {
        // '\n' cannot occur in a header value, so the parts cannot run into each other
        return provider + "\n" + partnerId + "\n" + day + "\n" + externalId;
    }

    @Override
    public String toString() {
        return "MemoryReplayStore[" + claims.estimatedSize() + " claims]";
    }
}

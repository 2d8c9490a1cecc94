package org.camelb2b.token.cache;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

import org.camelb2b.token.token.AccessToken;
import org.camelb2b.token.token.TokenAcquisitionException;

/**
 * Tokens in Caffeine, each kept for its own lifetime less a skew margin.
 *
 * <p>Single flight: callers that miss share one in-flight fetch per key, which runs on the
 * cache's executor, never under a lock a hit needs. Only successful fetches are put into
 * Caffeine, so a failure is never cached and never replaces a token.
 */
public final class TokenCache {

    /** The skew margin: the smaller of 30 s and a tenth of the lifetime. */
    public static long skewNanos(Duration lifetime) {
        return Math.min(TimeUnit.SECONDS.toNanos(30), lifetime.toNanos() / 10);
    }

    private final Cache<TokenKey, AccessToken> tokens;
    private final ConcurrentHashMap<TokenKey, CompletableFuture<AccessToken>> inFlight = new ConcurrentHashMap<>();
    private final Executor executor;
    private final Duration acquireTimeout;

    public TokenCache(Executor executor, Duration acquireTimeout) {
        this(executor, acquireTimeout, Ticker.systemTicker());
    }

    /** @param ticker the monotonic clock ({@link System#nanoTime()} scale) tokens expire on */
    public TokenCache(Executor executor, Duration acquireTimeout, Ticker ticker) {
        this.executor = Objects.requireNonNull(executor);
        this.acquireTimeout = Objects.requireNonNull(acquireTimeout);
        this.tokens = Caffeine.newBuilder()
                .ticker(ticker)
                .executor(Runnable::run)
                .expireAfter(new UsableLifetime())
                .build();
    }

    /**
     * Returns the cached token for {@code key}, or waits (at most the acquire timeout) for the one
     * fetch in flight for it, starting that fetch if none is.
     *
     * @throws TokenAcquisitionException when the fetch failed or did not finish in time
     */
    public AccessToken get(TokenKey key, Function<TokenKey, AccessToken> fetch) {
        AccessToken cached = tokens.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        return await(key, inFlightFetch(key, fetch));
    }

    /** The cached token, if one is held and still usable; never starts a fetch. */
    public AccessToken peek(TokenKey key) {
        return tokens.getIfPresent(key);
    }

    /**
     * Drops the token for {@code key} only if it is still {@code failed}: many callers reporting
     * the same rejected token cause one new fetch, and a newer token is never dropped.
     *
     * @return whether the cached token was dropped
     */
    public boolean invalidate(TokenKey key, AccessToken failed) {
        boolean[] removed = {false};
        tokens.asMap().computeIfPresent(key, (k, held) -> {
            if (held.value().equals(failed.value())) {
                removed[0] = true;
                return null;
            }
            return held;
        });
        return removed[0];
    }

    private CompletableFuture<AccessToken> inFlightFetch(TokenKey key, Function<TokenKey, AccessToken> fetch) {
        CompletableFuture<AccessToken> mine = new CompletableFuture<>();
        CompletableFuture<AccessToken> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return running;
        }
        // A fetch that finished just before we registered has already put its token: use it.
        AccessToken justFetched = tokens.getIfPresent(key);
        if (justFetched != null) {
            inFlight.remove(key, mine);
            mine.complete(justFetched);
            return mine;
        }
        try {
            executor.execute(() -> {
                try {
                    AccessToken token = fetch.apply(key);
                    tokens.put(key, token);
                    mine.complete(token);
                } catch (Throwable e) {
                    mine.completeExceptionally(e);
                } finally {
                    inFlight.remove(key, mine);
                }
            });
        } catch (RuntimeException rejected) {
            inFlight.remove(key, mine);
            mine.completeExceptionally(rejected);
        }
        return mine;
    }

    private AccessToken await(TokenKey key, CompletableFuture<AccessToken> future) {
        try {
            return future.get(acquireTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new TokenAcquisitionException(key.provider(), -1, null, null,
                    "no token within the acquire timeout of " + acquireTimeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenAcquisitionException(key.provider(), -1, null, null, "interrupted while waiting for a token", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new TokenAcquisitionException(key.provider(), -1, null, null, "the token fetch failed: " + cause, cause);
        }
    }

    /** An entry lives until its token's expiry less the skew margin, measured from the request. */
    private static final class UsableLifetime implements Expiry<TokenKey, AccessToken> {
        @Override
        public long expireAfterCreate(TokenKey key, AccessToken token, long currentTime) {
            return Math.max(0, token.remainingNanos(currentTime) - skewNanos(token.lifetime()));
        }

        @Override
        public long expireAfterUpdate(TokenKey key, AccessToken token, long currentTime, long currentDuration) {
            return expireAfterCreate(key, token, currentTime);
        }

        @Override
        public long expireAfterRead(TokenKey key, AccessToken token, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}

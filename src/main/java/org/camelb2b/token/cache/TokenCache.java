package org.camelb2b.token.cache;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

import org.camelb2b.token.token.AccessToken;
import org.camelb2b.token.token.TokenAcquisitionException;

/**
 * Tokens in Caffeine, each kept for its own lifetime less a skew margin.
 *
 * <p>Single flight: callers that miss share one in-flight fetch per key (Caffeine's async
 * compute), and the fetch runs on the cache's executor, never under a lock a hit needs. A fetch
 * that fails is dropped by Caffeine, so a failure is never cached; a cached token is never
 * replaced by anything but a newer success.
 */
public final class TokenCache {

    /** The skew margin: the smaller of 30 s and a tenth of the lifetime. */
    public static long skewNanos(Duration lifetime) {
        return Math.min(TimeUnit.SECONDS.toNanos(30), lifetime.toNanos() / 10);
    }

    private final AsyncCache<TokenKey, AccessToken> cache;
    private final Executor executor;
    private final Duration acquireTimeout;

    public TokenCache(Executor executor, Duration acquireTimeout) {
        this(executor, acquireTimeout, Ticker.systemTicker());
    }

    /** @param ticker the monotonic clock ({@link System#nanoTime()} scale) tokens expire on */
    public TokenCache(Executor executor, Duration acquireTimeout, Ticker ticker) {
        this.executor = Objects.requireNonNull(executor);
        this.acquireTimeout = Objects.requireNonNull(acquireTimeout);
        this.cache = Caffeine.newBuilder()
                .ticker(ticker)
                .executor(executor)
                .expireAfter(new UsableLifetime())
                .buildAsync();
    }

    /**
     * Returns the cached token for {@code key}, or waits (at most the acquire timeout) for the one
     * fetch in flight for it, starting that fetch if none is.
     *
     * @throws TokenAcquisitionException when the fetch failed or did not finish in time
     */
    public AccessToken get(TokenKey key, Function<TokenKey, AccessToken> fetch) {
        CompletableFuture<AccessToken> future = cache.get(key, (k, ex) -> CompletableFuture.supplyAsync(() -> fetch.apply(k), ex));
        AccessToken done = future.getNow(null);
        if (done != null) {
            return done;
        }
        try {
            return future.get(acquireTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new TokenAcquisitionException(key.provider(), -1, null, null,
                    "no token within the acquire timeout of " + acquireTimeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenAcquisitionException(key.provider(), -1, null, null, "interrupted while waiting for a token", e);
        } catch (ExecutionException e) {
            throw unwrap(key, e.getCause());
        }
    }

    /** The cached token, if one is held and still usable; never starts a fetch. */
    public AccessToken peek(TokenKey key) {
        CompletableFuture<AccessToken> future = cache.getIfPresent(key);
        return future == null ? null : future.getNow(null);
    }

    /**
     * Drops the token for {@code key} only if it is still {@code failed}: many callers reporting
     * the same rejected token cause one new fetch, and a newer token is never dropped.
     *
     * @return whether the cached token was dropped
     */
    public boolean invalidate(TokenKey key, AccessToken failed) {
        boolean[] removed = {false};
        cache.asMap().computeIfPresent(key, (k, current) -> {
            AccessToken held = current.getNow(null);
            if (held != null && held.value().equals(failed.value())) {
                removed[0] = true;
                return null;
            }
            return current;
        });
        return removed[0];
    }

    private static RuntimeException unwrap(TokenKey key, Throwable cause) {
        Throwable c = cause instanceof CompletionException && cause.getCause() != null ? cause.getCause() : cause;
        if (c instanceof RuntimeException re) {
            return re;
        }
        return new TokenAcquisitionException(key.provider(), -1, null, null, "the token fetch failed: " + c, c);
    }

    /** An entry lives until its token's expiry less the skew margin, measured from the request. */
    private static final class UsableLifetime implements Expiry<TokenKey, AccessToken> {
        @Override
        public long expireAfterCreate(TokenKey key, AccessToken token, long currentTime) {
            long usable = token.remainingNanos(currentTime) - skewNanos(token.lifetime());
            return Math.max(0, usable);
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

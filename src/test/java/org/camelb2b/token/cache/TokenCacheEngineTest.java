package org.camelb2b.token.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.camelb2b.token.token.AccessToken;
import org.camelb2b.token.token.ResponseCode;
import org.camelb2b.token.token.TokenAcquisitionException;
import org.junit.jupiter.api.Test;

/**
 * The engine on a fake monotonic clock: time moves only when the test says, and scheduled
 * refreshes and retries run when it passes them. Token requests run on the test thread (or a
 * real pool where concurrency is the point), so nothing depends on timing.
 */
class TokenCacheEngineTest {

    static final TokenKey KEY = new TokenKey("doku", "http://p/token", "client", "0123456789abcdef0123");
    static final Duration LIFETIME = Duration.ofSeconds(900);

    final FakeTime time = new FakeTime();
    final AtomicInteger requests = new AtomicInteger();
    /** What the provider does on the next request: a token, or an exception. */
    volatile Function<Integer, AccessToken> provider = n -> token(n, LIFETIME);
    volatile boolean callerThread;

    AccessToken token(int n, Duration lifetime) {
        return new AccessToken("doku", "token-" + n + "-xxxxxxxxxxxxxxxx", "Bearer", lifetime, time.read(), Instant.now());
    }

    TokenCache cache(CachePolicy policy, java.util.concurrent.Executor executor) {
        return new TokenCache(k -> {
            int n = requests.incrementAndGet();
            return provider.apply(n);
        }, k -> policy, time, executor, time, () -> 0.5);
    }

    TokenCache cache() {
        return cache(CachePolicy.DEFAULT, Runnable::run);
    }

    static TokenAcquisitionException error(int status, String code, boolean withRetryAfter) {
        TokenAcquisitionException e = new TokenAcquisitionException("doku", status, ResponseCode.parse(code), "m", "failed");
        return withRetryAfter ? e.withRetryAfter(Duration.ofSeconds(120)) : e;
    }

    /** A caller: must never be the one that waits for the provider when a token is held. */
    AccessToken call(TokenCache cache) {
        callerThread = true;
        try {
            return cache.get(KEY);
        } finally {
            callerThread = false;
        }
    }

    @Test
    void aHitServesTheCachedTokenWithoutARequest() {
        TokenCache cache = cache();
        AccessToken first = cache.get(KEY);
        assertSame(first, cache.get(KEY));
        assertEquals(1, requests.get());
        assertSame(first, cache.peek(KEY));
    }

    @Test
    void thousandConcurrentColdCallersMakeOneRequest() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        provider = n -> {
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return token(n, LIFETIME);
        };
        ExecutorService fetchPool = Executors.newCachedThreadPool();
        ExecutorService callers = Executors.newFixedThreadPool(1000);
        try {
            CachePolicy patient = new CachePolicy(0.7, 0.8, Duration.ofSeconds(30), Duration.ofSeconds(30),
                    Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofMinutes(30));
            TokenCache cache = cache(patient, fetchPool);
            CountDownLatch started = new CountDownLatch(1000);
            List<Future<AccessToken>> results = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                results.add(callers.submit(() -> {
                    started.countDown();
                    return cache.get(KEY);
                }));
            }
            assertTrue(started.await(20, TimeUnit.SECONDS));
            release.countDown();
            AccessToken first = results.get(0).get(30, TimeUnit.SECONDS);
            for (Future<AccessToken> f : results) {
                assertSame(first, f.get(30, TimeUnit.SECONDS));
            }
            assertEquals(1, requests.get());
        } finally {
            callers.shutdownNow();
            fetchPool.shutdownNow();
        }
    }

    @Test
    void threeExpiryCyclesUnderConstantLoadOneRequestEachAndNoCallerWaits() {
        provider = n -> {
            assertFalse(callerThread, "a caller waited for a token request although a token was held");
            return token(n, LIFETIME);
        };
        TokenCache cache = cache();
        AccessToken previous = cache.get(KEY);
        int cycles = 0;
        for (int second = 1; second <= 3 * 675; second++) { // a refresh every 75% of 900 s
            time.advance(Duration.ofSeconds(1));
            AccessToken now = call(cache);
            if (now != previous) {
                cycles++;
                previous = now;
            }
        }
        assertEquals(3, cycles);
        assertEquals(4, requests.get(), "the first token and one refresh per cycle");
    }

    @Test
    void refreshStartsAtTheJitteredPointNotBefore() {
        TokenCache cache = cache();
        AccessToken first = cache.get(KEY);
        time.advance(Duration.ofSeconds(674));
        assertSame(first, cache.get(KEY));
        assertEquals(1, requests.get());
        time.advance(Duration.ofSeconds(1));
        assertEquals(2, requests.get(), "at 0.70 + 0.5 * (0.80 - 0.70) = 75% of 900 s");
        assertNotSame(first, cache.get(KEY));
    }

    @Test
    void providerDownFor60SecondsFromTheRefreshPointNoCallFails() {
        TokenCache cache = cache();
        AccessToken first = cache.get(KEY);
        time.advance(Duration.ofSeconds(674));
        provider = n -> {
            throw error(503, "5037300", false);
        };
        for (int s = 0; s < 60; s++) {
            time.advance(Duration.ofSeconds(1));
            assertSame(first, call(cache), "the held token keeps serving while the provider is down");
        }
        int attemptsWhileDown = requests.get() - 1;
        assertTrue(attemptsWhileDown >= 2 && attemptsWhileDown <= 12, "retried with backoff: " + attemptsWhileDown);
        provider = n -> token(n, LIFETIME);
        AccessToken renewed = null;
        for (int s = 0; s < 60 && (renewed == null || renewed == first); s++) {
            time.advance(Duration.ofSeconds(1));
            renewed = call(cache);
        }
        assertNotSame(first, renewed, "a new token once the provider is back, before the old one runs out");
    }

    /**
     * Issue 4: the provider is down from before the refresh (675 s) until long after the held token
     * ran out (870 s); callers keep calling every 100 ms. The backoff has grown to its 60 s ceiling,
     * so callers used to fail fast for up to a minute after the provider was back. Now one probe
     * goes through every 2 s while they wait, and a call succeeds within 2 s of its return.
     */
    @Test
    void afterAnOutageLongerThanTheTokenCallersRecoverWithinAProbeIntervalOfTheProvidersReturn() {
        TokenCache cache = cache();
        cache.get(KEY);
        time.advance(Duration.ofSeconds(674));
        provider = n -> {
            throw error(503, "5037300", false);
        };
        // 674 s to 1074 s, and on to just after the next failed attempt: the worst moment to come back
        int atTheEnd = -1;
        for (int i = 0; i < 4000 || requests.get() == atTheEnd; i++) {
            if (i == 3999) {
                atTheEnd = requests.get();
            }
            time.advance(Duration.ofMillis(100));
            try {
                call(cache);
            } catch (TokenAcquisitionException expected) {
                // no usable token: fails, fast
            }
        }
        int requestsAfterExpiry = requests.get();
        provider = n -> token(n, LIFETIME);
        long back = time.read();
        AccessToken renewed = null;
        while (renewed == null && time.read() - back < Duration.ofSeconds(120).toNanos()) {
            time.advance(Duration.ofMillis(100));
            try {
                renewed = call(cache);
            } catch (TokenAcquisitionException stillFailingFast) {
                // until the next probe
            }
        }
        long recoveryMs = TimeUnit.NANOSECONDS.toMillis(time.read() - back);
        assertTrue(renewed != null && recoveryMs <= 2100, "a call succeeded " + recoveryMs + " ms after the provider's return");
        assertTrue(requests.get() - requestsAfterExpiry <= 2, "one probe did it");
    }

    /** Issue 4: a probe never comes before the provider's Retry-After. */
    @Test
    void withNoTokenNoProbeComesBeforeRetryAfter() {
        TokenCache cache = cache();
        provider = n -> {
            throw error(429, "4297300", true); // Retry-After: 120 s
        };
        assertThrows(TokenAcquisitionException.class, () -> cache.get(KEY));
        for (int i = 0; i < 1190; i++) {
            time.advance(Duration.ofMillis(100));
            assertThrows(TokenAcquisitionException.class, () -> cache.get(KEY));
        }
        assertEquals(1, requests.get(), "not before Retry-After: 120 s");
        time.advance(Duration.ofSeconds(1));
        provider = n -> token(n, LIFETIME);
        assertEquals("token-2-xxxxxxxxxxxxxxxx", cache.get(KEY).value());
    }

    @Test
    void aRetryAlwaysLandsBeforeTheHeldTokenRunsOut() {
        TokenCache cache = cache();
        AccessToken first = cache.get(KEY);
        time.advance(Duration.ofSeconds(674));
        provider = n -> {
            throw error(500, "5007300", false);
        };
        time.advance(Duration.ofSeconds(190)); // 864 s: 6 s of usable time left (expiry 900 - skew 30)
        provider = n -> token(n, LIFETIME);
        time.advance(Duration.ofSeconds(5));
        AccessToken now = cache.get(KEY);
        assertNotSame(first, now);
    }

    @Test
    void failuresNeverReplaceOrPoisonTheHeldToken() {
        TokenCache cache = cache();
        AccessToken first = cache.get(KEY);
        for (TokenAcquisitionException e : List.of(error(200, "2007300", false), error(500, "5007300", false),
                error(429, "4297300", true), error(401, "4017300", false))) {
            provider = n -> {
                throw e;
            };
            time.advance(Duration.ofSeconds(1));
            assertSame(first, cache.get(KEY));
        }
        assertSame(first, cache.peek(KEY));
    }

    @Test
    void retryAfterIsHonoured() {
        TokenCache cache = cache();
        cache.get(KEY);
        time.advance(Duration.ofSeconds(674));
        provider = n -> {
            throw error(429, "4297300", true);
        };
        time.advance(Duration.ofSeconds(1));
        assertEquals(2, requests.get());
        time.advance(Duration.ofSeconds(119));
        assertEquals(2, requests.get(), "not before Retry-After: 120 s");
        time.advance(Duration.ofSeconds(1));
        assertEquals(3, requests.get());
    }

    @Test
    void withNoTokenAndAFailingProviderCallersFailAtOnceUntilTheNextAttempt() {
        TokenCache cache = cache();
        provider = n -> {
            throw error(401, "4017300", false);
        };
        TokenAcquisitionException first = assertThrows(TokenAcquisitionException.class, () -> cache.get(KEY));
        assertEquals("4017300", first.responseCode().raw());
        for (int i = 0; i < 10; i++) {
            TokenAcquisitionException fast = assertThrows(TokenAcquisitionException.class, () -> cache.get(KEY));
            assertEquals("4017300", fast.responseCode().raw());
        }
        assertEquals(1, requests.get(), "an error retrying cannot fix is not hammered");
        time.advance(Duration.ofSeconds(61));
        provider = n -> token(n, LIFETIME);
        assertEquals("token-2-xxxxxxxxxxxxxxxx", cache.get(KEY).value());
    }

    @Test
    void hardExpiryAtLifetimeMinusSkewOnTheMonotonicClock() {
        CachePolicy noRefresh = new CachePolicy(0.7, 0.8, Duration.ofSeconds(30), Duration.ofSeconds(5),
                Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ZERO);
        TokenCache cache = cache(noRefresh, Runnable::run);
        AccessToken first = cache.get(KEY);
        time.advance(Duration.ofSeconds(869));
        assertSame(first, cache.peek(KEY), "usable until 900 - min(30, 90) = 870 s");
        time.advance(Duration.ofSeconds(1));
        assertNull(cache.peek(KEY), "never handed out past its usable life");
        assertNotSame(first, cache.get(KEY));
        // the token's wall-clock issuedAt plays no part: only the monotonic requestedAt counts
        AccessToken skewed = new AccessToken("doku", "t-skewed-xxxxxxxxxxxx", "Bearer", Duration.ofSeconds(60), time.read(),
                Instant.now().minusSeconds(60));
        assertEquals(60_000_000_000L, skewed.remainingNanos(time.read()));
    }

    @Test
    void shortLifetimesUseATenPercentSkew() {
        provider = n -> token(n, Duration.ofSeconds(60));
        CachePolicy noRefresh = new CachePolicy(0.7, 0.8, Duration.ofSeconds(30), Duration.ofSeconds(5),
                Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ZERO);
        TokenCache cache = cache(noRefresh, Runnable::run);
        cache.get(KEY);
        time.advance(Duration.ofSeconds(53));
        assertTrue(cache.peek(KEY) != null);
        time.advance(Duration.ofSeconds(1));
        assertNull(cache.peek(KEY), "60 s lifetime: usable until 54 s");
    }

    @Test
    void keysNotUsedWithinKeepWarmAreLeftToExpire() {
        CachePolicy warm10min = new CachePolicy(0.7, 0.8, Duration.ofSeconds(30), Duration.ofSeconds(5),
                Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofMinutes(10));
        TokenCache cache = cache(warm10min, Runnable::run);
        cache.get(KEY);
        time.advance(Duration.ofSeconds(2000));
        assertEquals(1, requests.get(), "idle since 0 s: no refresh at 675 s");
        assertEquals(0, time.pending());
    }

    @Test
    void aSlowProviderNeverHoldsUpCallersWithAToken() throws Exception {
        CountDownLatch slow = new CountDownLatch(1);
        ExecutorService pool = Executors.newCachedThreadPool();
        try {
            TokenCache cache = cache(CachePolicy.DEFAULT, pool);
            AccessToken first = cache.get(KEY);
            provider = n -> {
                try {
                    slow.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return token(n, LIFETIME);
            };
            time.advance(Duration.ofSeconds(675)); // the refresh starts and hangs
            for (int i = 0; i < 100; i++) {
                assertSame(first, cache.get(KEY));
            }
            slow.countDown();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCallerWaitsAtMostTheAcquireTimeout() {
        CountDownLatch never = new CountDownLatch(1);
        provider = n -> {
            try {
                never.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return token(n, LIFETIME);
        };
        ExecutorService pool = Executors.newCachedThreadPool();
        try {
            CachePolicy quick = new CachePolicy(0.7, 0.8, Duration.ofSeconds(30), Duration.ofMillis(200),
                    Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofMinutes(30));
            TokenCache cache = cache(quick, pool);
            TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class, () -> cache.get(KEY));
            assertTrue(e.getMessage().contains("acquire timeout of 200 ms"), e.getMessage());
        } finally {
            never.countDown();
            pool.shutdownNow();
        }
    }

    /**
     * Issue 9: a failed request released its in-flight slot and then told its waiters
     * {@code state.lastError}; a request that succeeded in between had cleared it, so the waiters
     * got nothing and ran into the acquire timeout. Here the second request runs at exactly that
     * point (the seam), on another thread, so the interleaving is the same every run.
     */
    @Test
    void waitersOfAFailedRequestGetItsErrorEvenIfAnotherRequestSucceedsBeforeTheyAreTold() {
        ExecutorService pool = Executors.newCachedThreadPool();
        try {
            CachePolicy quick = new CachePolicy(0.7, 0.8, Duration.ofSeconds(30), Duration.ofSeconds(2),
                    Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofMinutes(30));
            TokenCache cache = cache(quick, pool);
            provider = n -> {
                throw error(503, "5037300", false);
            };
            AtomicBoolean once = new AtomicBoolean();
            cache.afterRelease = () -> {
                if (once.compareAndSet(false, true)) {
                    time.advance(Duration.ofMinutes(2)); // past any backoff: the next caller may ask again
                    provider = n -> token(n, LIFETIME);
                    assertEquals("token-2-xxxxxxxxxxxxxxxx", cache.get(KEY).value());
                }
            };
            long start = System.nanoTime();
            TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class, () -> cache.get(KEY));
            assertEquals("5037300", e.responseCode() == null ? null : e.responseCode().raw(), e.getMessage());
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(1).toNanos(), "told at once, not at the timeout");
            assertEquals(2, requests.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void invalidateDropsOnlyTheTokenThatFailed() {
        TokenCache cache = cache();
        AccessToken first = cache.get(KEY);
        assertFalse(cache.invalidate(KEY, token(99, LIFETIME)), "another token: kept");
        assertSame(first, cache.peek(KEY));
        assertTrue(cache.invalidate(KEY, first));
        assertNull(cache.peek(KEY));
        time.advance(CachePolicy.DEFAULT_MIN_REQUEST_INTERVAL); // the next token request starts no sooner
        AccessToken second = cache.get(KEY);
        assertFalse(cache.invalidate(KEY, first), "already replaced: the newer token stays");
        assertSame(second, cache.peek(KEY));
    }

    /** Issue 5b on the fake clock: a 1 s token kept warm for a minute asked for a new one every 0.75 s. */
    @Test
    void tokenRequestsStartAtMostOncePerMinimumInterval() {
        provider = n -> token(n, Duration.ofSeconds(1));
        TokenCache cache = cache();
        cache.get(KEY);
        for (int i = 0; i < 600; i++) {
            time.advance(Duration.ofMillis(100)); // a minute with no traffic, within keep-warm
        }
        assertEquals(31, requests.get(), "one at 0 s, then one every 2 s");
    }

    @Test
    void aTokenRejectedAsSoonAsItWasIssuedIsNeitherReplacedNorRetriedWith() {
        TokenCache cache = cache();
        AccessToken first = cache.get(KEY);
        time.advance(Duration.ofMillis(300));
        assertEquals(TokenCache.RejectionOutcome.NEW_TOKENS_REJECTED, cache.rejected(KEY, first));
        assertEquals(TokenCache.RejectionOutcome.NEW_TOKENS_REJECTED, cache.rejected(KEY, first));
        assertSame(first, cache.peek(KEY), "kept: another new token would be rejected as well");
        assertEquals(1, requests.get());
        assertTrue(cache.tokensRejected(KEY).orElseThrow().contains("every new token is rejected"));

        time.advance(Duration.ofSeconds(2)); // older than the interval: its rejection replaces it
        assertEquals(TokenCache.RejectionOutcome.RETRY, cache.rejected(KEY, first));
        assertNull(cache.peek(KEY));
        AccessToken second = cache.get(KEY);
        assertEquals(2, requests.get());
        assertEquals(TokenCache.RejectionOutcome.NEW_TOKENS_REJECTED, cache.rejected(KEY, second));
        assertTrue(cache.tokensRejected(KEY).isPresent(), "still every new token");

        cache.accepted(KEY, second);
        assertTrue(cache.tokensRejected(KEY).isEmpty(), "a call that succeeded ends it");
        assertSame(second, cache.peek(KEY));
    }

    @Test
    void aRevokedTokenIsReplacedAndRetriedWithEvenWhenYoungOnceTheIntervalIsOver() throws Exception {
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            TokenCache cache = cache();
            AccessToken first = cache.get(KEY);
            cache.accepted(KEY, first);
            time.advance(Duration.ofMillis(300));
            assertEquals(TokenCache.RejectionOutcome.RETRY, cache.rejected(KEY, first), "accepted before: revoked");
            assertTrue(cache.tokensRejected(KEY).isEmpty());
            Future<AccessToken> retry = caller.submit(() -> cache.get(KEY));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (time.pending() < 2 && System.nanoTime() < deadline) { // the refresh, and the deferred request
                Thread.onSpinWait();
            }
            assertEquals(1, requests.get(), "not before 2 s after the first request started");
            time.advance(Duration.ofMillis(1699));
            assertEquals(1, requests.get());
            time.advance(Duration.ofMillis(1));
            assertEquals("token-2-xxxxxxxxxxxxxxxx", retry.get(5, TimeUnit.SECONDS).value());
        } finally {
            caller.shutdownNow();
        }
    }

    @Test
    void aHitAllocatesNothing() {
        TokenCache cache = cache();
        cache.get(KEY);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 200_000; i++) {
            cache.get(KEY); // warm up the JIT
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100_000; i++) {
            cache.get(KEY);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 100_000, "100,000 hits allocated " + allocated + " bytes");
    }
}

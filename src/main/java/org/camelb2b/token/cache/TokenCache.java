package org.camelb2b.token.cache;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

import org.camelb2b.token.token.AccessToken;
import org.camelb2b.token.token.TokenAcquisitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token cache engine. Tokens live in Caffeine, each until its expiry less the skew margin,
 * measured on the monotonic {@link Ticker} from when its request was sent.
 *
 * <ul>
 * <li><b>Hit:</b> a Caffeine read and a volatile write of the key's last use; no lock, no allocation.</li>
 * <li><b>Single flight:</b> at most one token request per key is in flight; callers with no usable
 * token wait for it (at most the acquire timeout), callers with one never wait.</li>
 * <li><b>Refresh ahead:</b> each token schedules a background refresh at a random point between
 * 70% and 80% of its lifetime; keys not used within the keep-warm window are left to expire.</li>
 * <li><b>Failures:</b> a failed request never replaces or removes a token. A failed refresh is
 * retried in the background with exponential backoff and full jitter, honouring Retry-After, and
 * always before the held token runs out; errors retrying cannot fix wait the long hold-off and
 * are logged at ERROR once. With no usable token and a known failing provider, callers fail at
 * once instead of queueing, but not blind: one caller lets a single probe request through every
 * probe interval (never before Retry-After), so calls succeed within about that interval of the
 * provider's return, however long the backoff has grown. Errors retrying cannot fix are not
 * probed: they wait the hold-off.</li>
 * <li><b>Compare-and-invalidate:</b> {@link #invalidate} drops a token only if it is still the cached one.</li>
 * <li><b>Bounded requests:</b> a key starts at most one token request per minimum interval, whoever
 * asks (caller, refresh, retry, a rejected token) and whatever the provider answers; a request due
 * sooner is started when the interval is over, and callers wait for it as for any request in flight.</li>
 * <li><b>Rejected tokens:</b> {@link #rejected} tells a payment call whether to retry. A token rejected
 * younger than the minimum interval and never accepted means the provider rejects every new token:
 * it is neither replaced nor retried with (one WARN per episode, and {@link #tokensRejected} says so
 * for the readiness check) until {@link #accepted} reports a call that succeeded.</li>
 * </ul>
 */
public final class TokenCache {

    private static final Logger LOG = LoggerFactory.getLogger(TokenCache.class);

    private final Cache<TokenKey, AccessToken> tokens;
    private final ConcurrentHashMap<TokenKey, KeyState> states = new ConcurrentHashMap<>();
    private final Function<TokenKey, AccessToken> fetch;
    private final Function<TokenKey, CachePolicy> policies;
    private final Ticker ticker;
    private final Executor executor;
    private final Scheduler scheduler;
    private final DoubleSupplier random;
    private volatile Listener listener = Listener.NONE;
    /** Where requests go: the provider ({@link TokenStore#LOCAL}) or a store shared by several instances. */
    private volatile TokenStore store = TokenStore.LOCAL;
    /** Test seam: runs right after a request releases its in-flight slot, before its waiters are told. */
    volatile Runnable afterRelease = () -> { };

    /** Told of hits, misses and background refreshes, for metrics. Must be cheap and not allocate on a hit. */
    public interface Listener {
        Listener NONE = new Listener() {
        };

        /** @param refreshFailing the token is still valid but its refresh is failing */
        default void hit(TokenKey key, boolean refreshFailing) {
        }

        default void miss(TokenKey key) {
        }

        default void backgroundRefresh(TokenKey key) {
        }
    }

    public void setListener(Listener listener) {
        this.listener = listener == null ? Listener.NONE : listener;
    }

    /**
     * Where token requests go from now on (set before the first request); hits never reach it. A
     * shared store offers this cache the tokens other instances write, and tells it when to hold.
     */
    public void setStore(TokenStore store) {
        this.store = Objects.requireNonNull(store);
        store.offerTo(this::offer);
        store.holdTo(this::hold);
    }

    public TokenStore store() {
        return store;
    }

    /**
     * A token another instance requested and shared: replaces the held one if it is newer, for
     * keys this instance uses (so calls move to it before the provider rejects the old one). It
     * changes no refresh timer: a refresh due later finds the shared token fresh and takes it.
     */
    public void offer(TokenKey key, AccessToken token) {
        KeyState state = states.get(key);
        if (state == null) {
            return;
        }
        tokens.asMap().compute(key, (k, held) -> held == null
                || (!held.value().equals(token.value()) && token.requestedAtNanos() > held.requestedAtNanos())
                ? token : held);
        // the new token, or (a refresh given up) the held one back: no longer aside either way
        state.heldAside = null;
    }

    /**
     * {@code token} is being replaced by a token the provider issues in its place, refusing the
     * old one from then on ({@link CachePolicy#replacesPrevious()}; a shared store tells, when any
     * instance starts a refresh): callers stop using it and wait for the new one, as with no token.
     * It is kept aside: should the new one not come (the request failed), it is used again while
     * it is usable.
     */
    public void hold(TokenKey key, AccessToken token) {
        KeyState state = states.get(key);
        if (state == null) {
            return;
        }
        AccessToken removed = removeIfHeld(key, token);
        if (removed != null) {
            state.heldAside = removed;
        }
    }

    /**
     * @param fetch     one token request for a key (blocking; runs on {@code executor})
     * @param policies  the policy of a key's provider
     * @param ticker    the monotonic clock, {@link System#nanoTime()} scale
     * @param executor  runs token requests
     * @param scheduler runs refreshes and retries later
     * @param random    uniform in [0, 1): jitter
     */
    public TokenCache(Function<TokenKey, AccessToken> fetch, Function<TokenKey, CachePolicy> policies, Ticker ticker,
                      Executor executor, Scheduler scheduler, DoubleSupplier random) {
        this.fetch = Objects.requireNonNull(fetch);
        this.policies = Objects.requireNonNull(policies);
        this.ticker = Objects.requireNonNull(ticker);
        this.executor = Objects.requireNonNull(executor);
        this.scheduler = Objects.requireNonNull(scheduler);
        this.random = Objects.requireNonNull(random);
        this.tokens = Caffeine.newBuilder()
                .ticker(ticker)
                .executor(Runnable::run)
                .expireAfter(new UsableLifetime())
                .build();
    }

    /**
     * A usable token for {@code key}: the cached one, or the result of the one request in flight.
     *
     * @throws TokenAcquisitionException when none can be had within the acquire timeout, or the
     *                                   provider is known to be failing
     */
    public AccessToken get(TokenKey key) {
        AccessToken cached = tokens.getIfPresent(key);
        KeyState state = states.get(key);
        if (cached != null && state != null) {
            state.lastUsedNanos = ticker.read();
            listener.hit(key, state.lastError != null);
            return cached;
        }
        return get(key, cached, state, true);
    }

    /**
     * The same answer as {@link #get}, for health checks: it is not use, so it keeps no token
     * warm (a readiness probe every few seconds would otherwise refresh a token nobody needs for
     * ever) and is not counted as a hit or miss. With no usable token it still joins or starts the
     * one request, or fails at once while the provider is known to be failing.
     */
    public AccessToken getWithoutUse(TokenKey key) {
        AccessToken cached = tokens.getIfPresent(key);
        return cached != null ? cached : get(key, null, states.get(key), false);
    }

    private AccessToken get(TokenKey key, AccessToken cached, KeyState known, boolean use) {
        KeyState state = known != null ? known : states.computeIfAbsent(key, k -> new KeyState(ticker.read()));
        long now = ticker.read();
        if (use) {
            state.lastUsedNanos = now;
        }
        if (cached != null) {
            listener.hit(key, state.lastError != null);
            return cached;
        }
        if (use) {
            listener.miss(key);
        }
        TokenAcquisitionException failing = state.lastError;
        if (failing != null) {
            // the provider is failing: only the caller that lets the next probe through waits for it
            long due = Math.max(state.probeAtNanos,
                    state.lastStartNanos + policies.apply(key).minRequestInterval().toNanos());
            String wait = state.inFlight.get() != null ? "a request to the provider is in flight"
                    : now - due < 0 ? "next attempt in " + TimeUnit.NANOSECONDS.toMillis(due - now) + " ms" : null;
            if (wait != null) {
                throw new TokenAcquisitionException(key.provider(), failing.httpStatus(), failing.responseCode(),
                        failing.providerMessage(), "no usable token and the provider is failing; " + wait, failing,
                        failing.retryAfter());
            }
        }
        return await(key, request(key, state, false));
    }

    /** The cached token, if one is held and still usable; never starts a request. */
    public AccessToken peek(TokenKey key) {
        return tokens.getIfPresent(key);
    }

    /**
     * Drops the token for {@code key} only if it is still {@code failed}: many callers reporting
     * the same rejected token cause one new request, and a newer token is never dropped.
     *
     * @return whether the cached token was dropped
     */
    public boolean invalidate(TokenKey key, AccessToken failed) {
        return drop(key, failed);
    }

    /** What a payment call rejected because of its token is to do. */
    public enum RejectionOutcome {
        /** The token was dropped, or a newer one is cached or on its way: send the call once more. */
        RETRY(true),
        /**
         * The token was younger than the minimum request interval and never accepted: the provider
         * rejects every new token. It is kept, no new one is requested on its account, and the call
         * is not sent again.
         */
        NEW_TOKENS_REJECTED(false);

        private final boolean retry;

        RejectionOutcome(boolean retry) {
            this.retry = retry;
        }

        /** Whether the call may be sent once more (with whatever token {@link #get} then gives). */
        public boolean retry() {
            return retry;
        }
    }

    /**
     * A payment call was rejected because of {@code token}. A token older than the minimum request
     * interval, or one the provider accepted before (revoked), is dropped if it is still the cached
     * one, and the call may be retried: the new token is requested once the interval since the last
     * request is over. A token younger than that and never accepted is kept: another one would be
     * rejected too, so asking for it would only turn every call into a token request.
     */
    public RejectionOutcome rejected(TokenKey key, AccessToken token) {
        KeyState state = states.get(key);
        CachePolicy policy = policies.apply(key);
        long ageNanos = ticker.read() - token.requestedAtNanos();
        boolean accepted = state != null && sameToken(state.lastAccepted, token);
        if (state != null && !accepted && ageNanos < policy.minRequestInterval().toNanos()) {
            if (state.newTokensRejected.getAndSet(token) == null) {
                LOG.warn("provider={} every new token is rejected: a token was rejected {} ms after it was requested, "
                        + "before any call was accepted with it. No new token is requested on that account and such "
                        + "calls are not retried; token requests stay at most one per {} ms until a call succeeds. "
                        + "Check the client's registration and the provider's token handling", key.provider(),
                        TimeUnit.NANOSECONDS.toMillis(ageNanos), policy.minRequestInterval().toMillis());
            }
            return RejectionOutcome.NEW_TOKENS_REJECTED;
        }
        drop(key, token);
        return RejectionOutcome.RETRY;
    }

    /**
     * A payment call with {@code token} succeeded: the provider accepts it (a later rejection of it
     * is a revocation), and an episode of rejected new tokens is over. Cheap: no allocation.
     */
    public void accepted(TokenKey key, AccessToken token) {
        KeyState state = states.get(key);
        if (state == null) {
            return;
        }
        if (state.lastAccepted != token) {
            state.lastAccepted = token;
        }
        if (state.newTokensRejected.get() != null && state.newTokensRejected.getAndSet(null) != null) {
            LOG.info("provider={} accepts its tokens again", key.provider());
        }
    }

    /** Why calls fail although tokens are issued (the provider rejects every new token), or empty. */
    public Optional<String> tokensRejected(TokenKey key) {
        KeyState state = states.get(key);
        AccessToken rejected = state == null ? null : state.newTokensRejected.get();
        if (rejected == null) {
            return Optional.empty();
        }
        return Optional.of("every new token is rejected: the provider rejects tokens as soon as they are issued and "
                + "accepted no call since; token requests are held to one per "
                + policies.apply(key).minRequestInterval().toMillis() + " ms and such calls are not retried");
    }

    private static boolean sameToken(AccessToken a, AccessToken b) {
        return a != null && b != null && (a == b || a.value().equals(b.value()));
    }

    private boolean drop(TokenKey key, AccessToken failed) {
        boolean removed = removeIfHeld(key, failed) != null;
        if (removed) {
            // a shared store drops it too, if it is still the shared one
            store.invalidated(key, failed);
        }
        return removed;
    }

    /** Removes the cached token if it is {@code token} (by value): the removed one, or null. */
    private AccessToken removeIfHeld(TokenKey key, AccessToken token) {
        AccessToken[] removed = {null};
        tokens.asMap().computeIfPresent(key, (k, held) -> {
            if (held.value().equals(token.value())) {
                removed[0] = held;
                return null;
            }
            return held;
        });
        return removed[0];
    }

    /** The one request in flight for the key, started if there is none. */
    private CompletableFuture<AccessToken> request(TokenKey key, KeyState state, boolean background) {
        for (;;) {
            CompletableFuture<AccessToken> running = state.inFlight.get();
            if (running != null) {
                return running;
            }
            if (!background) {
                // a request that finished just before ours would start has stored its token
                AccessToken justStored = tokens.getIfPresent(key);
                if (justStored != null) {
                    return CompletableFuture.completedFuture(justStored);
                }
            }
            CompletableFuture<AccessToken> mine = new CompletableFuture<>();
            if (state.inFlight.compareAndSet(null, mine)) {
                // at most one start per minimum interval, whoever asks and whatever the provider answered
                long wait = state.lastStartNanos + policies.apply(key).minRequestInterval().toNanos() - ticker.read();
                if (wait > 0) {
                    try {
                        scheduler.schedule(() -> start(key, state, mine), wait);
                    } catch (RuntimeException rejected) {
                        state.inFlight.compareAndSet(mine, null);
                        mine.completeExceptionally(rejected);
                    }
                } else {
                    start(key, state, mine);
                }
                return mine;
            }
        }
    }

    private void start(TokenKey key, KeyState state, CompletableFuture<AccessToken> mine) {
        try {
            executor.execute(() -> run(key, state, mine));
        } catch (RuntimeException rejected) {
            state.inFlight.compareAndSet(mine, null);
            mine.completeExceptionally(rejected);
        }
    }

    private void run(TokenKey key, KeyState state, CompletableFuture<AccessToken> mine) {
        CachePolicy policy = policies.apply(key);
        state.lastStartNanos = ticker.read();
        AccessToken token;
        try {
            token = store.fetch(key, policy, fetch);
        } catch (Throwable e) {
            // this request's own error: once the slot is released, state.lastError belongs to whichever
            // request runs next (a success clears it)
            TokenAcquisitionException error = asTokenError(key, e);
            failed(key, state, policy, error);
            state.inFlight.compareAndSet(mine, null);
            afterRelease.run();
            mine.completeExceptionally(error);
            return;
        }
        tokens.put(key, token);
        state.heldAside = null;
        if (state.lastError != null && !state.lastError.retryable()) {
            LOG.info("provider={} token requests succeed again", key.provider());
        }
        state.failures = 0;
        state.lastError = null;
        state.retryAtNanos = 0;
        warnIfShorterThanTheInterval(key, state, policy, token);
        long at = token.requestedAtNanos() + (long) (token.lifetime().toNanos()
                * (policy.refreshFrom() + random.getAsDouble() * (policy.refreshTo() - policy.refreshFrom())));
        schedule(key, state, Math.max(0, at - ticker.read()));
        state.inFlight.compareAndSet(mine, null);
        afterRelease.run();
        mine.complete(token);
    }

    /** Once per key while it lasts: tokens that are unusable before the next request may start. */
    private static void warnIfShorterThanTheInterval(TokenKey key, KeyState state, CachePolicy policy, AccessToken token) {
        long usable = token.lifetime().toNanos() - policy.skewNanos(token.lifetime());
        long interval = policy.minRequestInterval().toNanos();
        if (usable >= interval) {
            state.shortLifetimeWarned = false;
        } else if (!state.shortLifetimeWarned) {
            state.shortLifetimeWarned = true;
            LOG.warn("provider={} issues tokens that live {} s (usable {} ms), less than the minimum token request "
                    + "interval of {} ms (token.min-request-interval-ms): a token cannot be replaced as often as it "
                    + "runs out, so callers wait up to {} ms for each next one", key.provider(),
                    token.lifetime().toSeconds(), TimeUnit.NANOSECONDS.toMillis(usable), policy.minRequestInterval().toMillis(),
                    TimeUnit.NANOSECONDS.toMillis(interval - usable));
        }
    }

    private void failed(TokenKey key, KeyState state, CachePolicy policy, TokenAcquisitionException error) {
        TokenAcquisitionException previous = state.lastError;
        int failures = ++state.failures;
        AccessToken aside = state.heldAside;
        if (aside != null) {
            // the refresh it was held for failed: back to it while it lasts (Caffeine drops it if it is over)
            state.heldAside = null;
            tokens.asMap().putIfAbsent(key, aside);
        }
        AccessToken held = tokens.getIfPresent(key);
        long now = ticker.read();
        long usableLeft = held == null ? 0 : Math.max(0, held.remainingNanos(now) - policy.skewNanos(held.lifetime()));
        long delay = Backoff.delayNanos(policy, failures, error.retryable(), error.retryAfter(), usableLeft, random);
        state.retryAtNanos = now + delay;
        // callers with no usable token may send one probe sooner than a long backoff: failing fast must
        // not mean failing for a minute after the provider is back. Never before its Retry-After; an
        // error retrying cannot fix keeps its hold-off (a probe would get the same answer)
        long probe = !error.retryable() ? delay
                : Math.max(policy.probeInterval().toNanos(), error.retryAfter() == null ? 0 : error.retryAfter().toNanos());
        state.probeAtNanos = now + Math.min(delay, probe);
        state.lastError = error;
        if (!error.retryable() && (previous == null || previous.retryable() || !sameCode(previous, error))) {
            LOG.error("provider={} token requests fail with an error that retrying cannot fix (responseCode={}): {}; "
                    + "next attempt in {} s", key.provider(), error.responseCode() == null ? "none"
                    : error.responseCode().raw(), error.getMessage(), TimeUnit.NANOSECONDS.toSeconds(delay));
        }
        if (held != null) {
            // a refresh failed while a token is still usable: keep it, and try again before it runs out
            schedule(key, state, delay);
        }
    }

    private void schedule(TokenKey key, KeyState state, long delayNanos) {
        Scheduler.Cancellable previous = state.timer;
        if (previous != null) {
            previous.cancel();
        }
        state.timer = scheduler.schedule(() -> refresh(key, state), delayNanos);
    }

    /** Background refresh: only for keys used within the keep-warm window. */
    private void refresh(TokenKey key, KeyState state) {
        CachePolicy policy = policies.apply(key);
        if (ticker.read() - state.lastUsedNanos > policy.keepWarm().toNanos()) {
            LOG.debug("provider={} not used for {}; its token is left to expire", key.provider(), policy.keepWarm());
            return;
        }
        listener.backgroundRefresh(key);
        request(key, state, true);
    }

    private AccessToken await(TokenKey key, CompletableFuture<AccessToken> future) {
        Duration timeout = policies.apply(key).acquireTimeout();
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new TokenAcquisitionException(key.provider(), -1, null, null,
                    "no token within the acquire timeout of " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenAcquisitionException(key.provider(), -1, null, null, "interrupted while waiting for a token", e);
        } catch (ExecutionException e) {
            throw asTokenError(key, e.getCause());
        }
    }

    private static TokenAcquisitionException asTokenError(TokenKey key, Throwable e) {
        if (e instanceof TokenAcquisitionException tae) {
            return tae;
        }
        if (e instanceof RuntimeException re && re.getCause() instanceof TokenAcquisitionException tae) {
            return tae;
        }
        return new TokenAcquisitionException(key.provider(), -1, null, null, "the token request failed: " + e, e);
    }

    private static boolean sameCode(TokenAcquisitionException a, TokenAcquisitionException b) {
        return Objects.equals(a.responseCode() == null ? null : a.responseCode().raw(),
                b.responseCode() == null ? null : b.responseCode().raw());
    }

    /** Per key: the request in flight, last use, and the failure state. */
    private static final class KeyState {
        final AtomicReference<CompletableFuture<AccessToken>> inFlight = new AtomicReference<>();
        /** The last use by a caller; a key only health checks asked for counts as unused since long ago. */
        volatile long lastUsedNanos;
        volatile int failures;
        volatile long retryAtNanos;
        /** While failing: when a caller with no usable token may send the next request (a probe). */
        volatile long probeAtNanos;
        volatile TokenAcquisitionException lastError;
        volatile Scheduler.Cancellable timer;
        /** When the last token request started; the next may start a minimum interval later. */
        volatile long lastStartNanos;
        /** The token of the last call that succeeded, or null. */
        volatile AccessToken lastAccepted;
        /** Set while the provider rejects every new token: the last one it rejected. */
        final AtomicReference<AccessToken> newTokensRejected = new AtomicReference<>();
        volatile boolean shortLifetimeWarned;
        /** A token held back during a refresh that replaces it ({@link #hold}), until the refresh ends. */
        volatile AccessToken heldAside;

        KeyState(long nowNanos) {
            this.lastUsedNanos = nowNanos - LONG_AGO;
            this.lastStartNanos = nowNanos - LONG_AGO;
        }
    }

    /** "Long ago" for a key not used or asked for yet: beyond any keep-warm window or interval, without overflow. */
    private static final long LONG_AGO = Long.MAX_VALUE / 4;

    /** An entry lives until its token's expiry less the skew margin, measured from the request. */
    private final class UsableLifetime implements Expiry<TokenKey, AccessToken> {
        @Override
        public long expireAfterCreate(TokenKey key, AccessToken token, long currentTime) {
            return Math.max(0, token.remainingNanos(currentTime) - policies.apply(key).skewNanos(token.lifetime()));
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

package org.camelb2b.token.cluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Function;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;

import org.camelb2b.token.cache.CachePolicy;
import org.camelb2b.token.cache.TokenKey;
import org.camelb2b.token.cache.TokenStore;
import org.camelb2b.token.token.AccessToken;
import org.camelb2b.token.token.TokenAcquisitionException;
import org.camelb2b.token.inbound.ReplayStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token store shared by the members of a Hazelcast cluster: one {@link IMap} entry per
 * credential ({@link SharedToken}), changed only by entry processors ({@link SharedTokenOps}).
 *
 * <p>When an instance's cache needs a token (none held, or its refresh is due), it reads the entry:
 * a token younger than the refresh point ({@link CachePolicy#refreshFrom()} of its lifetime) is
 * taken as it is. Otherwise it asks for the lease ({@link SharedTokenOps.TakeLease}): granted,
 * with a new generation, when no other member holds an unexpired one; it then requests the token
 * from the provider (outside any entry processor, no partition locked) and writes it sealed with
 * that generation ({@link SharedTokenOps.Write}), which is refused if the lease was taken over in
 * the meantime (a member that stalled cannot overwrite a newer token). While its request runs, the
 * holder renews its lease every third of {@code b2b.cluster.lease-ms} ({@link SharedTokenOps.Renew}):
 * a slow provider keeps one request; a member that died or froze stops renewing. Members that
 * find the lease held poll the entry until the token is there or the lease runs out, then take it
 * over; all within the callers' acquire timeout (the lease must be shorter). Written tokens are offered to every member's cache at once (an entry listener), so
 * they move to the new token before the provider rejects the old one.
 *
 * <p>When the cluster cannot be reached, the instance requests its own tokens (its cache is
 * unchanged) and says so once, and in {@link #problem()}, until an operation succeeds again. No
 * operation waits longer than the callers can ({@link Bounded}): an acquisition gives the cluster
 * until a quarter of the acquire timeout is left, then requests its own token in that quarter, so
 * a member that froze with the credential's entry (Hazelcast would wait for it 60 s) costs the
 * callers at most that wait, not their calls.
 */
public final class HazelcastTokenStore implements TokenStore, ReplayStore.Source {

    private static final Logger LOG = LoggerFactory.getLogger(HazelcastTokenStore.class);

    /**
     * The part of the acquire timeout kept for this instance's own token request when the cluster
     * does not answer: a quarter (1.25 s of the default 5 s).
     */
    static final int FALLBACK_RESERVE_PART = 4;

    /**
     * How long the lease holder of a credential whose provider revokes the previous token waits
     * before it asks for the next: the instances hear of the lease in about a millisecond and hold
     * their calls; the calls already sent with the old token arrive meanwhile.
     */
    static final long HAND_OVER_MS = 100;

    /** The least time an operation is given: a loaded member answers in milliseconds, not in this. */
    static final long MIN_OPERATION_MS = 250;

    /** The entry the readiness check reads, before any credential's, to tell whether the cluster answers again (never written). */
    private static final String PROBE = "probe";

    /** The shared map's name. */
    public static final String MAP = "camel-b2b-token.tokens";

    private final HazelcastInstance hazelcast;
    private final boolean owned;
    private final IMap<String, SharedToken> map;
    private final TokenSeal seal;
    private final long leaseMs;
    private final long pollMs;
    /** This store's id in leases: one per instance of the application. */
    private final String member = UUID.randomUUID().toString();
    private final Map<String, TokenKey> keys = new ConcurrentHashMap<>();
    private final AtomicBoolean unreachable = new AtomicBoolean();
    private final AtomicBoolean foreignSeal = new AtomicBoolean();
    private volatile HazelcastReplayStore replays;
    private volatile Listener listener = Listener.NONE;
    private volatile BiConsumer<TokenKey, AccessToken> offers = (k, t) -> { };
    private volatile BiConsumer<TokenKey, AccessToken> holds = (k, t) -> { };
    /** The entries of credentials whose provider revokes the previous token when it issues one. */
    private final Set<String> replacing = ConcurrentHashMap.newKeySet();
    private final UUID entryListener;
    /** Renews the leases of this instance's token requests in flight. */
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "b2b-token-lease-renewal");
        t.setDaemon(true);
        return t;
    });
    /** Test seam: false makes this instance a frozen one (a GC pause, a kill -9): its leases run out. */
    volatile boolean renewLeases = true;

    /**
     * @param hazelcast the member (or client) whose map holds the tokens
     * @param owned     whether {@link #close()} shuts it down (the store made it)
     * @param secret    {@code b2b.cluster.secret}: the same on every member
     * @param lease     how long a member may take for a token request before another takes over
     */
    public HazelcastTokenStore(HazelcastInstance hazelcast, boolean owned, String secret, Duration lease) {
        this(hazelcast, owned, secret, lease, Duration.ofMillis(20));
    }

    HazelcastTokenStore(HazelcastInstance hazelcast, boolean owned, String secret, Duration lease, Duration poll) {
        this.hazelcast = hazelcast;
        this.owned = owned;
        this.map = hazelcast.getMap(MAP);
        this.seal = new TokenSeal(secret);
        this.leaseMs = lease.toMillis();
        this.pollMs = Math.max(1, poll.toMillis());
        this.entryListener = map.addEntryListener(new Written(), true);
    }

    @Override
    public void setListener(Listener listener) {
        this.listener = listener == null ? Listener.NONE : listener;
    }

    @Override
    public void offerTo(BiConsumer<TokenKey, AccessToken> offers) {
        this.offers = offers;
    }

    @Override
    public void holdTo(BiConsumer<TokenKey, AccessToken> holds) {
        this.holds = holds;
    }

    /** This store's id in the leases it takes. */
    String member() {
        return member;
    }

    @Override
    public AccessToken fetch(TokenKey key, CachePolicy policy, Function<TokenKey, AccessToken> provider) {
        String id = mapKey(key);
        keys.putIfAbsent(id, key);
        if (policy.replacesPrevious()) {
            replacing.add(id);
        } else {
            replacing.remove(id);
        }
        SharedToken read = null;
        long deadline = System.nanoTime() + policy.acquireTimeout().toNanos();
        long reserveAt = deadline - policy.acquireTimeout().toNanos() / FALLBACK_RESERVE_PART;
        SharedTokenOps.Lease lease;
        try {
            for (;;) {
                // the cluster has until the reserve to answer: past it, this instance asks for its own
                // token (a member frozen with the entry's partition must not hold up every caller)
                SharedToken shared = Bounded.await(map.getAsync(id), budget(reserveAt));
                read = shared;
                reachable();
                if (shared != null && shared.freshAt(System.currentTimeMillis(), policy.refreshFrom())) {
                    AccessToken token = open(key, id, shared);
                    if (token == null) {
                        // sealed with another secret: nothing usable here; this instance asks for its own
                        // (below, outside this try: a failed request is not a cluster failure)
                        lease = null;
                        break;
                    }
                    listener.sharedHit(key);
                    return token;
                }
                lease = Bounded.await(map.submitToKey(id, new SharedTokenOps.TakeLease(member, leaseMs, policy.refreshFrom())),
                        budget(reserveAt));
                if (lease.outcome() == SharedTokenOps.Lease.Outcome.GRANTED
                        || lease.outcome() == SharedTokenOps.Lease.Outcome.TAKEN_OVER) {
                    break;
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new TokenAcquisitionException(key.provider(), -1, null, null, "another instance holds the "
                            + "token request lease and wrote no token within the acquire timeout of "
                            + policy.acquireTimeout().toMillis() + " ms");
                }
                if (lease.outcome() == SharedTokenOps.Lease.Outcome.BUSY) {
                    pause(key);
                }
                // FRESH: written since it was read; read it
            }
        } catch (TokenAcquisitionException e) {
            throw e;
        } catch (RuntimeException e) {
            return fallback(key, provider, e);
        }
        if (lease == null) {
            return provider.apply(key);
        }
        if (lease.outcome() == SharedTokenOps.Lease.Outcome.TAKEN_OVER) {
            LOG.warn("provider={} token store: took over the token request lease of instance {}, which wrote no token "
                    + "within {} ms (generation {})", key.provider(), lease.holder(), leaseMs, lease.generation());
            listener.leaseTakeover(key);
        }
        AccessToken token;
        // a live holder keeps its lease while its request runs (bounded by the HTTP timeouts): a slow
        // provider is not a dead member; only one that stops renewing (dead, frozen) is taken over
        long every = Math.max(1, leaseMs / 3);
        long generation = lease.generation();
        ScheduledFuture<?> renewal = renewLeases ? renewer.scheduleAtFixedRate(() -> renew(id, generation), every,
                every, TimeUnit.MILLISECONDS) : null;
        try {
            if (policy.replacesPrevious() && read != null && read.hasToken()
                    && read.requestedAtMs() + read.lifetimeMs() > System.currentTimeMillis()) {
                // the lease told every instance (this one too) to hold its calls: the new token will
                // revoke this one; let the calls already on their way with it land first
                pause(key, HAND_OVER_MS);
            }
            token = provider.apply(key);
        } catch (RuntimeException e) {
            cancel(renewal);
            try {
                Bounded.await(map.submitToKey(id, new SharedTokenOps.Release(member, lease.generation())), leaseNanos());
            } catch (RuntimeException unreachableNow) {
                unreachable(key, unreachableNow);
            }
            throw e;
        }
        cancel(renewal);
        return write(key, id, lease.generation(), token);
    }

    private void renew(String id, long generation) {
        try {
            Bounded.await(map.submitToKey(id, new SharedTokenOps.Renew(member, generation, leaseMs)), leaseNanos() / 3);
        } catch (RuntimeException e) {
            // unreachable: the write after the request tells
        }
    }

    private static void cancel(ScheduledFuture<?> renewal) {
        if (renewal != null) {
            renewal.cancel(false);
        }
    }

    /** Writes the token with the lease's generation; refused if the lease was taken over since. */
    private AccessToken write(TokenKey key, String id, long generation, AccessToken token) {
        long requestedAtMs = System.currentTimeMillis()
                - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - token.requestedAtNanos());
        long lifetimeMs = token.lifetime().toMillis();
        byte[] sealed = seal.seal(plaintext(token), associated(id, requestedAtMs, lifetimeMs));
        try {
            boolean written = Bounded.await(map.submitToKey(id, new SharedTokenOps.Write(generation, sealed,
                    seal.mac(token.value()), requestedAtMs, lifetimeMs)), leaseNanos());
            if (written) {
                return token;
            }
            listener.staleWriteRefused(key);
            LOG.warn("provider={} token store: the token this instance requested came after its lease (generation {}) "
                    + "was taken over; it is not shared, the cluster's token stays", key.provider(), generation);
            SharedToken now = Bounded.await(map.getAsync(id), leaseNanos());
            AccessToken shared = now == null || !now.hasToken() ? null : open(key, id, now);
            return shared != null ? shared : token;
        } catch (RuntimeException e) {
            unreachable(key, e);
            return token;
        }
    }

    @Override
    public void invalidated(TokenKey key, AccessToken rejected) {
        try {
            // on the payment call's thread, before its retry waits for a token: at most a second
            Bounded.await(map.submitToKey(mapKey(key), new SharedTokenOps.Invalidate(seal.mac(rejected.value()))),
                    Math.min(leaseNanos(), TimeUnit.SECONDS.toNanos(1)));
            reachable();
        } catch (RuntimeException e) {
            unreachable(key, e);
        }
    }

    /** The inbound flow's replay store, on the same members and secret. */
    @Override
    public ReplayStore replayStore() {
        HazelcastReplayStore r = replays;
        if (r == null) {
            synchronized (this) {
                r = replays;
                if (r == null) {
                    r = new HazelcastReplayStore(hazelcast, seal, Duration.ofMillis(leaseMs));
                    replays = r;
                }
            }
        }
        return r;
    }

    /** The member whose partition holds the credential's entry (where its operations go). */
    @Override
    public Map<String, Object> details(TokenKey key) {
        try {
            Member owner = hazelcast.getPartitionService().getPartition(mapKey(key)).getOwner();
            return owner == null ? Map.of() : Map.of("tokenStoreEntryOwner",
                    owner.getAddress().getHost() + ":" + owner.getAddress().getPort());
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    @Override
    public Optional<String> problem() {
        if (unreachable.get()) {
            // asked every few seconds by the readiness check: when every credential's entry answers
            // again (a frozen member may hold only some partitions), it is cleared, as an operation would
            try {
                for (String id : keys.isEmpty() ? Set.of(PROBE) : keys.keySet()) {
                    Bounded.await(map.getAsync(id), TimeUnit.MILLISECONDS.toNanos(MIN_OPERATION_MS));
                }
                reachable();
            } catch (RuntimeException stillUnreachable) {
                // as it was
            }
        }
        if (unreachable.get()) {
            return Optional.of("the Hazelcast cluster of the token store is unreachable: this instance requests its own "
                    + "tokens until it is back");
        }
        if (foreignSeal.get()) {
            return Optional.of("the shared token store holds tokens sealed with another b2b.cluster.secret: "
                    + "this instance requests its own tokens");
        }
        return Optional.empty();
    }

    private AccessToken fallback(TokenKey key, Function<TokenKey, AccessToken> provider, RuntimeException e) {
        unreachable(key, e);
        return provider.apply(key);
    }

    private void unreachable(TokenKey key, RuntimeException e) {
        listener.fallback(key);
        if (unreachable.compareAndSet(false, true)) {
            LOG.warn("token store: the Hazelcast cluster is unreachable ({}): each instance falls back to its own "
                    + "token cache and requests its own tokens until it is back",
                    Bounded.describe(e));
        }
    }

    private void reachable() {
        if (unreachable.get() && unreachable.compareAndSet(true, false)) {
            LOG.info("token store: the Hazelcast cluster is reachable again; tokens are shared");
        }
    }

    private void pause(TokenKey key) {
        pause(key, pollMs);
    }

    private void pause(TokenKey key, long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenAcquisitionException(key.provider(), -1, null, null, "interrupted while waiting for the "
                    + "instance holding the token request lease");
        }
    }

    /**
     * How long the next operation of an acquisition may take: until the reserve, and never less
     * than {@link #MIN_OPERATION_MS} (polling a live holder's lease past the reserve is normal).
     */
    private static long budget(long reserveAt) {
        return Math.max(reserveAt - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(MIN_OPERATION_MS));
    }

    private long leaseNanos() {
        return TimeUnit.MILLISECONDS.toNanos(leaseMs);
    }

    /** The token in {@code shared}, or null when this instance's secret cannot open it. */
    private AccessToken open(TokenKey key, String id, SharedToken shared) {
        byte[] plain = seal.open(shared.sealed(), associated(id, shared.requestedAtMs(), shared.lifetimeMs()));
        if (plain == null) {
            if (foreignSeal.compareAndSet(false, true)) {
                LOG.error("provider={} token store: a shared token cannot be opened with this instance's "
                        + "b2b.cluster.secret (the members' secrets differ?): this instance requests its own tokens",
                        key.provider());
            }
            return null;
        }
        foreignSeal.set(false);
        String text = new String(plain, StandardCharsets.UTF_8);
        int nl = text.indexOf('\n');
        long ageMs = System.currentTimeMillis() - shared.requestedAtMs();
        return new AccessToken(key.provider(), text.substring(nl + 1), text.substring(0, nl),
                Duration.ofMillis(shared.lifetimeMs()), System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(ageMs),
                Instant.ofEpochMilli(shared.requestedAtMs()));
    }

    private static byte[] plaintext(AccessToken token) {
        return (token.tokenType() + "\n" + token.value()).getBytes(StandardCharsets.UTF_8);
    }

    /** The map key and the token's clear timing: a sealed token opens under its own entry and timing only. */
    private static String associated(String id, long requestedAtMs, long lifetimeMs) {
        return id + "|" + requestedAtMs + "|" + lifetimeMs;
    }

    /** The entry of a credential: its provider and a digest of token URL, client id and key fingerprint. */
    static String mapKey(TokenKey key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((key.tokenUrl() + "\n" + key.clientId() + "\n" + key.keyFingerprint())
                    .getBytes(StandardCharsets.UTF_8));
            return key.provider() + "/" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        renewer.shutdownNow();
        try {
            map.removeEntryListener(entryListener);
        } catch (RuntimeException e) {
            // the instance is gone already
        }
        if (owned) {
            hazelcast.shutdown();
        }
    }

    @Override
    public String toString() {
        return "hazelcast(" + MAP + ")";
    }

    /** Offers each token written by any member to this instance's cache. */
    private final class Written implements EntryAddedListener<String, SharedToken>, EntryUpdatedListener<String, SharedToken> {
        @Override
        public void entryAdded(EntryEvent<String, SharedToken> event) {
            offer(event);
        }

        @Override
        public void entryUpdated(EntryEvent<String, SharedToken> event) {
            offer(event);
        }

        private void offer(EntryEvent<String, SharedToken> event) {
            SharedToken shared = event.getValue();
            TokenKey key = keys.get(event.getKey());
            if (shared == null || !shared.hasToken() || key == null) {
                return;
            }
            AccessToken token = open(key, event.getKey(), shared);
            if (token == null) {
                return;
            }
            if (shared.leasedAt(System.currentTimeMillis()) && replacing.contains(event.getKey())) {
                // an instance started a refresh: the provider refuses this token once it issues the next
                holds.accept(key, token);
            } else {
                // a new token; or the old one after a refresh given up (the lease released), to use again
                offers.accept(key, token);
            }
        }
    }
}

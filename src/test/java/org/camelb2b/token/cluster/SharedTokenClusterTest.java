package org.camelb2b.token.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Ticker;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

import org.camelb2b.token.cache.CachePolicy;
import org.camelb2b.token.cache.Scheduler;
import org.camelb2b.token.cache.TokenCache;
import org.camelb2b.token.cache.TokenKey;
import org.camelb2b.token.cache.TokenStore;
import org.camelb2b.token.testing.Await;
import org.camelb2b.token.testing.LogCapture;
import org.camelb2b.token.token.AccessToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Hazelcast token store across three real members on loopback (TCP/IP join, ports 15711-15713,
 * no multicast), each with the token cache as the application has it, against one token endpoint
 * over real HTTP that counts the requests it receives.
 */
class SharedTokenClusterTest {

    static final String SECRET = "test-cluster-secret-0123456789-abcdef";
    static final Duration LEASE = Duration.ofMillis(1000);
    static final int FIRST_PORT = 15711;

    /** Cold and 401 tests: refresh far away; callers wait up to 10 s. */
    static final CachePolicy POLICY = new CachePolicy(0.70, 0.80, Duration.ofSeconds(30), Duration.ofSeconds(10),
            Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMinutes(30), 4096,
            Duration.ofMillis(50), Duration.ofMillis(100));
    /** Refresh test: a 4 s token refreshed at 50-60% of its lifetime. */
    static final CachePolicy REFRESHING = new CachePolicy(0.50, 0.60, Duration.ofSeconds(30), Duration.ofSeconds(10),
            Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMinutes(30), 4096,
            Duration.ofMillis(50), Duration.ofMillis(100));

    /** Callers wait up to 2 s: the cluster has until 1.5 s to answer. */
    static final CachePolicy UNANSWERED = new CachePolicy(0.70, 0.80, Duration.ofSeconds(30), Duration.ofSeconds(2),
            Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMinutes(30), 4096,
            Duration.ofMillis(50), Duration.ofMillis(100));

    /** A 3 s token refreshed at 50-60%, whose provider revokes the previous token on issuing one. */
    static final CachePolicy REPLACING = REFRESHING.withReplacesPrevious(true);

    static final List<Member> MEMBERS = new ArrayList<>();
    static volatile TokenStub stub;
    static final java.util.Map<String, TokenStub> STUBS = new ConcurrentHashMap<>();

    /** One application instance: a Hazelcast member, the store on it, and a token cache in front. */
    static final class Member implements AutoCloseable {
        final HazelcastInstance hazelcast;
        final HazelcastTokenStore store;
        final TokenCache cache;
        final Counts counts = new Counts();
        final ExecutorService fetchThreads = Executors.newCachedThreadPool();
        final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();

        Member(HazelcastInstance hazelcast, String secret) {
            this.hazelcast = hazelcast;
            this.store = new HazelcastTokenStore(hazelcast, true, secret, LEASE);
            // each key asks the stub of the test that made it (a refresh of an earlier test's key never counts here)
            this.cache = new TokenCache(key -> STUBS.get(key.clientId()).fetch().apply(key),
                    key -> key.clientId().startsWith("refresh") ? REFRESHING
                            : key.clientId().startsWith("unanswered") ? UNANSWERED
                            : key.clientId().startsWith("replacing") ? REPLACING : POLICY, Ticker.systemTicker(),
                    fetchThreads, Scheduler.of(timers), () -> ThreadLocalRandom.current().nextDouble());
            store.setListener(counts);
            cache.setStore(store);
        }

        @Override
        public void close() {
            timers.shutdownNow();
            fetchThreads.shutdownNow();
            store.close();
        }
    }

    static final class Counts implements TokenStore.Listener {
        final AtomicInteger sharedHits = new AtomicInteger();
        final AtomicInteger takeovers = new AtomicInteger();
        final AtomicInteger refusedWrites = new AtomicInteger();
        final AtomicInteger fallbacks = new AtomicInteger();

        @Override
        public void sharedHit(TokenKey key) {
            sharedHits.incrementAndGet();
        }

        @Override
        public void leaseTakeover(TokenKey key) {
            takeovers.incrementAndGet();
        }

        @Override
        public void staleWriteRefused(TokenKey key) {
            refusedWrites.incrementAndGet();
        }

        @Override
        public void fallback(TokenKey key) {
            fallbacks.incrementAndGet();
        }
    }

    /** Members of one cluster on {@code ports}, as the settings make them (tests join at once). */
    static List<HazelcastInstance> cluster(int... ports) {
        String name = "b2b-test-" + UUID.randomUUID();
        List<String> members = new ArrayList<>();
        for (int port : ports) {
            members.add("127.0.0.1:" + port);
        }
        List<HazelcastInstance> started = new ArrayList<>();
        for (int port : ports) {
            Config config = HazelcastTokenStores.config(new HazelcastTokenStores.Settings(name, port, members, SECRET, LEASE));
            config.setProperty("hazelcast.wait.seconds.before.join", "0");
            config.setProperty("hazelcast.max.wait.seconds.before.join", "0");
            started.add(Hazelcast.newHazelcastInstance(config));
        }
        return started;
    }

    @BeforeAll
    static void startMembers() {
        for (HazelcastInstance hz : cluster(FIRST_PORT, FIRST_PORT + 1, FIRST_PORT + 2)) {
            MEMBERS.add(new Member(hz, SECRET));
        }
        assertEquals(3, MEMBERS.get(0).hazelcast.getCluster().getMembers().size(), "one cluster of three");
    }

    @AfterAll
    static void stopMembers() {
        MEMBERS.forEach(Member::close);
    }

    @BeforeEach
    void newStub() throws Exception {
        stub = new TokenStub();
    }

    @AfterEach
    void closeStub() {
        stub.close();
    }

    static TokenKey key(String name) {
        TokenKey key = new TokenKey("p", "http://127.0.0.1/token", name + "-" + UUID.randomUUID(), "f".repeat(64));
        STUBS.put(key.clientId(), stub);
        return key;
    }

    @Test
    void threeMembersTimesFortyColdCallersMakeOneTokenRequest() throws Exception {
        TokenKey key = key("cold");
        ExecutorService callers = Executors.newFixedThreadPool(120);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<AccessToken>> calls = new ArrayList<>();
            for (Member m : MEMBERS) {
                for (int i = 0; i < 40; i++) {
                    calls.add(callers.submit(() -> {
                        go.await();
                        return m.cache.get(key);
                    }));
                }
            }
            go.countDown();
            Set<String> values = ConcurrentHashMap.newKeySet();
            for (Future<AccessToken> call : calls) {
                values.add(call.get(30, TimeUnit.SECONDS).value());
            }
            assertEquals(1, stub.requests(), "token requests the provider received from the whole cluster");
            assertEquals(1, values.size(), "every caller on every member has the one token: " + values);
            assertTrue(MEMBERS.stream().mapToInt(m -> m.counts.sharedHits.get()).sum() >= 2,
                    "the two members that did not request it took it from the shared map");
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void refreshAheadMakesOneTokenRequestPerCycleForTheWholeCluster() throws Exception {
        stub.lifetimeMs = 4000;
        TokenKey key = key("refresh");
        for (Member m : MEMBERS) {
            m.cache.get(key);
        }
        assertEquals(1, stub.requests());
        // steady use on every member for ~9 s: a refresh at 2.0-2.4 s of each 4 s token, about 4 cycles
        Set<String> seen = ConcurrentHashMap.newKeySet();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(9);
        while (System.nanoTime() < end) {
            for (Member m : MEMBERS) {
                seen.add(m.cache.get(key).value());
            }
            Thread.sleep(50);
        }
        int requests = stub.requests();
        // one member's three would be 3x: a shared refresh makes one request per cycle, whoever's timer fires first
        assertTrue(requests >= 3 && requests <= 6, "token requests over ~4 refresh cycles of three members: " + requests);
        assertEquals(requests, seen.size(), "every token requested was used by the members (none wasted)");
        // each member ends on the newest token: the one written last
        Await.until(Duration.ofSeconds(5), () -> MEMBERS.stream().allMatch(m -> ("tok-" + stub.requests() + "-aaaaaaaaaaaaaaaa")
                .equals(m.cache.peek(key) == null ? null : m.cache.peek(key).value())));
        for (Member m : MEMBERS) {
            assertEquals("tok-" + stub.requests() + "-aaaaaaaaaaaaaaaa", m.cache.peek(key).value());
        }
    }

    @Test
    void aStalledLeaseHolderIsTakenOverAndItsLateTokenIsRefused() throws Exception {
        TokenKey key = key("stall");
        Member stalled = MEMBERS.get(0);
        Member other = MEMBERS.get(1);
        int takeovers = other.counts.takeovers.get();
        int refused = stalled.counts.refusedWrites.get();
        stub.holdNext();
        // frozen while its request is out (a GC pause, kill -9): it does not renew its lease
        stalled.store.renewLeases = false;
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            Future<AccessToken> first = callers.submit(() -> stalled.cache.get(key));
            assertTrue(stub.held.await(10, TimeUnit.SECONDS), "the first token request reached the provider and hangs");
            long start = System.nanoTime();
            AccessToken taken = callers.submit(() -> other.cache.get(key)).get(15, TimeUnit.SECONDS);
            long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals("tok-2-aaaaaaaaaaaaaaaa", taken.value(), "the other member took over and requested a token");
            assertTrue(waitedMs < POLICY.acquireTimeout().toMillis(), "within the acquire timeout: " + waitedMs + " ms");
            assertEquals(takeovers + 1, other.counts.takeovers.get());

            stub.release(); // the stalled request answers now, with tok-1
            AccessToken late = first.get(15, TimeUnit.SECONDS);
            assertEquals(refused + 1, stalled.counts.refusedWrites.get(), "its write with the old generation was refused");
            assertEquals("tok-2-aaaaaaaaaaaaaaaa", late.value(), "the stalled member uses the cluster's token, not its late one");
            assertEquals("tok-2-aaaaaaaaaaaaaaaa", MEMBERS.get(2).cache.get(key).value(), "the shared token is still the newer one");
            assertEquals(2, stub.requests());
        } finally {
            stalled.store.renewLeases = true;
            callers.shutdownNow();
        }
    }

    @Test
    void aSlowButLiveLeaseHolderKeepsItsLeaseAndTheClusterOneRequest() throws Exception {
        TokenKey key = key("slow");
        Member slow = MEMBERS.get(0);
        Member other = MEMBERS.get(1);
        int takeovers = other.counts.takeovers.get();
        stub.holdNext();
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            Future<AccessToken> first = callers.submit(() -> slow.cache.get(key));
            assertTrue(stub.held.await(10, TimeUnit.SECONDS));
            Future<AccessToken> waiting = callers.submit(() -> other.cache.get(key));
            // the provider takes 3 lease lengths to answer; the holder renews its lease meanwhile
            Thread.sleep(3 * LEASE.toMillis());
            stub.release();
            assertEquals("tok-1-aaaaaaaaaaaaaaaa", first.get(15, TimeUnit.SECONDS).value());
            assertEquals("tok-1-aaaaaaaaaaaaaaaa", waiting.get(15, TimeUnit.SECONDS).value(), "it waited for the holder");
            assertEquals(1, stub.requests(), "no takeover of a live holder: one token request");
            assertEquals(takeovers, other.counts.takeovers.get());
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aRejectedTokenIsDroppedClusterWideOnlyWhileItIsTheSharedOne() throws Exception {
        TokenKey key = key("revoked");
        AccessToken first = null;
        for (Member m : MEMBERS) {
            first = m.cache.get(key);
            m.cache.accepted(key, first);
        }
        assertEquals(1, stub.requests());
        // member 0's call is refused with it (revoked): dropped here and in the shared map
        assertTrue(MEMBERS.get(0).cache.rejected(key, first).retry());
        AccessToken second = MEMBERS.get(0).cache.get(key);
        assertEquals("tok-2-aaaaaaaaaaaaaaaa", second.value());
        // the others are given the new token as it is written, without a request of their own
        Await.until(Duration.ofSeconds(5), () -> MEMBERS.stream().allMatch(m -> second.value().equals(m.cache.peek(key).value())));
        for (Member m : MEMBERS) {
            assertEquals(second.value(), m.cache.get(key).value());
        }
        // a late report of the old token (a call that was in flight) drops nothing: the shared token is newer
        MEMBERS.get(1).store.invalidated(key, first);
        MEMBERS.get(2).cache.rejected(key, first);
        try (HazelcastTokenStore view = new HazelcastTokenStore(MEMBERS.get(2).hazelcast, false, SECRET, LEASE)) {
            AccessToken shared = view.fetch(key, POLICY, k -> {
                throw new AssertionError("the shared token was dropped: a token request");
            });
            assertEquals(second.value(), shared.value());
        }
        assertEquals(2, stub.requests(), "one new token for the whole cluster");
    }

    @Test
    void aMemberWithoutTheSecretReadsNothingUsableAndTheMapHoldsNoToken() throws Exception {
        TokenKey key = key("sealed");
        AccessToken token = MEMBERS.get(0).cache.get(key);
        SharedToken raw = (SharedToken) MEMBERS.get(1).hazelcast.getMap(HazelcastTokenStore.MAP)
                .get(HazelcastTokenStore.mapKey(key));
        assertNotNull(raw);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(raw);
        }
        String serialized = bytes.toString(StandardCharsets.ISO_8859_1);
        assertFalse(serialized.contains(token.value()), "the token in clear in the map's value");
        assertFalse(serialized.contains("tok-"), "part of the token in clear in the map's value");
        assertFalse(raw.toString().contains("tok-"), raw.toString());

        AtomicInteger ownRequests = new AtomicInteger();
        Function<TokenKey, AccessToken> own = k -> {
            ownRequests.incrementAndGet();
            return new AccessToken(k.provider(), "own-token-bbbbbbbbbbbb", "Bearer", Duration.ofMinutes(15),
                    System.nanoTime(), java.time.Instant.now());
        };
        for (String wrong : new String[] {"another-cluster-secret-0123456789-abcdef", SECRET + "x"}) {
            try (LogCapture log = new LogCapture();
                 HazelcastTokenStore outsider = new HazelcastTokenStore(MEMBERS.get(2).hazelcast, false, wrong, LEASE)) {
                AccessToken got = outsider.fetch(key, POLICY, own);
                assertEquals("own-token-bbbbbbbbbbbb", got.value(), "it could not use the shared token");
                assertTrue(outsider.problem().isPresent());
                assertEquals(1, log.lines("ERROR", "cannot be opened with this instance's b2b.cluster.secret").size(),
                        log.lines().toString());
                assertTrue(log.lines().stream().noneMatch(l -> l.contains(token.value())));
            }
        }
        assertEquals(2, ownRequests.get());
        // and it wrote nothing: the members' token is still shared
        assertEquals(token.value(), MEMBERS.get(1).cache.get(key).value());
        assertEquals(1, stub.requests());
    }

    /**
     * The inbound replay store on the same members: an X-EXTERNAL-ID one member claimed is a replay
     * on every other, of concurrent claims one wins, a released claim can be taken again, and the
     * map holds neither the partner nor the id.
     */
    @Test
    void anExternalIdOneMemberClaimedIsAReplayOnEveryOther() throws Exception {
        List<org.camelb2b.token.inbound.ReplayStore> stores = new ArrayList<>();
        MEMBERS.forEach(m -> stores.add(m.store.replayStore()));
        java.time.LocalDate day = java.time.LocalDate.of(2026, 11, 23);
        String id = "EXT-" + UUID.randomUUID();
        assertTrue(stores.get(0).claim("doku", "DOKU-PARTNER", id, day));
        assertFalse(stores.get(1).claim("doku", "DOKU-PARTNER", id, day));
        assertFalse(stores.get(2).claim("doku", "DOKU-PARTNER", id, day));
        // another partner, provider or day is another claim
        assertTrue(stores.get(1).claim("doku", "OTHER-PARTNER", id, day));
        assertTrue(stores.get(1).claim("bri", "DOKU-PARTNER", id, day));
        assertTrue(stores.get(2).claim("doku", "DOKU-PARTNER", id, day.plusDays(1)));
        // released by one member (its handling failed), taken by another
        stores.get(1).release("doku", "DOKU-PARTNER", id, day);
        assertTrue(stores.get(2).claim("doku", "DOKU-PARTNER", id, day));

        String raced = "EXT-" + UUID.randomUUID();
        ExecutorService racers = Executors.newFixedThreadPool(12);
        try {
            List<java.util.concurrent.Future<Boolean>> wins = new ArrayList<>();
            for (int i = 0; i < 36; i++) {
                org.camelb2b.token.inbound.ReplayStore s = stores.get(i % 3);
                wins.add(racers.submit(() -> s.claim("doku", "DOKU-PARTNER", raced, day)));
            }
            int won = 0;
            for (java.util.concurrent.Future<Boolean> w : wins) {
                won += w.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(1, won, "of 36 concurrent claims on three members, one wins");
        } finally {
            racers.shutdownNow();
        }
        for (Object key : MEMBERS.get(0).hazelcast.getMap(HazelcastReplayStore.MAP).keySet()) {
            assertFalse(key.toString().contains("DOKU-PARTNER") || key.toString().contains(id), key.toString());
        }
    }

    @Test
    void whenTheClusterIsGoneEachMemberFallsBackToItsOwnTokensAndSaysSoOnce() throws Exception {
        List<Member> pair = new ArrayList<>();
        for (HazelcastInstance hz : cluster(FIRST_PORT + 10, FIRST_PORT + 11)) {
            pair.add(new Member(hz, SECRET));
        }
        try (LogCapture log = new LogCapture()) {
            TokenKey key = key("fallback");
            AccessToken shared = pair.get(0).cache.get(key);
            assertEquals(shared.value(), pair.get(1).cache.get(key).value());
            assertEquals(1, stub.requests());
            assertTrue(pair.get(0).store.problem().isEmpty());

            pair.forEach(m -> m.hazelcast.getLifecycleService().terminate());
            Member alone = pair.get(0);
            // each revoked token is dropped here and a new one requested: the store is unreachable each time
            AccessToken held = shared;
            for (int i = 0; i < 3; i++) {
                alone.cache.accepted(key, held);
                assertTrue(alone.cache.rejected(key, held).retry());
                AccessToken next = alone.cache.get(key);
                assertFalse(next.value().equals(held.value()), "a new token of its own");
                held = next;
            }
            assertEquals(4, stub.requests(), "the calls did not fail: this member requested its own tokens");
            assertTrue(alone.counts.fallbacks.get() >= 3);
            assertTrue(alone.store.problem().orElse("").contains("unreachable"), "what the readiness check shows");
            assertEquals(1, log.lines("WARN", "the Hazelcast cluster is unreachable").size(), log.lines().toString());
        } finally {
            pair.forEach(Member::close);
        }
    }

    /** Holds the partition thread of its entry until {@link #RELEASE} opens: a member that stopped answering. */
    static final java.util.concurrent.CountDownLatch RELEASE = new java.util.concurrent.CountDownLatch(1);

    static final class Block implements com.hazelcast.map.EntryProcessor<String, SharedToken, Boolean> {
        private static final long serialVersionUID = 1L;

        @Override
        public Boolean process(java.util.Map.Entry<String, SharedToken> entry) {
            try {
                return RELEASE.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /**
     * The member owning a credential's entry does not answer (frozen; Hazelcast would wait 60 s
     * for it): callers still get a token within their acquire timeout, this member's own, and the
     * readiness check says so until the member answers again.
     */
    @Test
    void whenTheEntrysMemberDoesNotAnswerCallersGetATokenWithinTheirTimeout() throws Exception {
        List<Member> pair = new ArrayList<>();
        for (HazelcastInstance hz : cluster(FIRST_PORT + 20, FIRST_PORT + 21)) {
            pair.add(new Member(hz, SECRET));
        }
        try (LogCapture log = new LogCapture()) {
            TokenKey key = key("unanswered");
            pair.get(0).hazelcast.<String, SharedToken>getMap(HazelcastTokenStore.MAP)
                    .submitToKey(HazelcastTokenStore.mapKey(key), new Block());
            long start = System.nanoTime();
            AccessToken token = pair.get(1).cache.get(key);
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(tookMs < 2000, "within the 2 s acquire timeout, took " + tookMs + " ms");
            assertTrue(tookMs >= 1400, "after the cluster's 1.5 s to answer, took " + tookMs + " ms");
            assertEquals(1, stub.requests());
            assertEquals("tok-1-aaaaaaaaaaaaaaaa", token.value(), "the token this member requested");
            assertEquals(1, pair.get(1).counts.fallbacks.get());
            assertTrue(pair.get(1).store.problem().orElse("").contains("unreachable"), "what the readiness check shows");
            assertEquals(1, log.lines("WARN", "no answer from the cluster within").size(), log.lines().toString());

            RELEASE.countDown();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (pair.get(1).store.problem().isPresent() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(pair.get(1).store.problem().isEmpty(), "the readiness check sees the cluster answer again");
        } finally {
            RELEASE.countDown();
            pair.forEach(Member::close);
        }
    }

    /** Members listed on loopback listen on loopback only: Hazelcast's default is every interface. */
    @Test
    void membersOnLoopbackAreNotReachableFromOtherInterfaces() throws Exception {
        List<java.net.InetAddress> others = new ArrayList<>();
        for (java.net.NetworkInterface nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                nic.inetAddresses().filter(a -> a instanceof java.net.Inet4Address).forEach(others::add);
            }
        }
        org.junit.jupiter.api.Assumptions.assumeFalse(others.isEmpty(), "this machine has no other interface to try");
        for (java.net.InetAddress address : others) {
            try (java.net.Socket socket = new java.net.Socket()) {
                org.junit.jupiter.api.Assertions.assertThrows(java.net.ConnectException.class,
                        () -> socket.connect(new java.net.InetSocketAddress(address, FIRST_PORT), 2000),
                        "member port reachable on " + address);
            }
        }
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", FIRST_PORT), 2000);
            assertTrue(socket.isConnected(), "and reachable on loopback");
        }
    }

    /**
     * The store on a Hazelcast client of an existing cluster (the application's instance): its
     * entry processors run on the members, which have this library's classes, as the README asks.
     */
    @Test
    void aClientOfTheClusterSharesTheMembersToken() throws Exception {
        com.hazelcast.client.config.ClientConfig config = new com.hazelcast.client.config.ClientConfig();
        config.setClusterName(MEMBERS.get(0).hazelcast.getConfig().getClusterName());
        config.getNetworkConfig().addAddress("127.0.0.1:" + FIRST_PORT);
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        Member client = new Member(com.hazelcast.client.HazelcastClient.newHazelcastClient(config), SECRET);
        try {
            TokenKey key = key("client");
            AccessToken onMember = MEMBERS.get(2).cache.get(key);
            assertEquals(onMember.value(), client.cache.get(key).value(), "the client reads the members' token");
            assertEquals(1, stub.requests());
            assertEquals(1, client.counts.sharedHits.get());
            assertEquals(0, client.counts.fallbacks.get());

            // the client reports the token rejected: one new token, pushed to the members
            client.cache.accepted(key, onMember);
            assertTrue(client.cache.rejected(key, onMember).retry());
            AccessToken next = client.cache.get(key);
            assertEquals(2, stub.requests());
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!MEMBERS.get(0).cache.get(key).value().equals(next.value()) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(next.value(), MEMBERS.get(0).cache.get(key).value(), "the members moved to the client's token");
            assertEquals(2, stub.requests());
        } finally {
            client.close();
        }
    }

    /**
     * No token in what Hazelcast itself writes: its logs at every level, and its diagnostics files
     * (metrics, operation profiler, invocations, slow operations) while tokens are written,
     * shared, invalidated and replaced.
     */
    @Test
    void noTokenInHazelcastsOwnLogsOrDiagnostics(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.util.Map<String, String> diagnostics = java.util.Map.of(
                "hazelcast.diagnostics.enabled", "true",
                "hazelcast.diagnostics.directory", dir.toString(),
                "hazelcast.diagnostics.metric.level", "debug",
                "hazelcast.diagnostics.metrics.period.seconds", "1",
                "hazelcast.diagnostics.operation-profiler.period.seconds", "1",
                "hazelcast.diagnostics.invocation.sample.period.seconds", "1",
                "hazelcast.diagnostics.invocation.slow.threshold.seconds", "0",
                "hazelcast.diagnostics.slowoperations.period.seconds", "1",
                "hazelcast.slow.operation.detector.threshold.millis", "1");
        diagnostics.forEach(System::setProperty);
        org.apache.logging.log4j.Level before = org.apache.logging.log4j.LogManager.getLogger("com.hazelcast").getLevel();
        org.apache.logging.log4j.core.config.Configurator.setLevel("com.hazelcast", org.apache.logging.log4j.Level.ALL);
        List<Member> pair = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        try (LogCapture log = new LogCapture(org.apache.logging.log4j.Level.ALL)) {
            for (HazelcastInstance hz : cluster(FIRST_PORT + 30, FIRST_PORT + 31)) {
                pair.add(new Member(hz, SECRET));
            }
            TokenKey key = key("diagnostics");
            AccessToken first = pair.get(0).cache.get(key);
            assertEquals(first.value(), pair.get(1).cache.get(key).value());
            pair.get(1).cache.accepted(key, first);
            assertTrue(pair.get(1).cache.rejected(key, first).retry());
            AccessToken second = pair.get(1).cache.get(key);
            tokens.add(first.value());
            tokens.add(second.value());
            // a slow operation on the entry, for the slow operation log
            pair.get(0).hazelcast.<String, SharedToken>getMap(HazelcastTokenStore.MAP)
                    .submitToKey(HazelcastTokenStore.mapKey(key), new Pause()).toCompletableFuture().get();
            Thread.sleep(2500);
            pair.forEach(Member::close);
            pair.clear();

            StringBuilder written = new StringBuilder();
            try (var files = java.nio.file.Files.list(dir)) {
                for (java.nio.file.Path f : files.toList()) {
                    written.append(java.nio.file.Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1));
                }
            }
            assertTrue(written.toString().contains(HazelcastTokenStore.MAP), "the diagnostics saw the token map");
            assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("DEBUG com.hazelcast")
                    || l.startsWith("TRACE com.hazelcast")), "Hazelcast logged below INFO");
            for (String token : tokens) {
                assertFalse(written.toString().contains(token), "a token in Hazelcast's diagnostics");
                assertTrue(log.lines().stream().noneMatch(l -> l.contains(token)), "a token in a log line");
            }
        } finally {
            pair.forEach(Member::close);
            diagnostics.keySet().forEach(System::clearProperty);
            org.apache.logging.log4j.core.config.Configurator.setLevel("com.hazelcast", before);
        }
    }

    static final class Pause implements com.hazelcast.map.EntryProcessor<String, SharedToken, Boolean> {
        private static final long serialVersionUID = 1L;

        @Override
        public Boolean process(java.util.Map.Entry<String, SharedToken> entry) {
            await(50);
            return true;
        }
    }

    /**
     * A provider that revokes the previous token when it issues one ({@code token.replaces-previous}):
     * during each refresh every member holds its calls for the new token, so none is sent with the
     * revoked one. Callers on all three members call without pause through several refreshes; a
     * call "reaches the provider" the moment it has its token and is refused unless that token is
     * the one issued last.
     */
    @Test
    void whenNewTokensRevokeTheOldOnesEveryMemberHoldsItsCallsDuringARefresh() throws Exception {
        TokenKey key = key("replacing");
        stub.lifetimeMs = 3000;
        MEMBERS.get(0).cache.get(key);
        AtomicInteger ok = new AtomicInteger();
        java.util.concurrent.ConcurrentLinkedQueue<String> refused = new java.util.concurrent.ConcurrentLinkedQueue<>();
        ExecutorService callers = Executors.newFixedThreadPool(9);
        long until = System.nanoTime() + Duration.ofSeconds(7).toNanos();
        List<java.util.concurrent.Future<?>> running = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            Member m = MEMBERS.get(i % 3);
            running.add(callers.submit(() -> {
                while (System.nanoTime() < until) {
                    String token = m.cache.get(key).value();
                    String current = stub.current;
                    if (token.equals(current)) {
                        ok.incrementAndGet();
                    } else {
                        refused.add(token + " while " + current + " was current");
                    }
                    await(2);
                }
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> f : running) {
            f.get(30, TimeUnit.SECONDS);
        }
        callers.shutdownNow();
        assertTrue(stub.requests() >= 4 && stub.requests() <= 7, "one request per cycle: " + stub.requests());
        assertTrue(ok.get() > 1000, "calls made: " + ok.get());
        assertEquals(List.of(), List.copyOf(refused), "calls sent with a revoked token");
    }

    @Test
    void aTokenWrittenWithAnOldGenerationIsRefused() {
        TokenKey key = key("generation");
        HazelcastInstance hz = MEMBERS.get(0).hazelcast;
        String id = HazelcastTokenStore.mapKey(key);
        var map = hz.<String, SharedToken>getMap(HazelcastTokenStore.MAP);
        SharedTokenOps.Lease a = map.executeOnKey(id, new SharedTokenOps.TakeLease("a", 1, 0.7));
        assertEquals(SharedTokenOps.Lease.Outcome.GRANTED, a.outcome());
        await(5);
        SharedTokenOps.Lease b = map.executeOnKey(id, new SharedTokenOps.TakeLease("b", 60_000, 0.7));
        assertEquals(SharedTokenOps.Lease.Outcome.TAKEN_OVER, b.outcome());
        assertEquals(SharedTokenOps.Lease.Outcome.BUSY,
                map.executeOnKey(id, new SharedTokenOps.TakeLease("c", 60_000, 0.7)).outcome(), "b's lease holds");
        assertFalse(map.executeOnKey(id, new SharedTokenOps.Write(a.generation(), new byte[40], "mac-a",
                System.currentTimeMillis(), 60_000)), "a's write, after its lease was taken over");
        assertNull(map.get(id).sealed());
        assertTrue(map.executeOnKey(id, new SharedTokenOps.Write(b.generation(), new byte[40], "mac-b",
                System.currentTimeMillis(), 60_000)));
        assertEquals("mac-b", map.get(id).tokenMac());
        assertEquals(SharedTokenOps.Lease.Outcome.FRESH,
                map.executeOnKey(id, new SharedTokenOps.TakeLease("c", 60_000, 0.7)).outcome());
    }

    private static void await(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

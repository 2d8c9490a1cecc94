package org.camelb2b.token.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camelb2b.token.cache.TokenStore;
import org.camelb2b.token.flow.B2bRuntime;
import org.camelb2b.token.provider.ConfigurationException;
import org.camelb2b.token.sandbox.SandboxProvider;
import org.camelb2b.token.testing.FaultyProvider;
import org.camelb2b.token.testing.SandboxSetup;
import org.camelb2b.token.testing.TestApp;
import org.junit.jupiter.api.Test;

/** {@code b2b.token.store} in the standalone application: the settings, and two apps sharing one token. */
class ClusterAppTest {

    static final String SECRET = "app-test-cluster-secret-0123456789abcdef";

    static {
        // members of a test join at once (Hazelcast reads its properties from the system's too)
        System.setProperty("hazelcast.wait.seconds.before.join", "0");
    }

    @Test
    void theLocalStoreIsTheDefault() throws Exception {
        try (SandboxProvider sandbox = SandboxSetup.start(); TestApp app = TestApp.start(SandboxSetup.settings(sandbox))) {
            assertSame(TokenStore.LOCAL, B2bRuntime.of(app.context()).cache().store());
            // and the inbound replays stay in this instance's memory
            assertInstanceOf(org.camelb2b.token.inbound.MemoryReplayStore.class,
                    org.camelb2b.token.inbound.InboundRuntime.of(app.context()).replays());
        }
    }

    @Test
    void aHazelcastStoreWithoutItsSettingsFailsStartupNamingEachOfThem() throws Exception {
        try (SandboxProvider sandbox = SandboxSetup.start()) {
            Map<String, String> p = SandboxSetup.settings(sandbox);
            p.put("b2b.token.store", "hazelcast");
            p.put("b2b.cluster.members", "127.0.0.1:15741, nonsense");
            p.put("b2b.cluster.lease-ms", "soon");
            Exception e = assertThrows(Exception.class, () -> TestApp.start(p).close());
            ConfigurationException config = configurationException(e);
            List<String> problems = config.problems();
            assertTrue(problems.stream().anyMatch(m -> m.startsWith("b2b.cluster.secret: is required")), problems.toString());
            assertTrue(problems.stream().anyMatch(m -> m.startsWith("b2b.cluster.port: is required")), problems.toString());
            assertTrue(problems.stream().anyMatch(m -> m.startsWith("b2b.cluster.members: 'nonsense' is not host:port")),
                    problems.toString());
            assertTrue(problems.stream().anyMatch(m -> m.startsWith("b2b.cluster.lease-ms: must be")), problems.toString());

            p.put("b2b.token.store", "redis");
            List<String> other = configurationException(assertThrows(Exception.class, () -> TestApp.start(p).close())).problems();
            assertEquals(List.of("b2b.token.store: must be local or hazelcast, was 'redis'"), other);

            p.put("b2b.token.store", "hazelcast");
            p.put("b2b.cluster.secret", "short-secret-value");
            p.put("b2b.cluster.port", "15741");
            p.put("b2b.cluster.members", "127.0.0.1:15741");
            p.remove("b2b.cluster.lease-ms");
            ConfigurationException shortSecret = configurationException(assertThrows(Exception.class,
                    () -> TestApp.start(p).close()));
            assertEquals(List.of("b2b.cluster.secret: must be at least 32 characters, was 18"), shortSecret.problems());
            assertFalse(shortSecret.getMessage().contains("short-secret-value"));
        }
    }

    private static ConfigurationException configurationException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConfigurationException c) {
                return c;
            }
        }
        throw new AssertionError("no ConfigurationException in " + e, e);
    }

    @Test
    void twoAppsOnOneClusterMakeOneTokenRequestForTheirCallers() throws Exception {
        try (SandboxProvider sandbox = SandboxSetup.start(); FaultyProvider doku = new FaultyProvider(1)) {
            Map<String, String> p = SandboxSetup.settings(sandbox);
            p.put("b2b.doku.base-url", doku.baseUrl());
            p.put("b2b.token.store", "hazelcast");
            p.put("b2b.cluster.name", "b2b-app-test-" + System.nanoTime());
            p.put("b2b.cluster.secret", SECRET);
            p.put("b2b.cluster.members", "127.0.0.1:15751,127.0.0.1:15752");
            Map<String, String> first = new HashMap<>(p);
            first.put("b2b.cluster.port", "15751");
            Map<String, String> second = new HashMap<>(p);
            second.put("b2b.cluster.port", "15752");
            ExecutorService callers = Executors.newFixedThreadPool(40);
            try (TestApp a = TestApp.start(first); TestApp b = TestApp.start(second)) {
                B2bRuntime ra = B2bRuntime.of(a.context());
                B2bRuntime rb = B2bRuntime.of(b.context());
                assertInstanceOf(HazelcastTokenStore.class, ra.cache().store());
                java.util.List<Future<String>> calls = new java.util.ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    calls.add(callers.submit(() -> ra.token("doku").value()));
                    calls.add(callers.submit(() -> rb.token("doku").value()));
                }
                java.util.Set<String> values = new java.util.HashSet<>();
                for (Future<String> call : calls) {
                    values.add(call.get(30, TimeUnit.SECONDS));
                }
                assertEquals(1, doku.requests(FaultyProvider.TOKEN_PATH), "token requests the provider received");
                assertEquals(1, values.size());

                // the inbound flow's replays are the cluster's: an X-EXTERNAL-ID app a took is a replay at app b
                org.camelb2b.token.inbound.ReplayStore ia = org.camelb2b.token.inbound.InboundRuntime.of(a.context()).replays();
                org.camelb2b.token.inbound.ReplayStore ib = org.camelb2b.token.inbound.InboundRuntime.of(b.context()).replays();
                assertInstanceOf(HazelcastReplayStore.class, ia);
                java.time.LocalDate day = java.time.LocalDate.of(2026, 11, 23);
                assertEquals(true, ia.claim("doku", "DOKU-PARTNER", "EXT-APP-1", day));
                assertEquals(false, ib.claim("doku", "DOKU-PARTNER", "EXT-APP-1", day));
            } finally {
                callers.shutdownNow();
            }
        }
    }
}

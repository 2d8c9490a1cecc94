package org.camelb2b.token.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

import org.apache.camel.Exchange;
import org.camelb2b.token.cache.TokenStore;
import org.camelb2b.token.flow.B2bRuntime;
import org.camelb2b.token.payment.PaymentHeaders;
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
            List<Map<String, String>> apps = twoMembers(sandbox, doku, 15751);
            Map<String, String> first = apps.get(0);
            Map<String, String> second = apps.get(1);
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

    /**
     * An app whose Hazelcast member is gone keeps making payment calls on its own tokens, and its
     * readiness, on the management port as an orchestrator reads it, says so (still UP: calls work).
     */
    @Test
    void anAppCutOffFromTheClusterRequestsItsOwnTokensAndItsReadinessSaysSo() throws Exception {
        try (SandboxProvider sandbox = SandboxSetup.start(); FaultyProvider doku = new FaultyProvider(1)) {
            List<Map<String, String>> apps = twoMembers(sandbox, doku, 15753);
            Map<String, String> first = apps.get(0);
            Map<String, String> second = apps.get(1);
            int management = org.camelb2b.token.testing.FreePort.find();
            second.put("camel.management.enabled", "true");
            second.put("camel.management.port", String.valueOf(management));
            try (TestApp a = TestApp.start(first); TestApp b = TestApp.start(second)) {
                B2bRuntime rb = B2bRuntime.of(b.context());
                assertEquals("2000000", pay(b).getMessage().getHeader(PaymentHeaders.RESPONSE_CODE));
                assertEquals(1, doku.requests(FaultyProvider.TOKEN_PATH));
                JsonNode ready = readiness(management, 200);
                assertEquals("UP", ready.get("status").asText(), ready.toString());
                assertTrue(ready.get("data").get("tokenStore").asText().startsWith("hazelcast"), ready.toString());
                assertFalse(ready.has("message"), ready.toString());
                assertTrue(ready.path("data").path("tokenStoreEntryOwner").asText().matches("127\\.0\\.0\\.1:1575[34]"),
                        "the member holding the credential's entry: " + ready);

                // b's member is gone (as when its cluster network fails): its next token is its own
                memberOnPort(15754).getLifecycleService().terminate();
                org.camelb2b.token.token.AccessToken held = rb.token("doku");
                rb.cache().invalidate(rb.providers().get("doku").tokenKey(), held);
                Exchange call = pay(b);
                assertEquals(null, call.getException());
                assertEquals("2000000", call.getMessage().getHeader(PaymentHeaders.RESPONSE_CODE));
                assertEquals(2, doku.requests(FaultyProvider.TOKEN_PATH), "b requested its own token");

                ready = readiness(management, 200);
                assertEquals("UP", ready.get("status").asText(), "calls still work: " + ready);
                assertTrue(ready.path("message").asText().contains("cluster of the token store is unreachable"),
                        ready.toString());
                assertTrue(ready.path("data").path("tokenStoreProblem").asText().contains("requests its own tokens"),
                        ready.toString());
                assertFalse(ready.toString().contains(held.value()), "no token in the readiness answer");
            }
        }
    }

    /** The settings of two apps on one new cluster, members on {@code port} and the next, DOKU at {@code doku}. */
    private static List<Map<String, String>> twoMembers(SandboxProvider sandbox, FaultyProvider doku, int port) {
        Map<String, String> p = SandboxSetup.settings(sandbox);
        p.put("b2b.doku.base-url", doku.baseUrl());
        p.put("b2b.token.store", "hazelcast");
        p.put("b2b.cluster.name", "b2b-app-test-" + System.nanoTime());
        p.put("b2b.cluster.secret", SECRET);
        p.put("b2b.cluster.members", "127.0.0.1:" + port + ",127.0.0.1:" + (port + 1));
        Map<String, String> first = new HashMap<>(p);
        first.put("b2b.cluster.port", String.valueOf(port));
        Map<String, String> second = new HashMap<>(p);
        second.put("b2b.cluster.port", String.valueOf(port + 1));
        return List.of(first, second);
    }

    private static Exchange pay(TestApp app) {
        return app.template().send("direct:b2b-call", e -> {
            e.getMessage().setHeader(PaymentHeaders.PROVIDER, "doku");
            e.getMessage().setHeader(PaymentHeaders.PATH, "/pay");
            e.getMessage().setBody("{\"amount\":\"10000.00\"}");
        });
    }

    private static HazelcastInstance memberOnPort(int port) {
        for (HazelcastInstance h : Hazelcast.getAllHazelcastInstances()) {
            if (h.getCluster().getLocalMember().getAddress().getPort() == port) {
                return h;
            }
        }
        throw new AssertionError("no Hazelcast member on port " + port);
    }

    /** The b2b-token-doku check of GET /observe/health/ready, full and with its data. */
    private static JsonNode readiness(int port, int expectedStatus) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + port + "/observe/health/ready?exposureLevel=full&data=true")).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(expectedStatus, r.statusCode(), r.body());
        for (JsonNode c : new ObjectMapper().readTree(r.body()).get("checks")) {
            if ("b2b-token-doku".equals(c.get("name").asText())) {
                return c;
            }
        }
        throw new AssertionError("no b2b-token-doku check in " + r.body());
    }
}

package org.camelb2b.token.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheck;
import org.camelb2b.token.testing.Await;
import org.camelb2b.token.flow.B2bRuntime;
import org.camelb2b.token.health.ProviderReadinessCheck;
import org.camelb2b.token.payment.PaymentHeaders;
import org.camelb2b.token.sandbox.SandboxProvider;
import org.camelb2b.token.testing.LogCapture;
import org.camelb2b.token.testing.Keys;
import org.camelb2b.token.testing.SandboxSetup;
import org.camelb2b.token.testing.TestApp;
import org.camelb2b.token.token.AccessToken;
import org.camelb2b.token.token.TokenAcquisitionException;
import org.junit.jupiter.api.Test;

/** The cache behind the real YAML token route and real HTTP. */
class TokenCacheHttpTest {

    static Map<String, String> stubSettings(TokenEndpointStub stub) {
        Map<String, String> p = new HashMap<>();
        String routes = Path.of("routes").toAbsolutePath().toString();
        p.put("camel.main.routes-include-pattern", "file:" + routes + "/*.yaml,classpath:test-routes/stub.yaml");
        p.put("b2b.stub.base-url", stub.baseUrl());
        p.put("b2b.stub.client-id", "STUB-CLIENT");
        p.put("b2b.stub.private-key", Keys.PKCS8);
        return p;
    }

    /** A 100 s token refreshed after 1-2 s, failed refreshes retried every 50-200 ms. */
    static Map<String, String> refreshingSoon(TokenEndpointStub stub) {
        stub.lifetimeSeconds = 100;
        Map<String, String> p = stubSettings(stub);
        p.put("b2b.stub.token.refresh-from", "0.01");
        p.put("b2b.stub.token.refresh-to", "0.02");
        p.put("b2b.stub.token.backoff-initial-ms", "50");
        p.put("b2b.stub.token.backoff-max-ms", "200");
        p.put("b2b.stub.token.min-request-interval-ms", "100"); // retries as fast as the backoff above
        return p;
    }

    static AccessToken token(TestApp app) {
        Exchange e = app.template().send("direct:b2b-token-stub", x -> { });
        if (e.getException() != null) {
            throw new AssertionError("the call failed: " + e.getException().getMessage(), e.getException());
        }
        return e.getMessage().getBody(AccessToken.class);
    }

    static void awaitAtLeast(IntSupplier count, int n) throws InterruptedException {
        Await.until(Duration.ofSeconds(15), () -> count.getAsInt() >= n);
        assertTrue(count.getAsInt() >= n, "expected at least " + n + " requests, saw " + count.getAsInt());
    }

    @Test
    void thousandConcurrentColdCallersMakeOneTokenRequest() throws Exception {
        try (TokenEndpointStub stub = new TokenEndpointStub(); TestApp app = TestApp.start(stubSettings(stub))) {
            ExecutorService pool = Executors.newFixedThreadPool(1000);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<AccessToken>> calls = new ArrayList<>();
                for (int i = 0; i < 1000; i++) {
                    calls.add(pool.submit(() -> {
                        go.await(10, TimeUnit.SECONDS);
                        return token(app);
                    }));
                }
                go.countDown();
                String value = calls.get(0).get(30, TimeUnit.SECONDS).value();
                for (Future<AccessToken> f : calls) {
                    assertEquals(value, f.get(30, TimeUnit.SECONDS).value());
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(1, stub.requests());
        }
    }

    @Test
    void badAnswersToARefreshNeverReplaceOrPoisonTheToken() throws Exception {
        try (TokenEndpointStub stub = new TokenEndpointStub()) {
            Map<String, String> p = refreshingSoon(stub);
            try (TestApp app = TestApp.start(p)) {
                AccessToken first = token(app);
                for (TokenEndpointStub.Mode bad : List.of(TokenEndpointStub.Mode.MALFORMED_JSON, TokenEndpointStub.Mode.HTML,
                        TokenEndpointStub.Mode.ERROR_500, TokenEndpointStub.Mode.TOO_MANY_429,
                        TokenEndpointStub.Mode.NEGATIVE_LIFETIME, TokenEndpointStub.Mode.NO_LIFETIME)) {
                    stub.mode = bad;
                    int before = stub.requests();
                    awaitAtLeast(stub::requests, before + 1);
                    assertEquals(first.value(), token(app).value(), bad + " replaced the token");
                }
                stub.mode = TokenEndpointStub.Mode.OK;
                awaitAtLeast(stub::issued, 2);
                // the stub counts a token when it answers; the cache stores it a moment later
                long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                String now = token(app).value();
                while (now.equals(first.value()) && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                    now = token(app).value();
                }
                assertNotEquals(first.value(), now, "a good answer replaces it");
            }
        }
    }

    static AccessToken cached(TestApp app) {
        B2bRuntime runtime = B2bRuntime.of(app.context());
        return runtime.cache().peek(runtime.providers().get("stub").tokenKey());
    }

    /** The token's text, and pieces of it, that must appear in no message. */
    static List<String> piecesOf(TokenEndpointStub.Mode mode) {
        return switch (mode) {
            case TOKEN_CRLF -> List.of("stub-bad", "crlf", "Injected");
            case TOKEN_NON_ASCII -> List.of("stub-bad", "t\u00f6k", "\u65e5");
            default -> List.of("QQQQQQQQ");
        };
    }

    static final List<TokenEndpointStub.Mode> BAD_TOKEN_VALUES = List.of(TokenEndpointStub.Mode.TOKEN_CRLF,
            TokenEndpointStub.Mode.TOKEN_NON_ASCII, TokenEndpointStub.Mode.TOKEN_2MB);

    /**
     * The HTTP client (HttpClient 5) re-sent a POST answered 503 or 429 once, a second later, on its
     * own: every failed token request was two at the provider, outside the cache's bound and its
     * count. One token request is one HTTP request, whatever the answer.
     */
    @Test
    void aTokenRequestAnswered503Or429IsOneHttpRequest() throws Exception {
        for (TokenEndpointStub.Mode busy : List.of(TokenEndpointStub.Mode.DOWN_503, TokenEndpointStub.Mode.TOO_MANY_429)) {
            try (TokenEndpointStub stub = new TokenEndpointStub(); TestApp app = TestApp.start(stubSettings(stub))) {
                stub.mode = busy;
                Exchange e = app.template().send("direct:b2b-token-stub", x -> { });
                assertInstanceOf(TokenAcquisitionException.class, e.getException());
                assertEquals(1, stub.requests(), busy + ": sent again by the HTTP client");
            }
        }
    }

    /** Issue 6: a token an Authorization header cannot carry is a failed acquisition, and is not cached. */
    @Test
    void aTokenAnAuthorizationHeaderCannotCarryIsAFailureAndIsNotCached() throws Exception {
        for (TokenEndpointStub.Mode bad : BAD_TOKEN_VALUES) {
            try (TokenEndpointStub stub = new TokenEndpointStub(); TestApp app = TestApp.start(stubSettings(stub))) {
                stub.mode = bad;
                Exchange e = app.template().send("direct:b2b-token-stub", x -> { });
                TokenAcquisitionException error = assertInstanceOf(TokenAcquisitionException.class, e.getException(),
                        bad + ": " + e.getException());
                String message = error.getMessage();
                assertTrue(message.contains("'stub'") && message.contains("accessToken"), message);
                assertTrue(message.contains(bad == TokenEndpointStub.Mode.TOKEN_2MB ? "longer than" : "visible ASCII"),
                        message);
                for (String piece : piecesOf(bad)) {
                    assertFalse(message.contains(piece), bad + ": the message holds part of the token: " + message);
                }
                assertTrue(message.length() < 1000, bad + ": " + message.length() + " chars");
                assertNull(cached(app), bad + " was cached");
                assertEquals(1, stub.requests());
            }
        }
    }

    /** Issue 6: a refresh answered with such a token never replaces the good one held. */
    @Test
    void aHeldGoodTokenSurvivesARefreshThatReturnsAnUnusableValue() throws Exception {
        try (TokenEndpointStub stub = new TokenEndpointStub()) {
            Map<String, String> p = refreshingSoon(stub);
            try (TestApp app = TestApp.start(p)) {
                AccessToken first = token(app);
                for (TokenEndpointStub.Mode bad : BAD_TOKEN_VALUES) {
                    stub.mode = bad;
                    int before = stub.requests();
                    awaitAtLeast(stub::requests, before + 2); // the refresh, and a retry, both answered badly
                    assertEquals(first.value(), token(app).value(), bad + " replaced the token");
                    assertEquals(first.value(), cached(app).value());
                }
            }
        }
    }

    static HealthCheck readiness(TestApp app, String provider) {
        ProviderReadinessCheck check = B2bRuntime.of(app.context()).readinessCheck(provider);
        check.setCamelContext(app.context());
        return check;
    }

    /**
     * Issue 5b: readiness probes asked the cache like a caller, so they counted as use and kept a
     * token nobody used refreshed for ever. Token of 4 s (refresh at 2.8-3.2 s), keep-warm 1 s, one
     * call at the start, then only readiness probes every 100 ms until 3.4 s: no refresh may start.
     */
    @Test
    void readinessProbesDoNotKeepAnUnusedTokenWarm() throws Exception {
        try (TokenEndpointStub stub = new TokenEndpointStub()) {
            stub.lifetimeSeconds = 4;
            Map<String, String> p = stubSettings(stub);
            p.put("b2b.stub.token.keep-warm-ms", "1000");
            try (TestApp app = TestApp.start(p)) {
                HealthCheck check = readiness(app, "stub");
                AccessToken first = token(app);
                int probes = 0;
                while (System.nanoTime() - first.requestedAtNanos() < Duration.ofMillis(3400).toNanos()) {
                    HealthCheck.Result r = check.call();
                    assertEquals(HealthCheck.State.UP, r.getState(), () -> String.valueOf(r.getMessage()));
                    probes++;
                    Thread.sleep(100); // a readiness probe's period
                }
                assertTrue(probes > 20, "probes: " + probes);
                assertEquals(1, stub.requests(), "a token used only by readiness probes must not be refreshed");
            }
        }
    }

    /**
     * Issue 5b: a token that lives 1 s, one call, then no traffic: the refresh ahead asked for a
     * new token 1.4 times a second for the whole keep-warm window. Now at most one token request
     * per min-request-interval (2 s), and one WARN naming the provider and the lifetime.
     */
    @Test
    void aOneSecondTokenCostsAtMostOneTokenRequestPerInterval() throws Exception {
        try (TokenEndpointStub stub = new TokenEndpointStub(); LogCapture log = new LogCapture()) {
            stub.lifetimeSeconds = 1;
            try (TestApp app = TestApp.start(stubSettings(stub))) {
                long start = token(app).requestedAtNanos();
                Thread.sleep(6000); // no traffic: the scenario is time passing
                int requests = stub.requests();
                System.out.printf("1 s token, no traffic: %d token requests in %d ms%n", requests,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                assertTrue(requests <= 1 + 6 / 2 + 1, "at most one per 2 s: " + requests);
                List<String> warnings = log.lines("WARN", "provider=stub issues tokens that live 1 s");
                assertEquals(1, warnings.size(), log.lines().toString());
            }
        }
    }

    /**
     * Issue 4 over HTTP, default settings: a 4 s token, the endpoint down from the first token
     * until 12 s (long after the token ran out, the backoff near its ceiling), one caller every
     * 50 ms. Calls must succeed within a few seconds of the endpoint's return, and while it is
     * down with no token held the caller's probes come at most one per 2 s.
     */
    @Test
    void afterALongOutageCallsSucceedWithinSecondsOfTheProvidersReturn() throws Exception {
        try (TokenEndpointStub stub = new TokenEndpointStub()) {
            stub.lifetimeSeconds = 4;
            try (TestApp app = TestApp.start(stubSettings(stub))) {
                long start = token(app).requestedAtNanos();
                stub.mode = TokenEndpointStub.Mode.DOWN_503;
                int atExpiry = -1;
                long expiry = start + Duration.ofMillis(3600).toNanos();
                long back = start + Duration.ofSeconds(12).toNanos();
                long deadline = back + Duration.ofSeconds(70).toNanos();
                Long recovered = null;
                while (recovered == null && System.nanoTime() < deadline) {
                    long now = System.nanoTime();
                    if (atExpiry < 0 && now >= expiry) {
                        atExpiry = stub.requests();
                    }
                    if (now >= back && stub.mode != TokenEndpointStub.Mode.OK) {
                        stub.mode = TokenEndpointStub.Mode.OK;
                        back = System.nanoTime();
                    }
                    Exchange e = app.template().send("direct:b2b-token-stub", x -> { });
                    if (e.getException() == null && stub.mode == TokenEndpointStub.Mode.OK && stub.issued() > 1) {
                        recovered = System.nanoTime();
                    }
                    Thread.sleep(50); // the caller's pace
                }
                assertTrue(recovered != null, "no call succeeded within 70 s of the provider's return");
                long recoveryMs = TimeUnit.NANOSECONDS.toMillis(recovered - back);
                int downRequests = stub.requests() - stub.issued() - atExpiry + 1;
                System.out.printf("outage 0-12 s, 4 s token: a call succeeded %d ms after the return; %d token requests "
                        + "from the expiry to the return (%.1f s)%n", recoveryMs, downRequests,
                        (back - expiry) / 1e9);
                assertTrue(recoveryMs <= 3000, "recovery took " + recoveryMs + " ms");
                assertTrue(downRequests <= 1 + (back - expiry) / Duration.ofSeconds(2).toNanos() + 1,
                        "at most one probe per 2 s: " + downRequests);
            }
        }
    }

    /** The 60 s scenario at a fifth of the scale: lifetime 12 s, endpoint down from the first token to 10 s. */
    @Test
    void outageUntilJustBeforeExpiryNoCallFailsAndANewTokenArrivesInTime() throws Exception {
        try (TokenEndpointStub stub = new TokenEndpointStub()) {
            stub.lifetimeSeconds = 12;
            Map<String, String> p = stubSettings(stub);
            p.put("b2b.stub.token.min-request-interval-ms", "400"); // the 2 s default, at a fifth of the scale too
            try (TestApp app = TestApp.start(p)) {
                long start = System.nanoTime();
                AccessToken first = token(app);
                stub.mode = TokenEndpointStub.Mode.DOWN_503;
                String inUseAt12s = null;
                while (System.nanoTime() - start < Duration.ofSeconds(13).toNanos()) {
                    long elapsed = System.nanoTime() - start;
                    if (elapsed >= Duration.ofSeconds(10).toNanos()) {
                        stub.mode = TokenEndpointStub.Mode.OK;
                    }
                    AccessToken t = token(app);
                    assertTrue(t.remainingNanos(System.nanoTime()) > 0, "an expired token was handed out");
                    if (elapsed >= Duration.ofSeconds(12).toNanos() && inUseAt12s == null) {
                        inUseAt12s = t.value();
                    }
                    Thread.sleep(200);
                }
                assertNotEquals(first.value(), inUseAt12s, "a new token in use by the old one's expiry");
                assertTrue(stub.requests() >= 3, "refresh attempts during the outage: " + stub.requests());
            }
        }
    }

    @Test
    void twoHundredConcurrentPaymentCallsOnAColdStartMakeOneTokenRequestPerProvider() throws Exception {
        try (SandboxProvider sandbox = SandboxSetup.start(); TestApp app = TestApp.start(SandboxSetup.settings(sandbox))) {
            ExecutorService pool = Executors.newFixedThreadPool(200);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Exchange>> calls = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    boolean doku = i % 2 == 0;
                    calls.add(pool.submit(() -> {
                        go.await(10, TimeUnit.SECONDS);
                        return app.template().send("direct:b2b-call", e -> {
                            e.getMessage().setHeader(PaymentHeaders.PROVIDER, doku ? "doku" : "klikoo");
                            e.getMessage().setHeader(PaymentHeaders.PATH, doku ? "/orders/v1.0/transfer-va/status"
                                    : "/v1/open-api/account/inquiry");
                            e.getMessage().setBody("{\"n\": 1}");
                        });
                    }));
                }
                go.countDown();
                for (Future<Exchange> f : calls) {
                    Exchange e = f.get(60, TimeUnit.SECONDS);
                    assertNull(e.getException(), () -> String.valueOf(e.getException()));
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(1, sandbox.tokenRequests(SandboxSetup.DOKU_CLIENT));
            assertEquals(1, sandbox.tokenRequests(SandboxSetup.KLIKOO_CLIENT));
            assertEquals(100, sandbox.paymentsAccepted(SandboxSetup.DOKU_CLIENT));
            assertEquals(100, sandbox.paymentsAccepted(SandboxSetup.KLIKOO_CLIENT));
            assertEquals(0, sandbox.rejections());
        }
    }
}

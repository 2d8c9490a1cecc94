package org.camelb2b.token.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.camelb2b.token.testing.Await;
import org.camelb2b.token.testing.FreePort;
import org.camelb2b.token.sandbox.SandboxProvider;
import org.camelb2b.token.testing.FaultyProvider;
import org.camelb2b.token.testing.SandboxSetup;
import org.camelb2b.token.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One hanging provider must not take the capacity of another: through the standalone gateway,
 * DOKU's payment endpoint hangs while Klikoo (the verifying sandbox) is healthy.
 */
class ProviderIsolationTest {

    static final int LIMIT = 8;
    static final int RESPONSE_TIMEOUT_MS = 2000;
    static final String KLIKOO_INQUIRY = "/gateway/klikoo/v1/open-api/account/inquiry";
    static final String KLIKOO_BODY = "{\"account_no\":\"1234567890\"}";

    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    SandboxProvider sandbox;
    FaultyProvider doku;
    TestApp app;
    int port;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxSetup.start();
        doku = new FaultyProvider(1);
        port = FreePort.find();
        Map<String, String> p = SandboxSetup.settings(sandbox);
        p.put("b2b.doku.base-url", doku.baseUrl());
        p.put("b2b.doku.max-concurrent-calls", String.valueOf(LIMIT));
        p.put("b2b.doku.http.response-timeout-ms", String.valueOf(RESPONSE_TIMEOUT_MS));
        p.put("b2b.gateway.enabled", "true");
        p.put("b2b.gateway.port", String.valueOf(port));
        app = TestApp.start(p);
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
        doku.close();
        sandbox.close();
    }

    record Timed(HttpResponse<String> response, long millis) {
    }

    CompletableFuture<HttpResponse<String>> post(String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aHangingProviderHoldsOnlyItsOwnCallsAndTheRestAreRefusedAtOnce() throws Exception {
        // warm: a token and one answered call each, so the timings below are the hang's alone
        assertEquals(200, post("/gateway/doku/ok", "{}").get(30, TimeUnit.SECONDS).statusCode());
        assertEquals(200, post(KLIKOO_INQUIRY, KLIKOO_BODY).get(30, TimeUnit.SECONDS).statusCode());
        int callers = 60;
        List<CompletableFuture<Timed>> dokuCalls = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            long sent = System.nanoTime();
            dokuCalls.add(post("/gateway/doku/hang", "{\"n\":" + i + "}")
                    .thenApply(r -> new Timed(r, (System.nanoTime() - sent) / 1_000_000)));
        }
        Await.until(Duration.ofSeconds(10), () -> doku.requests("/hang") >= LIMIT);
        assertEquals(LIMIT, doku.requests("/hang"), "DOKU's hanging calls in flight");

        // a call to a healthy provider meanwhile: answered at once, signed and accepted
        long t0 = System.nanoTime();
        HttpResponse<String> klikoo = post(KLIKOO_INQUIRY, KLIKOO_BODY).get(30, TimeUnit.SECONDS);
        long klikooMs = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(200, klikoo.statusCode(), klikoo.body());
        assertTrue(klikooMs < RESPONSE_TIMEOUT_MS * 3 / 4, "Klikoo waited behind DOKU's hanging calls: " + klikooMs + " ms");

        int busy = 0;
        int timedOut = 0;
        long slowestRefusal = 0;
        long slowestTimeout = 0;
        for (int i = 0; i < callers; i++) {
            Timed timed = dokuCalls.get(i).get(30, TimeUnit.SECONDS);
            HttpResponse<String> r = timed.response();
            long ms = timed.millis();
            if (r.statusCode() == 503) {
                busy++;
                assertTrue(r.body().contains("\"provider_busy\""), r.body());
                assertEquals("1", r.headers().firstValue("Retry-After").orElse(null));
                slowestRefusal = Math.max(slowestRefusal, ms);
            } else {
                assertEquals(504, r.statusCode(), r.body());
                // the documented timeout holds: no queueing in front of it
                assertTrue(ms < RESPONSE_TIMEOUT_MS + 1000, "a timed-out call took " + ms + " ms");
                timedOut++;
                slowestTimeout = Math.max(slowestTimeout, ms);
            }
        }
        System.out.printf("isolation: klikoo answered in %d ms; %d refused, slowest refusal %d ms; %d timed out, "
                + "slowest %d ms (response timeout %d ms)%n", klikooMs, busy, slowestRefusal, timedOut, slowestTimeout,
                RESPONSE_TIMEOUT_MS);
        // refused after waiting at most call-queue-timeout-ms (1 s) for a call in flight to finish
        assertTrue(slowestRefusal < 2500, "a refusal took " + slowestRefusal + " ms");
        assertEquals(LIMIT, timedOut);
        assertEquals(callers - LIMIT, busy);
        assertEquals(LIMIT, doku.requests("/hang"), "a refused call reached the provider");
    }

}

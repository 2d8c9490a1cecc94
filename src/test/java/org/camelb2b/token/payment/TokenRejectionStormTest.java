package org.camelb2b.token.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheck;
import org.camelb2b.token.flow.B2bRuntime;
import org.camelb2b.token.health.ProviderReadinessCheck;
import org.camelb2b.token.sandbox.SandboxProvider;
import org.camelb2b.token.testing.LogCapture;
import org.camelb2b.token.testing.MisbehavingProvider;
import org.camelb2b.token.testing.SandboxSetup;
import org.camelb2b.token.testing.TestApp;
import org.junit.jupiter.api.Test;

/**
 * Issue 5a: a provider that answers every payment call with 401 "invalid token". Each rejection
 * of a token fetched a moment ago used to fetch another: 16 looping callers sent 85 token
 * requests in 10 s. Now a credential starts at most one token request per
 * {@code token.min-request-interval-ms} (2 s), and a token rejected younger than that, never
 * accepted, is neither replaced nor retried with.
 */
class TokenRejectionStormTest {

    static final int CALLERS = 16;
    static final Duration RUN = Duration.ofSeconds(10);

    static Exchange pay(TestApp app) {
        return app.template().send("direct:b2b-call", e -> {
            e.getMessage().setHeader(PaymentHeaders.PROVIDER, "doku");
            e.getMessage().setHeader(PaymentHeaders.PATH, "/pay");
            e.setProperty("B2bThrowOnFailure", false);
            e.getMessage().setBody("{\"a\":1}");
        });
    }

    static HealthCheck.Result readiness(TestApp app) {
        ProviderReadinessCheck check = B2bRuntime.of(app.context()).readinessCheck("doku");
        check.setCamelContext(app.context());
        return check.call();
    }

    @Test
    void sixteenLoopingCallersAgainstAProviderThatRejectsEveryToken() throws Exception {
        try (SandboxProvider sandbox = SandboxSetup.start(); MisbehavingProvider provider = new MisbehavingProvider();
             LogCapture log = new LogCapture()) {
            Map<String, String> p = SandboxSetup.settings(sandbox);
            p.put("b2b.doku.base-url", provider.baseUrl());
            try (TestApp app = TestApp.start(p)) {
                AtomicInteger calls = new AtomicInteger();
                AtomicInteger sent = new AtomicInteger();
                AtomicInteger retried = new AtomicInteger();
                ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
                try {
                    long end = System.nanoTime() + RUN.toNanos();
                    List<Future<?>> loops = new ArrayList<>();
                    for (int i = 0; i < CALLERS; i++) {
                        loops.add(pool.submit(() -> {
                            while (System.nanoTime() < end) {
                                Exchange e = pay(app);
                                assertNull(e.getException(), () -> String.valueOf(e.getException()));
                                int attempts = e.getMessage().getHeader(PaymentHeaders.ATTEMPTS, Integer.class);
                                assertTrue(attempts == 1 || attempts == 2, "attempts: " + attempts);
                                assertEquals("4012701", e.getMessage().getHeader(PaymentHeaders.RESPONSE_CODE));
                                calls.incrementAndGet();
                                sent.addAndGet(attempts);
                                if (attempts == 2) {
                                    retried.incrementAndGet();
                                }
                            }
                            return null;
                        }));
                    }
                    for (Future<?> f : loops) {
                        f.get(RUN.toSeconds() + 30, TimeUnit.SECONDS);
                    }
                } finally {
                    pool.shutdownNow();
                }
                int tokens = provider.tokenRequests();
                System.out.printf("token storm: %d callers, %d s: %d calls, %d sent (%d retried), %d token requests%n",
                        CALLERS, RUN.toSeconds(), calls.get(), sent.get(), retried.get(), tokens);
                assertTrue(tokens <= 1 + RUN.toSeconds() / 2, "at most one token request per 2 s: " + tokens);
                assertEquals(sent.get(), provider.paymentRequests(), "every send is one the caller was told of");
                assertTrue(retried.get() <= CALLERS * (tokens - 1), "a call is retried only with a new token: " + retried);

                List<String> warnings = log.lines("WARN", "every new token is rejected");
                assertEquals(1, warnings.size(), "one WARN for the episode: " + log.lines());
                assertTrue(warnings.get(0).contains("provider=doku"), warnings.get(0));
                HealthCheck.Result down = readiness(app);
                assertEquals(HealthCheck.State.DOWN, down.getState());
                assertTrue(down.getMessage().orElse("").contains("every new token is rejected"), down.getMessage().toString());

                // the provider accepts tokens again: the first call that succeeds ends the episode
                provider.rejectTokens = false;
                Exchange ok = pay(app);
                assertEquals(Boolean.TRUE, ok.getMessage().getHeader(PaymentHeaders.RESPONSE_SUCCESS));
                assertEquals(HealthCheck.State.UP, readiness(app).getState());
                assertEquals(1, log.lines("INFO", "accepts its tokens again").size(), log.lines().toString());
            }
        }
    }
}

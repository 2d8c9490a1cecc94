package org.camelb2b.token.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import io.micrometer.core.instrument.Counter;

import org.apache.camel.Exchange;
import org.apache.camel.component.http.HttpEndpoint;
import org.camelb2b.token.flow.B2bRuntime;
import org.camelb2b.token.payment.PaymentCallException;
import org.camelb2b.token.payment.PaymentHeaders;
import org.camelb2b.token.provider.ProviderConfig;
import org.camelb2b.token.sandbox.SandboxProvider;
import org.camelb2b.token.testing.FaultyProvider;
import org.camelb2b.token.testing.SandboxSetup;
import org.camelb2b.token.testing.TestApp;
import org.camelb2b.token.token.TokenAcquisitionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Apache HttpClient 5, under camel-http, resends on its own: a 429 or 503 after sleeping for
 * Retry-After in the calling thread, an idempotent request after an I/O error. A signed payment
 * must reach the provider once, and Retry-After is the token cache's to honour. Counted on the
 * provider's side, over real HTTP.
 */
class NoHiddenResendTest {

    static final int RETRY_AFTER_S = 3;

    SandboxProvider sandbox;
    FaultyProvider provider;
    TestApp app;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxSetup.start();
        provider = new FaultyProvider(RETRY_AFTER_S);
        Map<String, String> p = SandboxSetup.settings(sandbox);
        p.put("b2b.doku.base-url", provider.baseUrl());
        app = TestApp.start(p);
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
        provider.close();
        sandbox.close();
    }

    Exchange call(String method, String path, String body) {
        return app.template().send("direct:b2b-call", e -> {
            e.getMessage().setHeader(PaymentHeaders.PROVIDER, "doku");
            e.getMessage().setHeader(PaymentHeaders.PATH, path);
            e.getMessage().setHeader(Exchange.HTTP_METHOD, method);
            e.getMessage().setBody(body);
        });
    }

    @Test
    void theProvidersEndpointsAreMadeAtStartAndKeepNoCookies() {
        // made while the context started, before any call: the first token request does not wait for them
        B2bRuntime runtime = B2bRuntime.of(app.context());
        ProviderConfig doku = runtime.providers().get("doku");
        assertEquals(0, provider.requests(FaultyProvider.TOKEN_PATH));
        for (String uri : new String[] {B2bRuntime.tokenEndpoint(doku), runtime.callEndpoint(doku)}) {
            HttpEndpoint endpoint = assertInstanceOf(HttpEndpoint.class, app.context().hasEndpoint(uri), uri);
            // no clearing of a cookie store before every request (under its write lock)
            assertFalse(endpoint.isClearExpiredCookies(), uri);
        }

        // every answer sets a cookie; none goes back to the provider
        for (int i = 0; i < 3; i++) {
            assertEquals("2000000", call("POST", "/pay", "{}").getMessage().getHeader(PaymentHeaders.RESPONSE_CODE));
        }
        assertEquals(1, provider.requests(FaultyProvider.TOKEN_PATH));
        assertEquals(3, provider.requests("/pay"));
        assertEquals(0, provider.requestsWithCookies());
    }

    @Test
    void paymentAnswered503WithRetryAfterReachesTheProviderOnceAndReturnsAtOnce() {
        long start = System.nanoTime();
        Exchange result = call("POST", "/busy", "{\"partnerReferenceNo\":\"1\"}");
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        PaymentCallException e = assertInstanceOf(PaymentCallException.class, result.getException());
        assertEquals(503, e.httpStatus());
        assertEquals("5030000", e.responseCode().raw());
        assertEquals(1, provider.requests("/busy"), "the provider received the signed payment more than once");
        assertTrue(elapsedMs < RETRY_AFTER_S * 1000 - 500, "the caller was parked for Retry-After: " + elapsedMs + " ms");
    }

    @Test
    void statusInquiryWhoseConnectionDropsIsNotResent() {
        Exchange result = call("GET", "/drop", null);

        PaymentCallException e = assertInstanceOf(PaymentCallException.class, result.getException());
        assertEquals(-1, e.httpStatus());
        assertEquals(1, provider.requests("/drop"), "the HTTP client resent an idempotent request after an I/O error");
    }

    @Test
    void tokenEndpointAnswering429IsNotRetriedByTheClientAndRetryAfterIsHonouredByTheCache() {
        provider.throttleTokens();
        long start = System.nanoTime();
        Exchange first = app.template().send("direct:b2b-token-doku", x -> { });
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        TokenAcquisitionException e = assertInstanceOf(TokenAcquisitionException.class, first.getException());
        assertEquals(429, e.httpStatus());
        assertTrue(elapsedMs < RETRY_AFTER_S * 1000 - 500, "the token fetch was parked for Retry-After: " + elapsedMs + " ms");
        assertEquals(1, provider.requests(FaultyProvider.TOKEN_PATH));

        // within Retry-After the cache fails fast and sends nothing
        Exchange second = app.template().send("direct:b2b-token-doku", x -> { });
        assertInstanceOf(TokenAcquisitionException.class, second.getException());
        assertEquals(1, provider.requests(FaultyProvider.TOKEN_PATH));

        // and the bundle's own count is what the provider saw
        Counter failures = B2bRuntime.of(app.context()).metrics().registry().find("b2b.token.requests")
                .tag("provider", "doku").tag("outcome", "failure").counter();
        assertEquals(provider.requests(FaultyProvider.TOKEN_PATH), (int) failures.count());
    }
}

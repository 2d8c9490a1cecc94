package org.camelb2b.token.payment;

import static org.camelb2b.token.testing.SandboxSetup.DOKU_CLIENT;
import static org.camelb2b.token.testing.SandboxSetup.KLIKOO_CLIENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Exchange;
import org.camelb2b.token.flow.B2bRuntime;
import org.camelb2b.token.sandbox.SandboxProvider;
import org.camelb2b.token.testing.MisbehavingProvider;
import org.camelb2b.token.testing.SandboxSetup;
import org.camelb2b.token.testing.TestApp;
import org.camelb2b.token.token.AccessToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** direct:b2b-call over real HTTP against the sandbox, which verifies token, headers and HMAC. */
class PaymentCallTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String CREATE_VA = "/virtual-accounts/bi-snap-va/v1.1/transfer-va/create-va";
    static final String VA_BODY = "{\n  \"partnerServiceId\": \"  888994\",\n  \"customerNo\": \"00000000000000000001\",\n"
            + "  \"virtualAccountName\": \"Toko Café \\\"Ü\\\" 日本 😀 / slash\",\n"
            + "  \"totalAmount\": {\"value\": \"12500.00\", \"currency\": \"IDR\"},\n"
            + "  \"additionalInfo\": {\"items\": [1, 2.50, {\"note\": \"  spaced\\ttab  \"}]}\n}";

    SandboxProvider sandbox;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxSetup.start();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    static Exchange call(TestApp app, String provider, String method, String path, String query, String body,
                         Map<String, Object> extra) {
        return app.template().send("direct:b2b-call", e -> {
            e.getMessage().setHeader(PaymentHeaders.PROVIDER, provider);
            e.getMessage().setHeader(PaymentHeaders.PATH, path);
            if (query != null) {
                e.getMessage().setHeader(PaymentHeaders.QUERY, query);
            }
            e.getMessage().setHeader(Exchange.HTTP_METHOD, method);
            extra.forEach((k, v) -> {
                if (k.startsWith("property:")) {
                    e.setProperty(k.substring(9), v);
                } else {
                    e.getMessage().setHeader(k, v);
                }
            });
            e.getMessage().setBody(body);
        });
    }

    @Test
    void snapPostWithNestedUnicodeAndWhiteSpaceIsAccepted() throws Exception {
        try (TestApp app = TestApp.start(SandboxSetup.settings(sandbox))) {
            Exchange result = call(app, "doku", "POST", CREATE_VA, null, VA_BODY, Map.of());
            assertNull(result.getException());
            assertEquals("2002700", result.getMessage().getHeader(PaymentHeaders.RESPONSE_CODE));
            assertEquals("27", result.getMessage().getHeader(PaymentHeaders.RESPONSE_SERVICE_CODE));
            assertEquals(Boolean.TRUE, result.getMessage().getHeader(PaymentHeaders.RESPONSE_SUCCESS));
            JsonNode echoed = JSON.readTree(result.getMessage().getBody(String.class)).get("virtualAccountData");
            assertEquals(JSON.readTree(VA_BODY), echoed.get("body"), "the provider received the body unchanged in meaning");
            assertEquals(1, sandbox.paymentsAccepted(DOKU_CLIENT));
            assertEquals(0, sandbox.signatureRejections());
            assertEquals(null, result.getMessage().getHeader("Authorization"), "the token must not travel back");
        }
    }

    @Test
    void klikooInquirySignsTheBarePathAndSortedBody() throws Exception {
        try (TestApp app = TestApp.start(SandboxSetup.settings(sandbox))) {
            Exchange result = call(app, "klikoo", "POST", "/v1/open-api/account/inquiry", null,
                    "{\"bank_code\": \"014\", \"account_number\": \"1234567890\", \"note\": \"Budi  Santoso / ü\"}", Map.of());
            assertNull(result.getException());
            assertEquals("200032000", result.getMessage().getHeader(PaymentHeaders.RESPONSE_CODE));
            assertEquals("2000", result.getMessage().getHeader(PaymentHeaders.RESPONSE_CASE_CODE));
            assertEquals(1, sandbox.paymentsAccepted(KLIKOO_CLIENT));
            assertEquals(0, sandbox.signatureRejections());
        }
    }

    @Test
    void getWithAQueryAndNoBodyIsAccepted() throws Exception {
        try (TestApp app = TestApp.start(SandboxSetup.settings(sandbox))) {
            Exchange result = call(app, "doku", "GET", "/orders/v1.0/transfer-va/status", "b=2&a=1%2F&c=x+y", null,
                    Map.of());
            assertNull(result.getException());
            assertEquals("2002600", result.getMessage().getHeader(PaymentHeaders.RESPONSE_CODE));
            JsonNode echo = JSON.readTree(result.getMessage().getBody(String.class)).get("additionalInfo");
            assertEquals("GET", echo.get("method").asText());
            assertEquals("b=2&a=1%2F&c=x+y", echo.get("query").asText());
        }
    }

    @Test
    void revokedTokenCostsOne401OneNewTokenAndOneRetry() throws Exception {
        try (TestApp app = TestApp.start(SandboxSetup.settings(sandbox))) {
            assertNull(call(app, "doku", "POST", CREATE_VA, null, VA_BODY, Map.of()).getException());
            assertNull(call(app, "klikoo", "POST", "/v1/open-api/account/inquiry", null, "{\"a\":1}", Map.of()).getException());
            sandbox.revokeAllTokens();

            Exchange doku = call(app, "doku", "POST", CREATE_VA, null, VA_BODY, Map.of("X-EXTERNAL-ID", "77770001"));
            Exchange klikoo = call(app, "klikoo", "POST", "/v1/open-api/account/inquiry", null, "{\"a\":2}", Map.of());
            assertNull(doku.getException());
            assertNull(klikoo.getException());
            assertEquals(2, doku.getMessage().getHeader(PaymentHeaders.ATTEMPTS));
            assertEquals(2, klikoo.getMessage().getHeader(PaymentHeaders.ATTEMPTS));
            assertEquals("2002700", doku.getMessage().getHeader(PaymentHeaders.RESPONSE_CODE));
            assertEquals(2, sandbox.tokenRejections(), "one 401 per provider");
            assertEquals(2, sandbox.tokensIssued(DOKU_CLIENT), "one new DOKU token");
            assertEquals(2, sandbox.tokensIssued(KLIKOO_CLIENT), "one new Klikoo token");
            assertEquals(2, sandbox.paymentsAccepted(DOKU_CLIENT));
            // the retry kept the caller's X-EXTERNAL-ID: sending it again the same day is a conflict
            Exchange again = call(app, "doku", "POST", CREATE_VA, null, VA_BODY,
                    Map.of("X-EXTERNAL-ID", "77770001", "property:B2bThrowOnFailure", false));
            assertEquals("4092700", again.getMessage().getHeader(PaymentHeaders.RESPONSE_CODE));
        }
    }

    @Test
    void fiftyConcurrent401sMakeOneTokenRequest() throws Exception {
        try (TestApp app = TestApp.start(SandboxSetup.settings(sandbox))) {
            assertNull(call(app, "doku", "POST", CREATE_VA, null, VA_BODY, Map.of()).getException());
            sandbox.revokeAllTokens();
            ExecutorService pool = Executors.newFixedThreadPool(50);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Exchange>> results = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    results.add(pool.submit(() -> {
                        go.await(10, TimeUnit.SECONDS);
                        return call(app, "doku", "POST", CREATE_VA, null, VA_BODY, Map.of());
                    }));
                }
                go.countDown();
                for (Future<Exchange> f : results) {
                    Exchange e = f.get(60, TimeUnit.SECONDS);
                    assertNull(e.getException(), () -> String.valueOf(e.getException()));
                    assertEquals("2002700", e.getMessage().getHeader(PaymentHeaders.RESPONSE_CODE));
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(2, sandbox.tokensIssued(DOKU_CLIENT), "the first token and exactly one new one");
            assertEquals(51, sandbox.paymentsAccepted(DOKU_CLIENT));
            assertTrue(sandbox.tokenRejections() >= 1 && sandbox.tokenRejections() <= 50);
        }
    }

    @Test
    void otherErrorsAreNotRetriedAndRaiseATypedException() throws Exception {
        Map<String, String> p = SandboxSetup.settings(sandbox);
        p.put("b2b.doku.client-secret", "not-the-registered-secret");
        try (TestApp app = TestApp.start(p)) {
            Exchange result = call(app, "doku", "POST", CREATE_VA, null, VA_BODY, Map.of());
            PaymentCallException e = assertInstanceOf(PaymentCallException.class, result.getException());
            assertEquals("doku", e.provider());
            assertEquals(401, e.httpStatus());
            assertEquals("4012700", e.responseCode().raw());
            assertEquals("Unauthorized. Signature", e.providerMessage());
            assertEquals(1, sandbox.signatureRejections(), "sent once, never retried");
            assertEquals(1, sandbox.tokensIssued(DOKU_CLIENT));
            assertTrue(!e.getMessage().contains("not-the-registered-secret"));
        }
    }

    @Test
    void routesCanBranchInsteadOfCatching() throws Exception {
        Map<String, String> p = SandboxSetup.settings(sandbox);
        p.put("b2b.doku.client-secret", "not-the-registered-secret");
        try (TestApp app = TestApp.start(p)) {
            Exchange result = call(app, "doku", "POST", CREATE_VA, null, VA_BODY, Map.of("property:B2bThrowOnFailure", false));
            assertNull(result.getException());
            assertEquals(Boolean.FALSE, result.getMessage().getHeader(PaymentHeaders.RESPONSE_SUCCESS));
            assertEquals(401, result.getMessage().getHeader(PaymentHeaders.RESPONSE_HTTP_STATUS));
            assertEquals("00", result.getMessage().getHeader(PaymentHeaders.RESPONSE_CASE_CODE));
        }
    }

    /** HttpClient 5 sent a POST answered 503 or 429 once more on its own: the payment went out twice. */
    @Test
    void aPaymentAnswered503Or429IsSentOnce() throws Exception {
        try (MisbehavingProvider provider = new MisbehavingProvider()) {
            Map<String, String> p = SandboxSetup.settings(sandbox);
            p.put("b2b.doku.base-url", provider.baseUrl());
            try (TestApp app = TestApp.start(p)) {
                for (String path : List.of("/busy-503", "/busy-429")) {
                    int before = provider.paymentRequests();
                    Exchange result = call(app, "doku", "POST", path, null, "{\"a\":1}", Map.of());
                    assertInstanceOf(PaymentCallException.class, result.getException());
                    assertEquals(before + 1, provider.paymentRequests(), path + ": the payment was sent again");
                }
            }
        }
    }

    @Test
    void neverMoreThanOneRetry() throws Exception {
        try (MisbehavingProvider provider = new MisbehavingProvider()) {
            Map<String, String> p = SandboxSetup.settings(sandbox);
            p.put("b2b.doku.base-url", provider.baseUrl());
            p.put("b2b.doku.token.min-request-interval-ms", "200");
            try (TestApp app = TestApp.start(p)) {
                // a token rejected as soon as it was issued: every new one would be, so no new one and no retry
                Exchange fresh = call(app, "doku", "POST", "/always-401", null, "{\"a\":1}", Map.of());
                assertEquals("4012701", assertInstanceOf(PaymentCallException.class, fresh.getException()).responseCode().raw());
                assertEquals(1, provider.paymentRequests(), "sent once");
                assertEquals(1, provider.tokenRequests());

                // an older token's rejection gets a new token and one retry, and no more
                B2bRuntime runtime = B2bRuntime.of(app.context());
                AccessToken held = runtime.cache().peek(runtime.providers().get("doku").tokenKey());
                long age = System.nanoTime() - held.requestedAtNanos();
                Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(TimeUnit.MILLISECONDS.toNanos(250) - age)));
                Exchange result = call(app, "doku", "POST", "/always-401", null, "{\"a\":1}", Map.of());
                PaymentCallException e = assertInstanceOf(PaymentCallException.class, result.getException());
                assertEquals("4012701", e.responseCode().raw());
                assertEquals(3, provider.paymentRequests(), "the first call, and the second and its one retry");
                assertEquals(2, provider.tokenRequests(), "the first token and one new one");
            }
        }
    }
}

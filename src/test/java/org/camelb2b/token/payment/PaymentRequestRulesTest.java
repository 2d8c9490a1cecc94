package org.camelb2b.token.payment;

import static org.camelb2b.token.testing.SandboxSetup.DOKU_SECRET;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.camelb2b.token.sandbox.SandboxProvider;
import org.camelb2b.token.testing.Rfc3986;
import org.camelb2b.token.testing.RecordingProvider;
import org.camelb2b.token.testing.SandboxSetup;
import org.camelb2b.token.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The request rules of direct:b2b-call itself (the gateway relies on them too): a method, path,
 * query, body or caller header that Camel's HTTP client would send otherwise than it is signed is
 * refused before anything is signed, with an {@link InvalidPaymentRequestException} naming the
 * provider and the part; everything else reaches the provider exactly as signed.
 */
class PaymentRequestRulesTest {

    SandboxProvider sandbox;
    RecordingProvider doku;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxSetup.start();
        doku = new RecordingProvider(DOKU_SECRET);
    }

    @AfterEach
    void stop() {
        doku.close();
        sandbox.close();
    }

    Map<String, String> settings() {
        Map<String, String> p = SandboxSetup.settings(sandbox);
        p.put("b2b.doku.base-url", doku.baseUrl());
        return p;
    }

    static Exchange call(TestApp app, String method, String path, String query, Object body, Map<String, Object> headers) {
        return app.template().send("direct:b2b-call", e -> {
            e.getMessage().setHeader(PaymentHeaders.PROVIDER, "doku");
            e.getMessage().setHeader(PaymentHeaders.PATH, path);
            if (query != null) {
                e.getMessage().setHeader(PaymentHeaders.QUERY, query);
            }
            if (method != null) {
                e.getMessage().setHeader(Exchange.HTTP_METHOD, method);
            }
            headers.forEach(e.getMessage()::setHeader);
            e.getMessage().setBody(body);
        });
    }

    record Case(String method, String path, String query, Object body, Map<String, Object> headers,
                InvalidPaymentRequestException.Part part, String mentions) {
    }

    @Test
    void whatTheHttpClientWouldSendOtherwiseThanSignedIsRefusedNamingProviderAndPart() throws Exception {
        var PATH = InvalidPaymentRequestException.Part.PATH;
        var QUERY = InvalidPaymentRequestException.Part.QUERY;
        List<Case> cases = new ArrayList<>();
        for (String path : List.of("/a|b", "/a b", "/{x}", "/{{b2b.doku.client-secret}}", "/caf€", "/a%zz", "/a%4",
                "/a~b", "/a//b", "//a", "/a/../b", "/./a", "/a/%2E%2e/b", "/a/.%2E", "/a\\b", "/a#b", "/a?b")) {
            cases.add(new Case("GET", path, null, null, Map.of(), PATH, "path"));
        }
        for (String query : List.of("q=€", "q={{b2b.doku.client-secret}}", "q=a b", "q=a|b", "q=%4", "q=%zz", "q=a~b",
                "q=a#b", "q=<x>", "q=[1]")) {
            cases.add(new Case("GET", "/v1.0/x", query, null, Map.of(), QUERY, "query"));
        }
        for (String method : List.of("FOO", "HEAD", "OPTIONS", "TRACE", "CONNECT", "GET X")) {
            cases.add(new Case(method, "/v1.0/x", null, null, Map.of(), InvalidPaymentRequestException.Part.METHOD, "method"));
        }
        cases.add(new Case("GET", "/v1.0/x", null, "{\"a\":1}", Map.of(), InvalidPaymentRequestException.Part.BODY, "GET"));
        cases.add(new Case("DELETE", "/v1.0/x", null, "{\"a\":1}", Map.of(), InvalidPaymentRequestException.Part.BODY, "DELETE"));
        cases.add(new Case("POST", "/v1.0/x", null, new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xE9, '"', '}'},
                Map.of(), InvalidPaymentRequestException.Part.BODY, "UTF-8"));
        for (String header : List.of("X-EXTERNAL-ID", "X-PARTNER-ID", "CHANNEL-ID")) {
            for (Object value : List.of(List.of("111", "222"), "12é3", "12\n3", "1".repeat(65))) {
                Map<String, Object> h = new HashMap<>();
                h.put(header, value);
                cases.add(new Case("POST", "/v1.0/x", null, "{\"a\":1}", h, InvalidPaymentRequestException.Part.HEADER, header));
            }
        }
        try (TestApp app = TestApp.start(settings())) {
            for (Case c : cases) {
                Exchange result = call(app, c.method(), c.path(), c.query(), c.body(), c.headers());
                Exception e = result.getException();
                String what = c.method() + " " + c.path() + " ? " + c.query() + " " + c.headers();
                InvalidPaymentRequestException refused = assertInstanceOf(InvalidPaymentRequestException.class, e, what);
                assertEquals("doku", refused.provider(), what);
                assertEquals(c.part(), refused.part(), what);
                assertTrue(e.getMessage().contains("'doku'") && e.getMessage().contains(c.mentions()),
                        what + ": " + e.getMessage());
                assertFalse(e.getMessage().contains(DOKU_SECRET), e.getMessage());
            }
            assertEquals(List.of(), doku.received());
        }
    }

    @Test
    void everyOtherRfc3986CharacterReachesTheProviderExactlyAsSigned() throws Exception {
        String path = Rfc3986.PATH;
        String query = Rfc3986.QUERY;
        try (TestApp app = TestApp.start(settings())) {
            Exchange get = call(app, "get", path, query, null, Map.of("X-EXTERNAL-ID", List.of("42")));
            assertNull(get.getException());
            Exchange post = call(app, null, "/v1.0/x", null, "{\"a\": \"é\"}".getBytes(StandardCharsets.UTF_8), Map.of());
            assertNull(post.getException());
            List<RecordingProvider.Received> got = doku.received();
            assertEquals("GET", got.get(0).method());
            assertEquals(path + "?" + query, got.get(0).target());
            assertEquals("42", got.get(0).header("X-EXTERNAL-ID"));
            assertEquals("POST", got.get(1).method());
            assertArrayEquals("{\"a\":\"é\"}".getBytes(StandardCharsets.UTF_8), got.get(1).body());
            assertTrue(got.get(0).signatureValid() && got.get(1).signatureValid());
        }
    }
}

package org.camelb2b.token.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.apache.camel.Exchange;
import org.camelb2b.token.payment.PaymentHeaders;
import org.camelb2b.token.sandbox.SandboxProvider;
import org.camelb2b.token.testing.SandboxSetup;
import org.camelb2b.token.testing.StubResponses;
import org.camelb2b.token.testing.TestApp;
import org.camelb2b.token.token.TokenAcquisitionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code oauth2-basic} dialect over real HTTP against a provider that checks what an OAuth2
 * server checks (RFC 6749 client credentials with HTTP Basic; RFC 6750 Bearer on calls), with no
 * private key configured: the same token cache and guarantees as the signing dialects.
 */
class OAuth2BasicFlowTest {

    static final String CLIENT_ID = "tokopedia-app 1";
    static final String SECRET = "tokopedia-secret:with@signs";

    /** An OAuth2 provider: tokens at /oauth/token for the right Basic credentials; /api/* needs the current token. */
    static final class OAuth2Provider implements AutoCloseable {
        final HttpServer server;
        final AtomicInteger tokenRequests = new AtomicInteger();
        final AtomicInteger calls = new AtomicInteger();
        final ConcurrentLinkedQueue<Map<String, List<String>>> callHeaders = new ConcurrentLinkedQueue<>();
        volatile String current;

        OAuth2Provider() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", this::handle);
            server.start();
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        void revoke() {
            current = null;
        }

        private void handle(HttpExchange ex) throws IOException {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (ex.getRequestURI().getPath().equals("/oauth/token")) {
                tokenRequests.incrementAndGet();
                String expected = "Basic " + Base64.getEncoder().encodeToString((form(CLIENT_ID) + ":" + form(SECRET))
                        .getBytes(StandardCharsets.UTF_8));
                boolean form = "application/x-www-form-urlencoded".equals(ex.getRequestHeaders().getFirst("Content-Type"));
                if (!expected.equals(auth)) {
                    StubResponses.json(ex, 401, "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}");
                } else if (!form || !"client_credentials".equals(URLDecoder.decode(body.replace("grant_type=", ""),
                        StandardCharsets.UTF_8)) || !body.startsWith("grant_type=")) {
                    StubResponses.json(ex, 400, "{\"error\":\"unsupported_grant_type\"}");
                } else {
                    current = "tok-" + tokenRequests.get() + "-" + "x".repeat(20);
                    StubResponses.json(ex, 200, "{\"access_token\":\"" + current
                            + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
                }
                return;
            }
            calls.incrementAndGet();
            callHeaders.add(Map.copyOf(ex.getRequestHeaders()));
            String token = current;
            if (token == null || !("Bearer " + token).equals(auth)) {
                ex.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                StubResponses.json(ex, 401, "{\"header\":{\"messages\":\"invalid token\"}}");
            } else {
                StubResponses.json(ex, 200, "{\"header\":{\"process_time\":0.01},\"data\":{\"ok\":true}}");
            }
        }

        private static String form(String s) {
            return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    SandboxProvider sandbox;
    OAuth2Provider provider;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxSetup.start();
        provider = new OAuth2Provider();
    }

    @AfterEach
    void stop() {
        provider.close();
        sandbox.close();
    }

    TestApp app(String secret) throws Exception {
        Map<String, String> p = SandboxSetup.settings(sandbox);
        p.put("b2b.tokopedia.dialect", "oauth2-basic");
        p.put("b2b.tokopedia.base-url", provider.baseUrl());
        p.put("b2b.tokopedia.client-id", CLIENT_ID);
        p.put("b2b.tokopedia.client-secret", secret);
        // no private key: this dialect signs nothing; the provider is declared by an endpoint
        p.put("camel.main.routes-include-pattern", "file:routes/*.yaml,classpath:test-routes/oauth2-basic.yaml");
        return TestApp.start(p);
    }

    Exchange call(TestApp app, String path) {
        return app.template().send("direct:b2b-call", e -> {
            e.getMessage().setHeader(PaymentHeaders.PROVIDER, "tokopedia");
            e.getMessage().setHeader(PaymentHeaders.PATH, path);
            e.getMessage().setBody("{\"shop_id\":1}");
        });
    }

    @Test
    void tokenByHttpBasicThenBearerOnlyCallsOneTokenForManyCallers() throws Exception {
        try (TestApp app = app(SECRET)) {
            ExecutorService pool = Executors.newFixedThreadPool(20);
            try {
                List<Future<Exchange>> results = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    results.add(pool.submit(() -> call(app, "/api/v1/orders")));
                }
                for (Future<Exchange> f : results) {
                    Exchange e = f.get();
                    assertEquals(null, e.getException());
                    assertEquals(200, e.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE));
                    assertEquals(true, e.getMessage().getHeader(PaymentHeaders.RESPONSE_SUCCESS));
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(1, provider.tokenRequests.get(), "one token request for 40 calls");
            assertEquals(40, provider.calls.get());
            for (Map<String, List<String>> headers : provider.callHeaders) {
                // nothing of the signing dialects: no timestamp, signature or partner headers
                for (String none : List.of("X-signature", "X-timestamp", "X-partner-id", "X-external-id", "Channel-id")) {
                    assertFalse(headers.containsKey(none), none + " in " + headers.keySet());
                }
            }
        }
    }

    @Test
    void aRevokedTokenIsReplacedAndTheCallSentOnceMore() throws Exception {
        try (TestApp app = app(SECRET)) {
            assertEquals(200, call(app, "/api/v1/orders").getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE));
            provider.revoke();
            Exchange e = call(app, "/api/v1/orders");
            assertEquals(null, e.getException());
            assertEquals(200, e.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE));
            assertEquals(2, provider.tokenRequests.get());
            assertEquals(3, provider.calls.get(), "the 401 and the one retry");
        }
    }

    @Test
    void wrongCredentialsAreATypedErrorNamingProviderAndStatusNeverTheSecret() throws Exception {
        String wrong = "wrong-secret-never-to-be-shown";
        try (TestApp app = app(wrong)) {
            Exchange e = call(app, "/api/v1/orders");
            Throwable cause = e.getException();
            while (cause != null && !(cause instanceof TokenAcquisitionException)) {
                cause = cause.getCause();
            }
            TokenAcquisitionException t = assertInstanceOf(TokenAcquisitionException.class, cause, String.valueOf(e.getException()));
            assertEquals("tokopedia", t.provider());
            assertEquals(401, t.httpStatus());
            assertTrue(t.getMessage().contains("invalid_client"), t.getMessage());
            assertFalse(t.getMessage().contains(wrong), t.getMessage());
            assertEquals(0, provider.calls.get(), "no call without a token");
        }
    }
}

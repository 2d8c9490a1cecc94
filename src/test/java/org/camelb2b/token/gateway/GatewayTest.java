package org.camelb2b.token.gateway;

import static org.camelb2b.token.testing.SandboxSetup.DOKU_CLIENT;
import static org.camelb2b.token.testing.SandboxSetup.KLIKOO_CLIENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camelb2b.token.testing.FreePort;
import org.camelb2b.token.sandbox.SandboxProvider;
import org.camelb2b.token.testing.MisbehavingProvider;
import org.camelb2b.token.testing.RecordingProvider;
import org.camelb2b.token.testing.SandboxSetup;
import org.camelb2b.token.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The signing gateway over real HTTP: a plain client in, the verifying sandbox behind it. */
class GatewayTest {

    static final ObjectMapper JSON = new ObjectMapper();
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    SandboxProvider sandbox;
    int port;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxSetup.start();
        port = FreePort.find();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    Map<String, String> settings() {
        Map<String, String> p = SandboxSetup.settings(sandbox);
        p.put("b2b.gateway.enabled", "true");
        p.put("b2b.gateway.port", String.valueOf(port));
        return p;
    }

    HttpResponse<String> send(String method, String pathAndQuery, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void forwardsSignedCallsForBothDialects() throws Exception {
        try (TestApp app = TestApp.start(settings())) {
            String va = "{ \"virtualAccountName\": \"Pembayaran  café 日本 😀\", \"note\": \"a/b \\\"q\\\"\","
                    + " \"totalAmount\": {\"value\": \"10000.00\", \"currency\": \"IDR\"}, \"lines\": [ {\"x\": [1, 2]} ] }";
            HttpResponse<String> doku = send("POST", "/gateway/doku/virtual-accounts/bi-snap-va/v1.1/transfer-va/create-va",
                    va, "X-EXTERNAL-ID", "5550001", "CHANNEL-ID", "95999");
            assertEquals(200, doku.statusCode(), doku.body());
            assertEquals("application/json", doku.headers().firstValue("Content-Type").orElse(""));
            JsonNode body = JSON.readTree(doku.body());
            assertEquals("2002700", body.get("responseCode").asText());
            assertEquals(JSON.readTree(va), body.get("virtualAccountData").get("body"));
            assertFalse(doku.headers().firstValue("Authorization").isPresent(), "the token must not leak to the caller");

            HttpResponse<String> get = send("GET", "/gateway/doku/orders/v1.0/transfer-va/status?b=2&a=1%2F", null);
            assertEquals(200, get.statusCode(), get.body());
            assertEquals("b=2&a=1%2F", JSON.readTree(get.body()).get("additionalInfo").get("query").asText());

            HttpResponse<String> klikoo = send("POST", "/gateway/klikoo/v1/open-api/account/inquiry",
                    "{\"bank_code\":\"014\",\"account_number\":\"123\"}");
            assertEquals(200, klikoo.statusCode(), klikoo.body());
            assertEquals("200032000", JSON.readTree(klikoo.body()).get("response_code").asText());

            assertEquals(2, sandbox.paymentsAccepted(DOKU_CLIENT));
            assertEquals(1, sandbox.paymentsAccepted(KLIKOO_CLIENT));
            assertEquals(0, sandbox.signatureRejections());
            assertEquals(0, sandbox.rejections());
        }
    }

    @Test
    void passesTheCallersExternalIdAndTheProvidersErrorsUnchanged() throws Exception {
        try (TestApp app = TestApp.start(settings())) {
            String path = "/gateway/doku/virtual-accounts/bi-snap-va/v1.1/transfer-va/create-va";
            assertEquals(200, send("POST", path, "{\"a\":1}", "X-EXTERNAL-ID", "42").statusCode());
            HttpResponse<String> again = send("POST", path, "{\"a\":1}", "X-EXTERNAL-ID", "42");
            assertEquals(409, again.statusCode(), again.body());
            assertEquals("4092700", JSON.readTree(again.body()).get("responseCode").asText());
        }
    }

    @Test
    void unknownProviderIs404() throws Exception {
        try (TestApp app = TestApp.start(settings())) {
            HttpResponse<String> r = send("POST", "/gateway/bca/openapi/v1.0/x", "{}");
            assertEquals(404, r.statusCode());
            JsonNode body = JSON.readTree(r.body());
            assertEquals("unknown_provider", body.get("error").asText());
            assertEquals("bca", body.get("provider").asText());
        }
    }

    /**
     * No YAML, no endpoint: b2b.bca.preset and the credentials make bca a provider the gateway
     * serves, against the sandbox playing BCA (its token path, +07:00 with milliseconds, the query
     * signed sorted, its "bearer"/"900" token answer).
     */
    @Test
    void aProviderDeclaredByItsPresetAloneIsServed() throws Exception {
        sandbox.register(new org.camelb2b.token.sandbox.SandboxClient("snap", "BCA-CLIENT-1",
                "bca-client-secret-0123456789abcd", org.camelb2b.token.testing.Keys.publicKey()));
        Map<String, String> p = settings();
        p.put("b2b.bca.preset", "bca");
        p.put("b2b.bca.base-url", sandbox.baseUrl() + SandboxProvider.PRESETS + "/bca");
        p.put("b2b.bca.client-id", "BCA-CLIENT-1");
        p.put("b2b.bca.client-secret", "bca-client-secret-0123456789abcd");
        p.put("b2b.bca.private-key", "classpath:keys/rsa-pkcs8.pem");
        p.put("b2b.bca.channel-id", "95221");
        try (TestApp app = TestApp.start(p)) {
            HttpResponse<String> r = send("POST", "/gateway/bca/openapi/v1.0/transfer-va/inquiry?b=2&a=1",
                    "{\"partnerServiceId\":\"  888994\"}");
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("2002400", JSON.readTree(r.body()).get("responseCode").asText());
            assertEquals(1, sandbox.tokensIssued("BCA-CLIENT-1"));
            assertEquals(1, sandbox.paymentsAccepted("BCA-CLIENT-1"));
        }
    }

    @Test
    void tokenThatCannotBeHadIs502WithTheTokenErrorsCode() throws Exception {
        Map<String, String> p = settings();
        p.put("b2b.doku.client-id", "MCH-NOT-REGISTERED");
        try (TestApp app = TestApp.start(p)) {
            HttpResponse<String> r = send("POST", "/gateway/doku/orders/v1.0/transfer-va/status", "{\"a\":1}");
            assertEquals(502, r.statusCode(), r.body());
            JsonNode body = JSON.readTree(r.body());
            assertEquals("token_unavailable", body.get("error").asText());
            assertEquals("doku", body.get("provider").asText());
            assertEquals("4017300", body.get("responseCode").asText());
            assertEquals("Unauthorized. Unknown Client", body.get("message").asText());
        }
    }

    @Test
    void aTokenResponseWeRefuseIsReportedWithOurReasonAndTheProvidersCode() throws Exception {
        try (RecordingProvider provider = new RecordingProvider(SandboxSetup.DOKU_SECRET)) {
            // HTTP 200 and the success code, but a lifetime of 0: refused by us, not by the provider
            provider.setTokenResponse("{\"responseCode\":\"2007300\",\"responseMessage\":\"Successful\","
                    + "\"accessToken\":\"t-0123456789\",\"tokenType\":\"Bearer\",\"expiresIn\":\"0\"}");
            Map<String, String> p = settings();
            p.put("b2b.doku.base-url", provider.baseUrl());
            try (TestApp app = TestApp.start(p)) {
                for (int i = 0; i < 2; i++) { // the second call is answered by the cache's fail-fast
                    HttpResponse<String> r = send("GET", "/gateway/doku/orders/v1.0/transfer-va/status", null);
                    assertEquals(502, r.statusCode(), r.body());
                    JsonNode body = JSON.readTree(r.body());
                    assertEquals("token_unavailable", body.get("error").asText());
                    assertEquals("2007300", body.get("responseCode").asText(), "the provider's code is kept");
                    assertTrue(body.get("message").asText().startsWith("expiresIn is 0, not a positive lifetime"),
                            r.body());
                    assertEquals("Successful", body.get("providerMessage").asText());
                    assertFalse(r.body().contains("t-0123456789"), "the token is never echoed");
                }
                assertEquals(List.of(), provider.received());
            }
        }
    }

    @Test
    void providerThatDropsTheConnectionIs502AndOneThatTimesOutIs504() throws Exception {
        try (MisbehavingProvider provider = new MisbehavingProvider()) {
            Map<String, String> p = settings();
            p.put("b2b.doku.base-url", provider.baseUrl());
            p.put("b2b.doku.http.response-timeout-ms", "1000");
            try (TestApp app = TestApp.start(p)) {
                HttpResponse<String> dropped = send("POST", "/gateway/doku/drop", "{\"a\":1}");
                assertEquals(502, dropped.statusCode(), dropped.body());
                assertEquals("provider_unreachable", JSON.readTree(dropped.body()).get("error").asText());
                assertEquals("doku", JSON.readTree(dropped.body()).get("provider").asText());

                HttpResponse<String> slow = send("POST", "/gateway/doku/slow", "{\"a\":1}");
                assertEquals(504, slow.statusCode(), slow.body());
                assertEquals("provider_timeout", JSON.readTree(slow.body()).get("error").asText());
            }
        }
    }

    @Test
    void bodyThatIsNotJsonIs400WithoutEchoingIt() throws Exception {
        try (TestApp app = TestApp.start(settings())) {
            HttpResponse<String> r = send("POST", "/gateway/doku/orders/v1.0/transfer-va/status", "{\"pan\": 4111111111111111,");
            assertEquals(400, r.statusCode(), r.body());
            assertEquals("bad_request", JSON.readTree(r.body()).get("error").asText());
            assertTrue(!r.body().contains("4111111111111111"), r.body());
        }
    }

    @Test
    void gatewayListensOnLoopbackOnlyByDefault() throws IOException {
        java.util.Properties shipped = new java.util.Properties();
        try (var in = java.nio.file.Files.newInputStream(java.nio.file.Path.of("config/application.properties"))) {
            shipped.load(in);
        }
        assertEquals("127.0.0.1", shipped.getProperty("b2b.gateway.host"));
        assertEquals("{{b2b.gateway.host}}", shipped.getProperty("camel.server.host"));
    }
}

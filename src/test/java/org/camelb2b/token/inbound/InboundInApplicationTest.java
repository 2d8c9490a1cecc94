package org.camelb2b.token.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.security.PrivateKey;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.main.Main;
import org.camelb2b.token.provider.ConfigurationException;
import org.camelb2b.token.testing.FreePort;
import org.camelb2b.token.testing.Keys;
import org.junit.jupiter.api.Test;

/**
 * The inbound flow dropped into an application: plain camel-main with its own platform-http
 * server (no standalone app, no outbound provider), the library's template made with a
 * {@code templatedRoute}, and the application's {@code direct:b2b-inbound-doku}.
 */
class InboundInApplicationTest {

    static final String CLIENT = "MCH-APP-0001";
    static final String SECRET = "application-client-secret";

    static Main application(int port, Properties extra) {
        Main main = new Main();
        Properties p = new Properties();
        p.put("camel.server.enabled", "true");
        p.put("camel.server.host", "127.0.0.1");
        p.put("camel.server.port", String.valueOf(port));
        p.put("camel.main.routes-include-pattern",
                "classpath:camel-b2b-token/routes/b2b-inbound.yaml,classpath:test-routes/inbound-app.yaml");
        p.put("b2b.doku.client-id", CLIENT);
        p.put("b2b.doku.client-secret", SECRET);
        p.put("b2b.doku.inbound.enabled", "true");
        p.put("b2b.doku.inbound.public-key", "classpath:keys/rsa-public.pem");
        p.putAll(extra);
        main.setOverrideProperties(p);
        return main;
    }

    @Test
    void anApplicationReceivesOnItsOwnPlatformHttp() throws Exception {
        int port = FreePort.find();
        Main main = application(port, new Properties());
        main.start();
        try {
            SnapClient client = new SnapClient("http://127.0.0.1:" + port);
            PrivateKey key = SnapClient.privateKey(Keys.text("keys/rsa-pkcs8.pem"));
            HttpResponse<String> t = client.post("/doku/v1.0/access-token/b2b", "{\"grantType\":\"client_credentials\"}",
                    SnapClient.tokenHeaders(key, CLIENT, SnapClient.now()));
            assertEquals(200, t.statusCode(), t.body());
            String token = new ObjectMapper().readTree(t.body()).get("accessToken").asText();
            String path = "/doku/v1.0/transfer-va/inquiry";
            String body = "{\"partnerServiceId\":\"  888994\",\"customerNo\":\"1\",\"inquiryRequestId\":\"abc\"}";
            HttpResponse<String> r = client.post(path, body, SnapClient.symmetricHeaders(SECRET, token, path, body,
                    SnapClient.now(), CLIENT, "778899"));
            JsonNode answer = new ObjectMapper().readTree(r.body());
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("2002400", answer.get("responseCode").asText());
            assertEquals(CLIENT, answer.at("/virtualAccountData/paidBy").asText());
            assertEquals("24", answer.at("/virtualAccountData/service").asText());
            HttpResponse<String> forged = client.post(path, body, SnapClient.symmetricHeaders("wrong", token, path, body,
                    SnapClient.now(), CLIENT, "778900"));
            assertEquals(401, forged.statusCode());
            assertEquals("4012400", new ObjectMapper().readTree(forged.body()).get("responseCode").asText());
        } finally {
            main.stop();
        }
    }

    /** Behind a reverse proxy that strips /callbacks: the provider signs the path it called, prefix included. */
    @Test
    void aPathPrefixAProxyStripsIsSigned() throws Exception {
        int port = FreePort.find();
        Properties prefix = new Properties();
        prefix.put("b2b.inbound.path-prefix", "/callbacks/");
        Main main = application(port, prefix);
        main.start();
        try {
            SnapClient client = new SnapClient("http://127.0.0.1:" + port);
            PrivateKey key = SnapClient.privateKey(Keys.text("keys/rsa-pkcs8.pem"));
            HttpResponse<String> t = client.post("/doku/v1.0/access-token/b2b", "{\"grantType\":\"client_credentials\"}",
                    SnapClient.tokenHeaders(key, CLIENT, SnapClient.now()));
            String token = new ObjectMapper().readTree(t.body()).get("accessToken").asText();
            String path = "/doku/v1.0/transfer-va/payment";
            String body = "{\"virtualAccountNo\":\"  8889940001\"}";
            HttpResponse<String> called = client.post(path, body, SnapClient.symmetricHeaders(SECRET, token,
                    "/callbacks" + path, body, SnapClient.now(), CLIENT, "1001"));
            assertEquals(200, called.statusCode(), called.body());
            HttpResponse<String> received = client.post(path, body, SnapClient.symmetricHeaders(SECRET, token, path, body,
                    SnapClient.now(), CLIENT, "1002"));
            assertEquals(401, received.statusCode(), "the path as we receive it is not the path the provider called");
        } finally {
            main.stop();
        }
    }

    @Test
    void badInboundSettingsStopTheApplicationNamingEveryOne() throws Exception {
        Properties bad = new Properties();
        bad.put("b2b.doku.inbound.public-key", "classpath:keys/rsa-pkcs8.pem");
        bad.put("b2b.doku.inbound.signature", "hmac");
        bad.put("b2b.doku.inbound.timestamp-window-s", "0");
        bad.put("b2b.doku.client-secret", "");
        bad.put("b2b.inbound.path-prefix", "callbacks");
        Main main = application(FreePort.find(), bad);
        try {
            Exception e = assertThrows(Exception.class, main::start);
            ConfigurationException config = null;
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ConfigurationException ce) {
                    config = ce;
                }
            }
            assertTrue(config != null, e.toString());
            assertEquals(List.of(
                    "b2b.doku.inbound.signature: must be symmetric or asymmetric, was 'hmac'",
                    "b2b.doku.inbound.timestamp-window-s: must be between 1 and 86400 seconds, was 0",
                    "b2b.doku.client-secret: is not set; b2b.doku.inbound.signature=symmetric verifies the provider's"
                            + " notifications with it",
                    "b2b.doku.inbound.public-key: classpath resource 'keys/rsa-pkcs8.pem' holds a private key: give the"
                            + " provider's public key",
                    "b2b.inbound.path-prefix: must be a path such as /api, was 'callbacks'"), config.problems());
        } finally {
            main.stop();
        }
    }
}

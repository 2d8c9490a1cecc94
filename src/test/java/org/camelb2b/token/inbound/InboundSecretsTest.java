package org.camelb2b.token.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.camelb2b.token.sandbox.SandboxProvider;
import org.camelb2b.token.testing.FreePort;
import org.camelb2b.token.testing.Keys;
import org.camelb2b.token.testing.LogCapture;
import org.camelb2b.token.testing.SandboxSetup;
import org.camelb2b.token.testing.TestApp;
import org.junit.jupiter.api.Test;

/**
 * The inbound flow traced (Camel's tracer prints every header and body at INFO): neither the
 * tokens we issue, nor the client secret, nor a signature the provider sent is written.
 */
class InboundSecretsTest {

    @Test
    void aTracedInboundRunWritesNoTokenSecretOrSignature() throws Exception {
        int port = FreePort.find();
        List<String> secrets = new ArrayList<>();
        secrets.add(SandboxSetup.DOKU_SECRET);
        try (SandboxProvider sandbox = SandboxSetup.start(); LogCapture logs = new LogCapture()) {
            Map<String, String> p = SandboxSetup.settings(sandbox);
            p.put("b2b.inbound.enabled", "true");
            p.put("b2b.inbound.port", String.valueOf(port));
            p.put("b2b.doku.inbound.public-key", "classpath:keys/rsa-public.pem");
            p.put("camel.main.tracing", "true");
            p.put("camel.main.tracing-templates", "true");
            try (TestApp app = TestApp.start(p)) {
                SnapClient client = new SnapClient("http://127.0.0.1:" + port);
                PrivateKey key = SnapClient.privateKey(Keys.text("keys/rsa-pkcs8.pem"));
                Map<String, String> th = SnapClient.tokenHeaders(key, SandboxSetup.DOKU_CLIENT, SnapClient.now());
                secrets.add(th.get("X-SIGNATURE"));
                HttpResponse<String> t = client.post("/doku/v1.0/access-token/b2b", "{\"grantType\":\"client_credentials\"}", th);
                String token = new ObjectMapper().readTree(t.body()).get("accessToken").asText();
                secrets.add(token);
                String path = "/doku/v1.0/transfer-va/payment";
                String body = "{\"virtualAccountNo\":\"  8889940001\"}";
                Map<String, String> ok = SnapClient.symmetricHeaders(SandboxSetup.DOKU_SECRET, token, path, body,
                        SnapClient.now(), SandboxSetup.DOKU_CLIENT, "42");
                secrets.add(ok.get("X-SIGNATURE"));
                assertEquals(200, client.post(path, body, ok).statusCode());
                Map<String, String> forged = SnapClient.symmetricHeaders("wrong-secret", token, path, body,
                        SnapClient.now(), SandboxSetup.DOKU_CLIENT, "43");
                secrets.add(forged.get("X-SIGNATURE"));
                assertEquals(401, client.post(path, body, forged).statusCode());
            }
            List<String> lines = logs.lines();
            assertTrue(lines.stream().filter(l -> l.contains("Exchange[Id: ")).count() > 10,
                    "the tracer must have traced the inbound routes");
            assertTrue(lines.stream().anyMatch(l -> l.contains("\"accessToken\":\"xxxxxx\"")), "the token answer masked");
            for (String secret : secrets) {
                assertTrue(lines.stream().noneMatch(l -> l.contains(secret)),
                        "a secret, token or signature was written (" + secret.length() + " chars)");
            }
        }
    }
}

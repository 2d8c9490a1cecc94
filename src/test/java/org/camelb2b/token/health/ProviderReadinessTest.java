package org.camelb2b.token.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camelb2b.token.testing.FreePort;
import org.camelb2b.token.sandbox.SandboxClient;
import org.camelb2b.token.sandbox.SandboxProvider;
import org.camelb2b.token.testing.Keys;
import org.camelb2b.token.testing.SandboxSetup;
import org.camelb2b.token.testing.TestApp;
import org.junit.jupiter.api.Test;

/** Readiness per provider on the management port, against a provider that first refuses us. */
class ProviderReadinessTest {

    static final ObjectMapper JSON = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode check(String body, String name) throws Exception {
        for (JsonNode c : JSON.readTree(body).get("checks")) {
            if (name.equals(c.get("name").asText())) {
                return c;
            }
        }
        throw new AssertionError("no check " + name + " in " + body);
    }

    @Test
    void downWithTheProvidersCodeWhileItRefusesUsAndUpOnceItAccepts() throws Exception {
        int port;
        port = FreePort.find();
        try (SandboxProvider sandbox = SandboxProvider.start("127.0.0.1", 0, List.of(
                new SandboxClient("snap", SandboxSetup.DOKU_CLIENT, SandboxSetup.DOKU_SECRET, Keys.otherPublicKey()),
                new SandboxClient("klikoo", SandboxSetup.KLIKOO_CLIENT, SandboxSetup.KLIKOO_SECRET, Keys.publicKey())))) {
            Map<String, String> p = SandboxSetup.settings(sandbox);
            p.put("camel.management.enabled", "true");
            p.put("camel.management.port", String.valueOf(port));
            p.put("b2b.doku.token.fatal-hold-off-ms", "300");
            try (TestApp app = TestApp.start(p)) {
                HttpResponse<String> ready = get(port, "/observe/health/ready?exposureLevel=full");
                assertEquals(503, ready.statusCode(), ready.body());
                JsonNode doku = check(ready.body(), "b2b-token-doku");
                assertEquals("DOWN", doku.get("status").asText());
                assertTrue(doku.get("message").asText().contains("4017300"), doku.toString());
                assertEquals("UP", check(ready.body(), "b2b-token-klikoo").get("status").asText());
                assertEquals(200, get(port, "/observe/health/live").statusCode(), "liveness is not affected");

                // the provider now accepts our key (as after registering it in its dashboard)
                sandbox.register(new SandboxClient("snap", SandboxSetup.DOKU_CLIENT, SandboxSetup.DOKU_SECRET,
                        Keys.publicKey()));
                long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                do {
                    Thread.sleep(100);
                    ready = get(port, "/observe/health/ready?exposureLevel=full");
                } while (ready.statusCode() != 200 && System.nanoTime() < deadline);
                assertEquals(200, ready.statusCode(), ready.body());
                assertEquals("UP", check(ready.body(), "b2b-token-doku").get("status").asText());
                assertTrue(!ready.body().contains(SandboxSetup.DOKU_SECRET) && !ready.body().contains("Bearer"),
                        "no secret in health details");
            }
        }
    }
}

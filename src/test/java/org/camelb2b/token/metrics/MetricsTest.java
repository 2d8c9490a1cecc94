package org.camelb2b.token.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.apache.camel.Exchange;
import org.camelb2b.token.testing.Await;
import org.camelb2b.token.testing.FreePort;
import org.camelb2b.token.payment.PaymentHeaders;
import org.camelb2b.token.sandbox.SandboxProvider;
import org.camelb2b.token.testing.SandboxSetup;
import org.camelb2b.token.testing.TestApp;
import org.junit.jupiter.api.Test;

/** The Prometheus scrape agrees with what the provider itself counted. */
class MetricsTest {

    static double sum(String scrape, String metric, String... labels) {
        double total = 0;
        for (String line : scrape.lines().toList()) {
            if (!line.startsWith(metric + "{")) {
                continue;
            }
            boolean all = true;
            for (String label : labels) {
                all &= line.contains(label);
            }
            if (all) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }

    static Exchange call(TestApp app, String provider, String path) {
        return app.template().send("direct:b2b-call", e -> {
            e.getMessage().setHeader(PaymentHeaders.PROVIDER, provider);
            e.getMessage().setHeader(PaymentHeaders.PATH, path);
            e.getMessage().setBody("{\"a\":1}");
        });
    }

    @Test
    void tokenRequestCountEqualsTheProvidersOwnCount() throws Exception {
        int port;
        port = FreePort.find();
        try (SandboxProvider sandbox = SandboxSetup.start()) {
            Map<String, String> p = SandboxSetup.settings(sandbox);
            p.put("camel.management.enabled", "true");
            p.put("camel.management.port", String.valueOf(port));
            p.put("b2b.warmup.enabled", "true");
            try (TestApp app = TestApp.start(p)) {
                Await.until(Duration.ofSeconds(15), () -> sandbox.tokensIssued(SandboxSetup.DOKU_CLIENT) >= 1
                        && sandbox.tokensIssued(SandboxSetup.KLIKOO_CLIENT) >= 1);
                for (int i = 0; i < 3; i++) {
                    assertNull(call(app, "doku", "/orders/v1.0/transfer-va/status").getException());
                    assertNull(call(app, "klikoo", "/v1/open-api/account/inquiry").getException());
                }
                sandbox.revokeAllTokens();
                assertNull(call(app, "doku", "/orders/v1.0/transfer-va/status").getException());
                assertNull(call(app, "klikoo", "/v1/open-api/account/inquiry").getException());

                String scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/observe/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                for (String[] p2 : new String[][] {{"doku", SandboxSetup.DOKU_CLIENT}, {"klikoo", SandboxSetup.KLIKOO_CLIENT}}) {
                    String provider = "provider=\"" + p2[0] + "\"";
                    assertEquals(sandbox.tokenRequests(p2[1]), (int) sum(scrape, "b2b_token_requests_total", provider),
                            p2[0] + ": token requests counted by us and by the provider");
                    assertEquals(2, (int) sum(scrape, "b2b_token_requests_total", provider, "outcome=\"success\""));
                    assertEquals(1, (int) sum(scrape, "b2b_payment_retries_total", provider));
                    assertEquals(4, (int) sum(scrape, "b2b_payment_calls_total", provider, "class=\"2xx\""));
                    assertEquals(1, (int) sum(scrape, "b2b_payment_calls_total", provider, "class=\"4xx\""));
                    assertTrue(sum(scrape, "b2b_token_cache_hits_total", provider) >= 3, scrape);
                }
            }
        }
    }
}

package org.camelb2b.token.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.camelb2b.token.sandbox.SandboxPayer;
import org.camelb2b.token.sandbox.SandboxProvider;
import org.camelb2b.token.testing.Await;
import org.camelb2b.token.testing.FreePort;
import org.camelb2b.token.testing.Keys;
import org.camelb2b.token.testing.LogCapture;
import org.camelb2b.token.testing.SandboxSetup;
import org.camelb2b.token.testing.TestApp;
import org.junit.jupiter.api.Test;

/**
 * The sandbox as the provider that calls us back: a create-VA through the gateway is "paid" by
 * the sandbox, which gets a token from our inbound endpoint and sends the payment notification.
 */
class SandboxCounterpartTest {

    static final String CREATE_VA = "/gateway/doku/virtual-accounts/bi-snap-va/v1.1/transfer-va/create-va";
    static final String VA = "{\"partnerServiceId\":\"  888994\",\"customerNo\":\"00000000000000000007\","
            + "\"virtualAccountNo\":\"  88899400000000000000000007\",\"virtualAccountName\":\"Siti  Aminah\","
            + "\"trxId\":\"INV-7\",\"totalAmount\":{\"value\":\"75000.00\",\"currency\":\"IDR\"}}";

    @Test
    void aVirtualAccountCreatedThroughTheGatewayIsPaidThroughTheInboundEndpoint() throws Exception {
        List<Exchange> delivered = new CopyOnWriteArrayList<>();
        int gateway = FreePort.find();
        int inbound = FreePort.find();
        try (SandboxProvider sandbox = SandboxSetup.start(); LogCapture logs = new LogCapture()) {
            Map<String, String> p = SandboxSetup.settings(sandbox);
            p.put("b2b.gateway.enabled", "true");
            p.put("b2b.gateway.port", String.valueOf(gateway));
            p.put("b2b.inbound.enabled", "true");
            p.put("b2b.inbound.port", String.valueOf(inbound));
            p.put("b2b.doku.inbound.public-key", "classpath:camel-b2b-token/sandbox/doku-provider-public-key.pem");
            sandbox.payTo(new SandboxPayer("http://127.0.0.1:" + inbound + "/doku", "/v1.0/access-token/b2b",
                    "/v1.0/transfer-va/payment", SandboxSetup.DOKU_CLIENT, SandboxSetup.DOKU_SECRET,
                    SandboxProvider.readPrivateKey(Keys.text("camel-b2b-token/sandbox/doku-provider-private-key.pem"))));
            try (TestApp app = TestApp.start(p)) {
                app.context().addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:b2b-inbound-doku").process(e -> delivered.add(e.copy()));
                    }
                });
                HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + gateway + CREATE_VA)).timeout(Duration.ofSeconds(20))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(VA, StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, created.statusCode(), created.body());
                assertTrue(Await.until(Duration.ofSeconds(10), () -> !delivered.isEmpty()), logs.lines().toString());
                JsonNode paid = new ObjectMapper().readTree(delivered.get(0).getMessage().getBody(String.class));
                assertEquals("  88899400000000000000000007", paid.get("virtualAccountNo").asText());
                assertEquals("75000.00", paid.at("/paidAmount/value").asText());
                assertEquals("25", delivered.get(0).getMessage().getHeader("B2bServiceCode"));
                assertTrue(Await.until(Duration.ofSeconds(5), () -> !logs.lines("INFO", "Sandbox paid VA").isEmpty()));
                assertTrue(logs.lines("INFO", "Sandbox paid VA").get(0).endsWith("answered 2002500"),
                        logs.lines("INFO", "Sandbox paid VA").toString());
            }
        }
    }

    /** The standalone app as shipped (config/), its sandbox and demo on: the run logs both directions. */
    @Test
    void theStandaloneRunLogsBothDirections() throws Exception {
        try (LogCapture logs = new LogCapture();
             TestApp app = TestApp.start(Map.of("b2b.sandbox.enabled", "true",
                     "b2b.sandbox.port", String.valueOf(FreePort.find()), "b2b.sandbox.demo", "true",
                     "b2b.gateway.enabled", "true", "b2b.gateway.port", String.valueOf(FreePort.find()),
                     "b2b.inbound.enabled", "true", "b2b.inbound.port", String.valueOf(FreePort.find())))) {
            assertTrue(Await.until(Duration.ofSeconds(15), () -> !logs.lines("INFO", "Sandbox paid VA").isEmpty()),
                    logs.lines().toString());
            assertTrue(logs.lines("INFO", "Sandbox demo: create-VA through the gateway answered HTTP 200 2002700")
                    .size() == 1, logs.lines().toString());
            assertEquals(1, logs.lines("INFO", "inbound provider=doku path=/doku/v1.0/access-token/b2b"
                    + " outcome=accepted responseCode=2007300").size(), logs.lines().toString());
            assertEquals(1, logs.lines("INFO", "inbound provider=doku path=/doku/v1.0/transfer-va/payment"
                    + " outcome=accepted responseCode=2002500 delivered=none").size(), logs.lines().toString());
        }
    }
}

package org.camelb2b.token.main;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code b2b.sandbox.demo}: once the standalone app has started on its sandbox, one create-VA goes
 * through the signing gateway as a caller would send it, so the run shows both directions: our
 * token and signed call to the sandbox, then the sandbox paying the account through our inbound
 * listener (token request, payment notification). SANDBOX ONLY.
 */
final class SandboxDemo {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxDemo.class);
    static final String PATH = "/gateway/doku/virtual-accounts/bi-snap-va/v1.1/transfer-va/create-va";
    static final String BODY = "{\"partnerServiceId\":\"  888994\",\"customerNo\":\"00000000000000000001\","
            + "\"virtualAccountNo\":\"  88899400000000000000000001\",\"virtualAccountName\":\"Budi Santoso\","
            + "\"trxId\":\"INV-SANDBOX-0001\",\"totalAmount\":{\"value\":\"12500.00\",\"currency\":\"IDR\"}}";

    private SandboxDemo() {
    }

    /** Sends the create-VA in the background and logs the gateway's answer. */
    static void start(String gatewayHost, int gatewayPort) {
        Thread t = new Thread(() -> {
            try {
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://" + gatewayHost + ":"
                                + gatewayPort + PATH)).timeout(Duration.ofSeconds(20))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(BODY, StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                LOG.info("Sandbox demo: create-VA through the gateway answered HTTP {} {}", r.statusCode(),
                        r.headers().firstValue("X-B2B-RESPONSE-CODE").orElse("(no response code)"));
            } catch (Exception e) {
                LOG.warn("Sandbox demo: the create-VA through the gateway failed: {}", e.toString());
            }
        }, "b2b-sandbox-demo");
        t.setDaemon(true);
        t.start();
    }
}

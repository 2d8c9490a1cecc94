package org.camelb2b.token.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.camelb2b.token.testing.TestApp;

/** The standalone app, with a provider "bench" on the benchmark server and room for many connections. */
final class BenchApp {

    private BenchApp() {
    }

    static TestApp start(BenchServer server, int gatewayPort) throws Exception {
        Map<String, String> p = new HashMap<>();
        // our calls: the provider's own pool and limit; the plain camel-http baseline: the component's
        p.put("b2b.bench.max-concurrent-calls", "2000");
        p.put("b2b.gateway.worker-threads", "2001");
        p.put("camel.component.http.max-total-connections", "2000");
        p.put("camel.component.http.connections-per-route", "2000");
        p.put("camel.component.http.connection-request-timeout", "30000");
        if (!Boolean.parseBoolean(System.getProperty("bench.stampede.cookies", "true"))) {
            // camel-http keeps a cookie store per endpoint and clears it before every request under
            // its write lock, which 1,000 callers queue on (-Dbench.stampede.cookies=false: off)
            p.put("camel.component.http.cookie-management-disabled", "true");
        }
        return start(server.baseUrl(), gatewayPort, p);
    }

    /**
     * The app with the provider "bench" at {@code providerUrl} (its token endpoint and payment
     * calls; the plain proxy of bench.yaml calls {@code providerUrl/pay}), the gateway on
     * {@code gatewayPort} when positive, and {@code overrides} on top.
     */
    static TestApp start(String providerUrl, int gatewayPort, Map<String, String> overrides) throws Exception {
        Map<String, String> p = new HashMap<>();
        String routes = Path.of("routes").toAbsolutePath().toString();
        p.put("camel.main.routes-include-pattern", "file:" + routes + "/*.yaml,classpath:bench-routes/bench.yaml");
        p.put("b2b.bench.base-url", providerUrl);
        p.put("b2b.bench.client-id", "BENCH-CLIENT");
        p.put("b2b.bench.client-secret", "bench-client-secret");
        p.put("b2b.bench.private-key", "classpath:keys/rsa-pkcs8.pem");
        p.put("b2b.bench.channel-id", "95221");
        p.put("b2b.token.acquire-timeout-ms", "30000");
        p.put("bench.stub-url", providerUrl);
        if (gatewayPort > 0) {
            p.put("b2b.gateway.enabled", "true");
            p.put("b2b.gateway.port", String.valueOf(gatewayPort));
        }
        p.putAll(overrides);
        return TestApp.start(p);
    }
}

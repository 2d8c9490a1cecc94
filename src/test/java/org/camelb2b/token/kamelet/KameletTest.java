package org.camelb2b.token.kamelet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import io.micrometer.core.instrument.MeterRegistry;

import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.main.Main;
import org.camelb2b.token.provider.ConfigurationException;
import org.camelb2b.token.sandbox.SandboxProvider;
import org.camelb2b.token.testing.SandboxSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kamelets in a plain camel-main application in this JVM (not ours: no B2bStartup, no config/
 * or routes/): startup checks of kamelet-declared providers, their readiness checks, and the token
 * action's header. The separate-JVM proof with only the jar is DropInTest.
 */
class KameletTest {

    @TempDir
    Path dir;

    private Main start(String routes, Map<String, String> properties) throws Exception {
        Path file = dir.resolve("routes.yaml");
        Files.writeString(file, routes);
        Main main = new Main();
        main.configure().withRoutesIncludePattern("file:" + file);
        Properties p = new Properties();
        p.put("camel.main.auto-configuration-log-summary", "false");
        p.put("camel.health.enabled", "true");
        p.putAll(properties);
        main.setOverrideProperties(p);
        try {
            main.start();
        } catch (Exception e) {
            main.stop();
            throw e;
        }
        return main;
    }

    private static String tokenRoute(String id, String provider, String parameters) {
        return """
                - route:
                    from:
                      uri: direct:%s
                      steps:
                        - kamelet:
                            name: b2b-token-action
                            parameters:
                              provider: %s
                %s
                """.formatted(id, provider, parameters.indent(14).stripTrailing());
    }

    private static ConfigurationException configurationCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConfigurationException ce) {
                return ce;
            }
        }
        throw new AssertionError("no ConfigurationException in", e);
    }

    @Test
    void everyProblemOfEveryKameletProviderStopsStartupAtOnce() {
        String routes = tokenRoute("a", "bank-a", "baseUrl: ftp://bank-a.example\nclientId: A\nprivateKey: classpath:keys/rsa-pkcs8.pem")
                + tokenRoute("b", "bank-b", "baseUrl: https://bank-b.example\nprivateKey: classpath:keys/rsa-1024.pem\n"
                        + "timestampZone: Mars/Olympus");
        Exception e = assertThrows(Exception.class, () -> start(routes, Map.of()).stop());
        String message = configurationCause(e).getMessage();
        assertTrue(message.contains("b2b.bank-a.base-url: must be an http:// or https:// URL"), message);
        assertTrue(message.contains("b2b.bank-b.client-id: is not set"), message);
        assertTrue(message.contains("b2b.bank-b.private-key"), message);
        assertTrue(message.contains("b2b.bank-b.timestamp-zone"), message);
    }

    @Test
    void twoKameletsCannotGiveOneProviderTwoBaseUrls() {
        String routes = tokenRoute("a", "bank", "baseUrl: https://one.example")
                + tokenRoute("b", "bank", "baseUrl: https://two.example");
        Exception e = assertThrows(Exception.class, () -> start(routes, Map.of()).stop());
        String message = configurationCause(e).getMessage();
        assertTrue(message.contains("b2b.bank.base-url: declared twice with different values"), message);
    }

    @Test
    void theTokenActionSetsTheAuthorizationHeaderAndKeepsTheBody() throws Exception {
        try (SandboxProvider sandbox = SandboxSetup.start()) {
            // the rest of klikoo's settings come from b2b.klikoo.* properties
            String routes = tokenRoute("token", "klikoo", "dialect: klikoo\nbaseUrl: " + sandbox.baseUrl() + "/klikoo-b2b\n"
                    + "privateKey: classpath:keys/rsa-pkcs1.pem");
            Main main = start(routes, Map.of("b2b.klikoo.client-id", SandboxSetup.KLIKOO_CLIENT,
                    "b2b.klikoo.client-secret", SandboxSetup.KLIKOO_SECRET, "camel.metrics.enabled", "true"));
            try {
                Exchange reply = main.getCamelContext().createProducerTemplate().request("direct:token",
                        ex -> ex.getMessage().setBody("the caller's body"));
                assertEquals(null, reply.getException());
                String authorization = reply.getMessage().getHeader("Authorization", String.class);
                assertTrue(authorization.startsWith("Bearer "), authorization);
                assertTrue(sandbox.isValidToken(authorization.substring("Bearer ".length())), "a token the provider issued");
                assertEquals("the caller's body", reply.getMessage().getBody(String.class));
                assertEquals(1, sandbox.tokenRequests(SandboxSetup.KLIKOO_CLIENT));

                // the application's Micrometer registry (camel-micrometer) has the bundle's meters
                MeterRegistry meters = main.getCamelContext().getRegistry().findSingleByType(MeterRegistry.class);
                assertEquals(sandbox.tokenRequests(SandboxSetup.KLIKOO_CLIENT), (int) meters.get("b2b.token.requests")
                        .tag("provider", "klikoo").tag("outcome", "success").counter().count());

                HealthCheckRegistry registry = HealthCheckRegistry.get(main.getCamelContext());
                assertTrue(registry.getCheck("b2b-token-klikoo").isPresent(), "a readiness check for the kamelet's provider");
                HealthCheck.Result result = registry.getCheck("b2b-token-klikoo").orElseThrow().call();
                assertEquals(HealthCheck.State.UP, result.getState());
                assertFalse(result.getDetails().toString().contains(authorization.substring(7)), "no token in the details");
            } finally {
                main.stop();
            }
        }
    }
}

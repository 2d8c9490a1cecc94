package org.camelb2b.token.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.camelb2b.token.sandbox.SandboxProvider;
import org.camelb2b.token.testing.SandboxSetup;
import org.camelb2b.token.token.AccessToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The standalone application's routes as camel-main runs them (its application.properties, its
 * routes: providers.yaml's templated token routes, the gateway, the bundled fetch and call routes),
 * pointed at a verifying sandbox of the test's own.
 */
class StandaloneRoutesTest extends CamelMainTestSupport {

    static SandboxProvider sandbox;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = SandboxSetup.start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Override
    protected String getPropertyPlaceholderLocations() {
        return "classpath:camel-b2b-token/application.properties";
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties p = new Properties();
        p.putAll(SandboxSetup.settings(sandbox));
        p.put("b2b.sandbox.enabled", "false");
        p.put("b2b.gateway.enabled", "false");
        p.put("b2b.warmup.enabled", "false");
        p.put("camel.management.enabled", "false");
        return p;
    }

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        // the app's own listener (B2bStartup: sandbox, gateway threads and guard, warm-up) has
        // nothing to do here, all of it being off: the routes and the b2b component need nothing else
        configuration.withRoutesIncludePattern("classpath:camel-b2b-token/routes/*.yaml");
    }

    @Test
    void eachDeclaredProvidersTokenRouteAnswersFromOneFetch() {
        NotifyBuilder fetched = new NotifyBuilder(context).fromRoute("b2b-token-fetch-doku").whenCompleted(1).create();
        AccessToken first = template.requestBody("direct:b2b-token-doku", null, AccessToken.class);
        assertTrue(fetched.matches(5, TimeUnit.SECONDS), "the fetch route ran");
        assertTrue(sandbox.isValidToken(first.value()));

        NotifyBuilder again = new NotifyBuilder(context).fromRoute("b2b-token-fetch-doku").whenCompleted(1).create();
        AccessToken second = template.requestBody("direct:b2b-token-doku", null, AccessToken.class);
        assertEquals(first.value(), second.value(), "from the cache");
        assertFalse(again.matches(200, TimeUnit.MILLISECONDS), "no second fetch");
        assertEquals(1, sandbox.tokenRequests(SandboxSetup.DOKU_CLIENT));

        AccessToken klikoo = template.requestBody("direct:b2b-token-klikoo", null, AccessToken.class);
        assertTrue(sandbox.isValidToken(klikoo.value()));
    }

    @Test
    void theAppsRoutesAreTheBundledOnesAndItsOwn() {
        for (String id : new String[] {"b2b-token-doku", "b2b-token-klikoo", "b2b-token-fetch-doku",
            "b2b-token-fetch-klikoo", "b2b-call", "b2b-gateway"}) {
            assertNotNull(context.getRoute(id), id);
        }
        assertFalse(context.getRouteController().getRouteStatus("b2b-gateway").isStarted(), "gateway off");
    }
}

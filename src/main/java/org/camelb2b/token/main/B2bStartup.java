package org.camelb2b.token.main;

import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.camelb2b.token.flow.B2bRuntime;
import org.camelb2b.token.flow.DeclaredProviders;
import org.camelb2b.token.health.ProviderReadinessCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Startup of the standalone application: starts the sandbox when enabled, checks every declared
 * provider's settings before any route starts (all problems reported at once, startup fails), and
 * warms the token cache once the routes are up.
 */
public final class B2bStartup extends MainListenerSupport {

    private static final Logger LOG = LoggerFactory.getLogger(B2bStartup.class);

    @Override
    public void afterConfigure(BaseMainSupport main) {
        try {
            main.getCamelContext().addStartupListener(listener());
        } catch (Exception e) {
            throw new IllegalStateException("cannot register the B2B startup checks", e);
        }
    }

    private static StartupListener listener() {
        return new StartupListener() {
            @Override
            public void onCamelContextStarting(CamelContext context, boolean alreadyStarted) throws Exception {
                if (Settings.flag(context, "b2b.sandbox.enabled", false)) {
                    context.addService(SandboxService.fromSettings(context), true, true);
                }
                Set<String> providers = DeclaredProviders.of(context);
                B2bRuntime.of(context).providers().registerAll(providers);
                HealthCheckRegistry health = HealthCheckRegistry.get(context);
                if (health != null) {
                    providers.forEach(id -> health.register(new ProviderReadinessCheck(id)));
                }
                LOG.info("B2B providers configured: {}", providers);
            }

            @Override
            public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
                // nothing: warm-up waits for the routes, in onCamelContextFullyStarted
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
                if (Settings.flag(context, "b2b.warmup.enabled", true)) {
                    new WarmUp(context).start();
                }
            }
        };
    }
}

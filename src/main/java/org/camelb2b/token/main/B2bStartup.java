package org.camelb2b.token.main;

import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.camelb2b.token.flow.ProviderDeclarations;

/**
 * Startup of the standalone application: starts the sandbox when enabled, has every declared
 * provider's settings checked before any route starts (all problems reported at once, startup
 * fails; see ProviderDeclarations), and warms the token cache once the routes are up.
 */
public final class B2bStartup extends MainListenerSupport {

    @Override
    public void afterConfigure(BaseMainSupport main) {
        try {
            CamelContext context = main.getCamelContext();
            context.addStartupListener(listener());
            // the providers' checks and readiness checks, before any route starts
            ProviderDeclarations.of(context);
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

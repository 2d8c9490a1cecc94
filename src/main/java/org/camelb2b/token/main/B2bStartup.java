package org.camelb2b.token.main;

import java.util.ArrayList;
import java.util.List;

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
            // the providers' checks and readiness checks, before any route starts, with this
            // application's own settings checked alongside, so one failed start names them all
            ProviderDeclarations.of(context).addStartupCheck(B2bStartup::checkSettings);
            context.addStartupListener(listener());
        } catch (Exception e) {
            throw new IllegalStateException("cannot register the B2B startup checks", e);
        }
    }

    /** Problems with the standalone application's own settings, each under its full name. */
    static List<String> checkSettings(CamelContext context) {
        List<String> problems = new ArrayList<>();
        Settings settings = new Settings(context, problems);
        settings.flag("b2b.warmup.enabled", true);
        settings.flag("b2b.gateway.enabled", true);
        settings.port("b2b.gateway.port", 8080);
        if (settings.flag("b2b.sandbox.enabled", false)) {
            SandboxService.fromSettings(settings);
        }
        return problems;
    }

    private static StartupListener listener() {
        return new StartupListener() {
            @Override
            public void onCamelContextStarting(CamelContext context, boolean alreadyStarted) throws Exception {
                // the settings were checked already (checkSettings)
                Settings settings = new Settings(context, new ArrayList<>());
                if (settings.flag("b2b.sandbox.enabled", false)) {
                    context.addService(SandboxService.fromSettings(settings), true, true);
                }
            }

            @Override
            public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
                // nothing: warm-up waits for the routes, in onCamelContextFullyStarted
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
                if (new Settings(context, new ArrayList<>()).flag("b2b.warmup.enabled", true)) {
                    new WarmUp(context).start();
                }
            }
        };
    }
}

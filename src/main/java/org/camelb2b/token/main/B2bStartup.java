package org.camelb2b.token.main;

import java.util.ArrayList;
import java.util.List;

import io.vertx.core.VertxOptions;

import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.main.BaseMainSupport;
import org.camelb2b.token.flow.B2bRuntime;
import org.apache.camel.main.MainListenerSupport;
import org.camelb2b.token.flow.ProviderDeclarations;

/**
 * Startup of the standalone application: starts the sandbox when enabled, has every declared
 * provider's settings checked before any route starts (all problems reported at once, startup
 * fails; see ProviderDeclarations), and warms the token cache once the routes are up.
 */
public final class B2bStartup extends MainListenerSupport {

    /** Vert.x worker threads of the gateway when {@code b2b.gateway.worker-threads} is not set. */
    static final int DEFAULT_WORKER_THREADS = 200;

    /**
     * The gateway's HTTP server (platform-http on Vert.x) runs each request's route on a Vert.x
     * worker thread, which the provider call blocks; Vert.x has 20 by default, so one hanging
     * provider could take them all. The pool is sized by {@code b2b.gateway.worker-threads}, bound
     * before camel-main makes the server, and checked at startup to be larger than every
     * provider's {@code max-concurrent-calls}: a hanging provider leaves the difference to the others.
     */
    @Override
    public void beforeConfigure(BaseMainSupport main) {
        CamelContext context = main.getCamelContext();
        int threads = new Settings(context, new ArrayList<>()).count("b2b.gateway.worker-threads",
                DEFAULT_WORKER_THREADS, 1, 10_000);
        if (context.getRegistry().findSingleByType(VertxOptions.class) == null) {
            context.getRegistry().bind("b2bGatewayVertxOptions", new VertxOptions().setWorkerPoolSize(threads));
        }
    }

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
        int threads = settings.count("b2b.gateway.worker-threads", DEFAULT_WORKER_THREADS, 1, 10_000);
        // a hanging provider holds at most its own max-concurrent-calls threads; the rest serve the others
        B2bRuntime.of(context).providers().all().stream()
                .filter(p -> settings.flag("b2b.gateway.enabled", true) && p.callLimits().maxConcurrentCalls() >= threads)
                .forEach(p -> problems.add("b2b.gateway.worker-threads: must be more than b2b." + p.id()
                        + ".max-concurrent-calls (" + p.callLimits().maxConcurrentCalls() + "), so that a hanging "
                        + "provider cannot take every gateway thread; was " + threads));
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

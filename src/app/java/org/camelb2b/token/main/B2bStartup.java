package org.camelb2b.token.main;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.vertx.core.VertxOptions;

import org.apache.camel.CamelContext;
import org.apache.camel.Ordered;
import org.apache.camel.StartupListener;
import org.apache.camel.main.BaseMainSupport;
import org.camelb2b.token.flow.B2bRuntime;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.camelb2b.token.component.B2bComponent;
import org.camelb2b.token.gateway.GatewayGuard;
import org.camelb2b.token.gateway.GatewayLimits;

/**
 * Startup of the standalone application: starts the sandbox when enabled, has every declared
 * provider's settings checked before any route starts (all problems reported at once, startup
 * fails; the b2b component runs them with its own), has the component warm the token cache
 * once the routes are up ({@code b2b.warmup.enabled}), and makes the inbound listener with one
 * route per provider that calls us ({@code b2b.inbound.*}, {@code b2b.<p>.inbound.enabled}).
 */
public final class B2bStartup extends MainListenerSupport {

    /** Vert.x worker threads of the gateway when {@code b2b.gateway.worker-threads} is not set. */
    static final int DEFAULT_WORKER_THREADS = 200;
    /** The inbound listener's address when {@code b2b.inbound.host} / {@code port} are not set. */
    static final String DEFAULT_INBOUND_HOST = "127.0.0.1";
    static final int DEFAULT_INBOUND_PORT = 8081;

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
        int threads = (int) new Settings(context, new ArrayList<>()).number("b2b.gateway.worker-threads",
                DEFAULT_WORKER_THREADS, 1, 10_000, "threads");
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
            B2bComponent b2b = context.getComponent("b2b", B2bComponent.class);
            b2b.addStartupCheck(this::checkSettings);
            context.addStartupListener(listener());
            Settings settings = new Settings(context, new ArrayList<>()); // problems: reported by checkSettings
            b2b.setWarmUp(settings.flag("b2b.warmup.enabled", true));
            if (settings.flag("b2b.gateway.enabled", true)) {
                guardGateway(context, gatewayLimits(settings));
            }
            if (settings.flag("b2b.inbound.enabled", true)) {
                Set<String> providers = InboundListener.enabledProviders(context, settings);
                if (!providers.isEmpty()) {
                    InboundListener.install(context, settings.optional("b2b.inbound.host", DEFAULT_INBOUND_HOST),
                            settings.port("b2b.inbound.port", DEFAULT_INBOUND_PORT), providers);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot register the B2B startup checks", e);
        }
    }

    /** The sandbox checkSettings made, when {@code b2b.sandbox.enabled}. */
    private volatile SandboxService sandbox;

    /** Problems with the standalone application's own settings, each under its full name. */
    List<String> checkSettings(CamelContext context) {
        List<String> problems = new ArrayList<>();
        Settings settings = new Settings(context, problems);
        settings.flag("b2b.warmup.enabled", true);
        settings.flag("b2b.gateway.enabled", true);
        settings.flag("b2b.sandbox.demo", false);
        settings.port("b2b.gateway.port", 8080);
        int threads = (int) settings.number("b2b.gateway.worker-threads", DEFAULT_WORKER_THREADS, 1, 10_000, "threads");
        // a hanging provider holds at most its own max-concurrent-calls threads; the rest serve the others
        B2bRuntime.of(context).providers().all().stream()
                .filter(p -> settings.flag("b2b.gateway.enabled", true) && p.callLimits().maxConcurrentCalls() >= threads)
                .forEach(p -> problems.add("b2b.gateway.worker-threads: must be more than b2b." + p.id()
                        + ".max-concurrent-calls (" + p.callLimits().maxConcurrentCalls() + "), so that a hanging "
                        + "provider cannot take every gateway thread; was " + threads));
        gatewayLimits(settings);
        if (settings.flag("b2b.inbound.enabled", true)) {
            int inboundPort = settings.port("b2b.inbound.port", DEFAULT_INBOUND_PORT);
            if (inboundPort == 0) {
                // its routes find the listener's router by its port: a port chosen by the system has none yet
                problems.add("b2b.inbound.port: must be a port number 1-65535, was 0");
            }
            if (settings.flag("b2b.gateway.enabled", true) && inboundPort != 0
                    && inboundPort == settings.port("b2b.gateway.port", 8080)) {
                problems.add("b2b.inbound.port: must differ from b2b.gateway.port (" + inboundPort + "): the inbound"
                        + " listener is a server of its own");
            }
        }
        // made once, here; started by the listener below, which runs after these checks
        sandbox = settings.flag("b2b.sandbox.enabled", false) ? SandboxService.fromSettings(settings) : null;
        return problems;
    }

    /**
     * The gateway's limits ({@code b2b.gateway.max-body-size}, {@code max-body-bytes-in-flight},
     * {@code request-read-timeout-ms}); a bad value is a problem under its name.
     */
    static GatewayLimits gatewayLimits(Settings settings) {
        long maxBody = settings.number("b2b.gateway.max-body-size", GatewayLimits.DEFAULT_MAX_BODY_SIZE, 1024,
                64L * 1024 * 1024, "bytes");
        long inFlight = settings.number("b2b.gateway.max-body-bytes-in-flight",
                Math.max(GatewayLimits.DEFAULT_MAX_BODY_BYTES_IN_FLIGHT, maxBody), 1024, 4L * 1024 * 1024 * 1024, "bytes");
        long readTimeout = settings.number("b2b.gateway.request-read-timeout-ms",
                GatewayLimits.DEFAULT_REQUEST_READ_TIMEOUT_MS, 100, 300_000, "milliseconds");
        if (inFlight < maxBody) {
            settings.problem("b2b.gateway.max-body-bytes-in-flight: must be at least b2b.gateway.max-body-size ("
                    + maxBody + "), was " + inFlight);
        }
        return new GatewayLimits(maxBody, inFlight, readTimeout);
    }

    /**
     * Caps platform-http's body handler at the gateway's body size now (it is built when the
     * gateway route is set up), and puts the guard in front of the gateway route once the HTTP
     * server is up, before any route starts (so no request reaches the route unguarded).
     */
    private static void guardGateway(CamelContext context, GatewayLimits limits) {
        GatewayGuard.capBodyHandler(context, limits);
        context.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public boolean isEnabled(CamelEvent event) {
                return event instanceof CamelEvent.CamelContextRoutesStartingEvent;
            }

            @Override
            public void notify(CamelEvent event) {
                GatewayGuard.install(context, limits);
            }
        });
    }

    /** Starts the sandbox after the b2b component's startup checks (which made it) have run. */
    private StartupListener listener() {
        class SandboxStart implements StartupListener, Ordered {
            @Override
            public int getOrder() {
                return Ordered.LOWEST;
            }

            @Override
            public void onCamelContextStarting(CamelContext context, boolean alreadyStarted) throws Exception {
                // the settings were checked already, and the sandbox made (checkSettings)
                if (sandbox != null) {
                    context.addService(sandbox, true, true);
                }
            }

            @Override
            public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
                // nothing
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
                Settings settings = new Settings(context, new ArrayList<>());
                if (sandbox != null && settings.flag("b2b.sandbox.demo", false)
                        && settings.flag("b2b.gateway.enabled", true)) {
                    SandboxDemo.start(settings.optional("b2b.gateway.host", "127.0.0.1"),
                            settings.port("b2b.gateway.port", 8080));
                }
            }
        }
        return new SandboxStart();
    }
}

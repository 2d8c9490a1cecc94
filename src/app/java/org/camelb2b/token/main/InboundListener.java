package org.camelb2b.token.main;

import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.spi.PlatformHttpConsumer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpConsumer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpEngine;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.Processor;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.camelb2b.token.flow.B2bRuntime;
import org.camelb2b.token.inbound.InboundRuntime;

/**
 * The standalone app's inbound listener ({@code b2b.inbound.host}:{@code b2b.inbound.port}): a
 * Vert.x HTTP server of its own, apart from the gateway's (which stays on loopback; this one is
 * what a reverse proxy with TLS exposes to providers). It is a second platform-http: a
 * {@link VertxPlatformHttpServer} on its port and a platform-http component, {@value #COMPONENT},
 * whose consumers attach to that server's router; one route per provider with
 * {@code b2b.<p>.inbound.enabled=true}, from the library's {@code b2b-inbound} template.
 */
final class InboundListener {

    /** The platform-http component of the inbound listener. */
    static final String COMPONENT = "b2b-inbound-http";
    /** Bodies larger than this are refused (413) before they are read: notifications are a few KB. */
    static final long MAX_BODY_SIZE = 1024 * 1024;
    private static final Pattern ENABLED = Pattern.compile("b2b\\.([a-z0-9][a-z0-9_-]{0,39})\\.inbound\\.enabled");
    private static final Pattern ENABLED_ENV = Pattern.compile("B2B_([A-Z0-9][A-Z0-9_]{0,39})_INBOUND_ENABLED");

    private InboundListener() {
    }

    /**
     * The providers with {@code b2b.<p>.inbound.enabled=true} in any source of settings: the
     * properties files, -D system properties, environment variables, and the providers the
     * routes declare.
     */
    static Set<String> enabledProviders(CamelContext context, Settings settings) {
        Set<String> ids = new TreeSet<>();
        Properties loaded = context.getPropertiesComponent().loadProperties(k -> ENABLED.matcher(k).matches());
        for (Enumeration<?> e = loaded.propertyNames(); e.hasMoreElements(); ) {
            addMatch(ids, ENABLED.matcher(e.nextElement().toString()));
        }
        for (String name : System.getProperties().stringPropertyNames()) {
            addMatch(ids, ENABLED.matcher(name));
        }
        for (String name : System.getenv().keySet()) {
            Matcher m = ENABLED_ENV.matcher(name);
            if (m.matches()) {
                ids.add(m.group(1).toLowerCase(Locale.ROOT));
            }
        }
        ids.addAll(B2bRuntime.of(context).declarations().ids());
        ids.removeIf(id -> !settings.flag("b2b." + id + ".inbound.enabled", false));
        return ids;
    }

    private static void addMatch(Set<String> ids, Matcher m) {
        if (m.matches()) {
            ids.add(m.group(1));
        }
    }

    /**
     * Makes the listener (started with the context's services, before any route) and one inbound
     * route per provider, {@code b2b-inbound-<p>}.
     */
    static void install(CamelContext context, String host, int port, Set<String> providers) throws Exception {
        VertxPlatformHttpServerConfiguration configuration = new VertxPlatformHttpServerConfiguration();
        configuration.setBindHost(host);
        configuration.setBindPort(port);
        configuration.setMaxBodySize(MAX_BODY_SIZE);
        VertxPlatformHttpServer server = new VertxPlatformHttpServer(configuration);
        context.addService(server, true, true);
        PlatformHttpComponent component = new PlatformHttpComponent();
        component.setEngine(new Engine(port));
        context.addComponent(COMPONENT, component);
        ModelCamelContext model = (ModelCamelContext) context;
        if (model.getRouteTemplateDefinition(InboundRuntime.TEMPLATE) == null) {
            PluginHelper.getRoutesLoader(context).loadRoutes(
                    ResourceHelper.resolveMandatoryResource(context, InboundRuntime.TEMPLATE_LOCATION));
        }
        for (String provider : providers) {
            model.addRouteFromTemplate("b2b-inbound-" + provider, InboundRuntime.TEMPLATE,
                    Map.of("provider", provider, "server", COMPONENT));
        }
    }

    /**
     * platform-http's Vert.x engine for the inbound listener: its consumers attach to the router
     * the inbound server registers under its port. (The stock engine would attach them to the
     * gateway's server, and registers itself as the context's one engine, which this one must not.)
     */
    private static final class Engine extends VertxPlatformHttpEngine {
        private final int port;

        Engine(int port) {
            this.port = port;
        }

        @Override
        protected void doInit() {
            // not bound as the context's platform-http engine: the gateway's stays that
        }

        @Override
        public int getServerPort() {
            return port;
        }

        @Override
        public PlatformHttpConsumer createConsumer(PlatformHttpEndpoint endpoint, Processor processor) {
            return new VertxPlatformHttpConsumer(endpoint, processor, getHandlers(),
                    VertxPlatformHttpRouter.getRouterNameFromPort(port));
        }
    }
}

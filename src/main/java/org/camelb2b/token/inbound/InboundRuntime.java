package org.camelb2b.token.inbound;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Ticker;

import org.apache.camel.CamelContext;
import org.apache.camel.Ordered;
import org.apache.camel.Route;
import org.apache.camel.StartupListener;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.camelb2b.token.component.B2bComponent;
import org.camelb2b.token.flow.B2bRuntime;
import org.camelb2b.token.flow.TraceMasking;
import org.camelb2b.token.provider.ConfigurationException;
import org.camelb2b.token.provider.InboundConfig;
import org.camelb2b.token.provider.Placeholders;
import org.camelb2b.token.provider.ProviderConfigLoader;

/**
 * What one CamelContext's inbound routes share: each received provider's checked settings, the
 * tokens we issued, the replay store and the clock. Kept by the context's {@code b2b} component
 * ({@link B2bRuntime#extension}), so it lives and goes with it.
 *
 * <p>While the context starts, every provider an inbound route receives (a route made from the
 * {@value #TEMPLATE} template, group {@value #ROUTE_GROUP}) has its settings checked with the
 * component's own checks: all problems at once, and startup fails.
 */
public final class InboundRuntime {

    /** The one line per inbound request is logged here. */
    public static final String LOGGER = "org.camelb2b.token.inbound";
    /** The route template of the inbound flow, and the group of the routes made from it. */
    public static final String TEMPLATE = "b2b-inbound";
    public static final String ROUTE_GROUP = "b2b-inbound";
    /** The template's file, in the jar. */
    public static final String TEMPLATE_LOCATION = "classpath:camel-b2b-token/routes/b2b-inbound.yaml";
    /** The application's route for a provider's verified notifications: this, then the provider id. */
    public static final String HANDLER_PREFIX = "direct:b2b-inbound-";
    /** A path prefix a reverse proxy strips before our listener sees the path; signed paths carry it. */
    public static final String PATH_PREFIX = "b2b.inbound.path-prefix";

    private final CamelContext context;
    private final ProviderConfigLoader loader;
    private final Map<String, InboundConfig> configs = new ConcurrentHashMap<>();
    private final IssuedTokens tokens = new IssuedTokens(Ticker.systemTicker());
    private final Clock clock = Clock.systemUTC();
    private final ReplayStore memoryReplays = new MemoryReplayStore(MemoryReplayStore.DEFAULT_MAX_ENTRIES,
            Ticker.systemTicker());
    /** Set explicitly ({@link #setReplayStore}); null: the token store's, when it shares one, else memory. */
    private volatile ReplayStore replays;
    private final B2bRuntime b2b;
    private volatile String pathPrefix;

    private InboundRuntime(B2bRuntime b2b) {
        this.b2b = b2b;
        this.context = b2b.context();
        // as for calls: settings an endpoint declared win, then the b2b.<provider>.* properties
        this.loader = new ProviderConfigLoader(name -> b2b.declarations().setting(name)
                .or(() -> Placeholders.resolve(context, name)));
    }

    /**
     * Has the received providers' settings checked while {@code context} starts (once per context;
     * nothing once it runs). Called when the flow's beans are made, which is while routes are
     * loaded: too early to make the {@code b2b} component (its meters need the context's Micrometer
     * registry, which camel-main binds later), so the check waits for the context to start. It runs
     * with the component's own checks when the application has the component (all problems at
     * once), else on its own.
     */
    static void checkAtStartup(CamelContext context) {
        if (context.isStarted() || context.getRegistry().lookupByName(STARTUP_CHECK) != null) {
            return;
        }
        context.getRegistry().bind(STARTUP_CHECK, new StartupCheck());
        try {
            context.addStartupListener(context.getRegistry().lookupByNameAndType(STARTUP_CHECK, StartupCheck.class));
        } catch (Exception e) {
            throw new IllegalStateException("cannot register the inbound settings check", e);
        }
    }

    private static final String STARTUP_CHECK = "b2bInboundStartupCheck";

    /** Runs before the {@code b2b} component's own startup listener (Camel orders them). */
    private static final class StartupCheck implements StartupListener, Ordered {
        @Override
        public int getOrder() {
            return Ordered.HIGHEST;
        }

        @Override
        public void onCamelContextStarting(CamelContext context, boolean alreadyStarted) {
            if (receivedProviders(context).isEmpty()) {
                return;
            }
            if (context.hasComponent(B2bRuntime.COMPONENT) instanceof B2bComponent component) {
                component.addStartupCheck(InboundRuntime::startupProblems);
                return;
            }
            // no b2b endpoint in this application: made now, its own start-up pass is over
            List<String> problems = startupProblems(context);
            if (!problems.isEmpty()) {
                throw new ConfigurationException(problems);
            }
            TraceMasking.install(context);
        }

        @Override
        public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
            // nothing
        }
    }

    /** The inbound state of {@code context} (made with its {@code b2b} component on first use). */
    public static InboundRuntime of(CamelContext context) {
        B2bRuntime b2b = B2bRuntime.of(context);
        return b2b.extension(InboundRuntime.class, () -> new InboundRuntime(b2b));
    }

    /**
     * The checked inbound settings of {@code provider}, loaded on first use.
     *
     * @throws ConfigurationException naming every problem
     */
    public InboundConfig config(String provider) {
        InboundConfig config = configs.get(provider);
        if (config != null) {
            return config;
        }
        return configs.computeIfAbsent(provider, id -> {
            List<String> problems = new ArrayList<>();
            InboundConfig loaded = loader.loadInbound(id, problems);
            if (loaded == null) {
                throw new ConfigurationException(problems);
            }
            return loaded;
        });
    }

    public IssuedTokens tokens() {
        return tokens;
    }

    /**
     * The replay store: one set explicitly, else the cluster's when the token store is shared
     * ({@code b2b.token.store=hazelcast}: an {@code X-EXTERNAL-ID} seen by one instance is a replay
     * on every other), else this instance's memory.
     */
    public ReplayStore replays() {
        ReplayStore set = replays;
        if (set != null) {
            return set;
        }
        return b2b.cache().store() instanceof ReplayStore.Source shared ? shared.replayStore() : memoryReplays;
    }

    /** Replaces the replay store (a store shared by a cluster's nodes); before the first request. */
    public void setReplayStore(ReplayStore store) {
        this.replays = Objects.requireNonNull(store, "store");
    }

    public Clock clock() {
        return clock;
    }

    /** {@value #PATH_PREFIX}: empty, or {@code /x[/y]} without a trailing {@code /}. */
    public String pathPrefix() {
        String p = pathPrefix;
        if (p == null) {
            p = readPathPrefix(new ArrayList<>());
            pathPrefix = p;
        }
        return p;
    }

    private String readPathPrefix(List<String> problems) {
        String value;
        try {
            value = Placeholders.resolve(context, PATH_PREFIX).map(String::strip).orElse("");
        } catch (Placeholders.UnresolvedSettingException e) {
            problems.add(e.getMessage());
            return "";
        }
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        if (!value.isEmpty() && (!value.startsWith("/") || value.contains("?") || value.contains("#")
                || value.contains(" ") || value.contains("//"))) {
            problems.add(PATH_PREFIX + ": must be a path such as /api, was '" + value + "'");
            return "";
        }
        return value;
    }

    /** Whether the application has a route consuming from {@code direct:b2b-inbound-<provider>}. */
    public boolean hasHandler(String provider) {
        String endpoint = HANDLER_PREFIX + provider;
        for (Route route : context.getRoutes()) {
            String uri = route.getEndpoint().getEndpointUri().replace("direct://", "direct:");
            int q = uri.indexOf('?');
            if ((q < 0 ? uri : uri.substring(0, q)).equals(endpoint)) {
                return true;
            }
        }
        return false;
    }

    /** The providers the context's inbound routes receive: routes of group {@value #ROUTE_GROUP} made from the template. */
    public static Set<String> receivedProviders(CamelContext context) {
        Set<String> ids = new LinkedHashSet<>();
        if (context instanceof ModelCamelContext model) {
            for (RouteDefinition route : model.getRouteDefinitions()) {
                Map<String, Object> parameters = route.getTemplateParameters();
                if (route.isCreatedFromTemplate() && ROUTE_GROUP.equals(route.getGroup()) && parameters != null
                        && parameters.get("provider") != null) {
                    ids.add(parameters.get("provider").toString());
                }
            }
        }
        return ids;
    }

    /** Every problem of every received provider's inbound settings and of {@value #PATH_PREFIX}; registers them. */
    static List<String> startupProblems(CamelContext context) {
        InboundRuntime runtime = of(context);
        List<String> problems = new ArrayList<>();
        for (String id : receivedProviders(context)) {
            InboundConfig config = runtime.loader.loadInbound(id, problems);
            if (config != null) {
                runtime.configs.put(id, config);
            }
        }
        runtime.pathPrefix = runtime.readPathPrefix(problems);
        return problems;
    }

    @Override
    public String toString() {
        return "InboundRuntime" + configs.keySet();
    }
}

package org.camelb2b.token.component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.StartupListener;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.service.ServiceHelper;
import org.camelb2b.token.flow.B2bRuntime;
import org.camelb2b.token.flow.BundledRoutes;
import org.camelb2b.token.flow.TraceMasking;
import org.camelb2b.token.health.ProviderReadinessCheck;
import org.camelb2b.token.provider.ConfigurationException;
import org.camelb2b.token.provider.ProviderSetting;
import org.camelb2b.token.provider.ProviderConfig;
import org.camelb2b.token.provider.ProviderConfigLoader;
import org.camelb2b.token.signature.JacksonRequirement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code b2b} component: B2B access tokens and signed payment calls of Indonesian payment
 * providers (Bank Indonesia SNAP, Klikoo). One per CamelContext, it owns the providers' settings,
 * the token cache, the call limits and the metrics ({@link B2bRuntime}).
 *
 * <p>Its lifecycle: each endpoint declares its provider (with the settings it gives) when it is
 * created; while the context starts, after every route is made and before any consumer starts,
 * the component adds each provider's fetch route and {@code direct:b2b-call} where the application
 * has not got them, checks every provider's settings (all problems at once; startup fails) and
 * registers the readiness checks; once the context runs it warms the token cache if asked to.
 */
@Component("b2b")
public class B2bComponent extends DefaultComponent implements B2bRuntime.Owner {

    private static final Logger LOG = LoggerFactory.getLogger(B2bComponent.class);

    @Metadata(defaultValue = "false", description = "Acquire a token for every declared provider as soon as the"
            + " context has started, in the background, so that the first call finds it in the cache. A failure"
            + " there stops nothing: the token is asked for again on first use.")
    private boolean warmUp;

    private final ReentrantLock lock = new ReentrantLock();
    /** Providers whose fetch route has been made. */
    private final Set<String> routed = new LinkedHashSet<>();
    private final List<Function<CamelContext, List<String>>> startupChecks = new CopyOnWriteArrayList<>();
    private volatile B2bRuntime runtime;
    /** Set once the startup checks have run: providers declared later are checked as they come. */
    private volatile boolean checked;

    public B2bComponent() {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        int colon = remaining.indexOf(':');
        String kind = colon < 0 ? remaining : remaining.substring(0, colon);
        String provider = colon < 0 ? "" : remaining.substring(colon + 1);
        B2bEndpoint.Kind endpointKind = B2bEndpoint.Kind.named(kind);
        if (endpointKind == null) {
            throw new IllegalArgumentException("b2b endpoint '" + uri + "': the kind must be token or call"
                    + " (b2b:token:<provider>, b2b:call:<provider>), was '" + kind + "'");
        }
        if (!ProviderConfigLoader.PROVIDER_ID.matcher(provider).matches()) {
            throw new ConfigurationException(List.of("b2b:" + kind + ": provider id '" + provider
                    + "' must be lower-case letters, digits, '-' or '_' (at most 40)"));
        }
        B2bEndpoint endpoint = new B2bEndpoint(uri, this, endpointKind, provider);
        setProperties(endpoint, parameters);
        declare(provider, endpoint.getOptions().settings());
        return endpoint;
    }

    /** Declares {@code provider} with {@code settings} (by setting name); after startup, checks it now. */
    void declare(String provider, Map<String, String> settings) {
        runtime().declarations().declare(provider, settings);
        if (checked) {
            check(Set.of(provider));
        }
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        runtime = new B2bRuntime(getCamelContext());
        if (getCamelContext().isStarted()) {
            // made for a route added to a running context: its endpoints are checked as they come
            checked = true;
            TraceMasking.install(getCamelContext());
        } else {
            getCamelContext().addStartupListener(new Startup());
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ServiceHelper.startService(runtime);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(runtime);
        super.doStop();
    }

    @Override
    protected void doShutdown() throws Exception {
        ServiceHelper.stopAndShutdownService(runtime);
        super.doShutdown();
    }

    @Override
    public B2bRuntime runtime() {
        B2bRuntime r = runtime;
        if (r == null) {
            // an endpoint or a step asked before Camel initialised the component
            lock.lock();
            try {
                if (runtime == null) {
                    init();
                }
                r = runtime;
            } finally {
                lock.unlock();
            }
        }
        return r;
    }

    /**
     * Adds a check of other settings that runs with the providers' checks while the context starts;
     * its problems (each naming its setting) are reported together with theirs.
     */
    public void addStartupCheck(Function<CamelContext, List<String>> check) {
        startupChecks.add(check);
    }

    /**
     * Makes sure the provider's fetch route and {@code direct:b2b-call} are there. While the
     * context starts this waits for the startup listener (routes are not added while others are
     * being made); once it runs, they are added now.
     */
    void ensureRoutes(String provider) {
        if (!getCamelContext().isStarted()) {
            return;
        }
        lock.lock();
        try {
            addRoutes(Set.of(provider));
        } finally {
            lock.unlock();
        }
    }

    private void addRoutes(Set<String> providers) {
        CamelContext context = getCamelContext();
        for (String provider : providers) {
            if (routed.contains(provider)) {
                continue;
            }
            try {
                BundledRoutes.addFetchRoute(context, provider);
            } catch (Exception e) {
                throw new IllegalStateException("cannot add the fetch route of provider '" + provider + "'", e);
            }
            try {
                runtime().prepare(provider);
            } catch (RuntimeException e) {
                throw new IllegalStateException("cannot make the HTTP endpoints or a signature of provider '"
                        + provider + "'", e);
            }
            routed.add(provider);
        }
        try {
            BundledRoutes.addCallRoute(context);
        } catch (Exception e) {
            throw new IllegalStateException("cannot add the route " + BundledRoutes.CALL_ENDPOINT, e);
        }
    }

    /** Loads and checks {@code ids} (all problems at once) and registers their readiness checks. */
    private void check(Set<String> ids) {
        B2bRuntime r = runtime();
        r.providers().registerAll(ids);
        HealthCheckRegistry health = HealthCheckRegistry.get(getCamelContext());
        if (health == null) {
            return;
        }
        for (String id : ids) {
            if (health.getCheck(ProviderReadinessCheck.idOf(id)).isEmpty()) {
                health.register(r.readinessCheck(id));
            }
        }
    }

    public boolean isWarmUp() {
        return warmUp;
    }

    public void setWarmUp(boolean warmUp) {
        this.warmUp = warmUp;
    }

    private static final java.util.regex.Pattern PRESET_PROPERTY = java.util.regex.Pattern.compile(
            "b2b\\.([^.]+)\\." + java.util.regex.Pattern.quote(ProviderSetting.PRESET.name()));

    /** The providers with a {@code b2b.<p>.preset} property, in any of the context's property sources. */
    static Set<String> presetProviders(CamelContext context) {
        Set<String> ids = new java.util.TreeSet<>();
        for (String name : context.getPropertiesComponent().loadProperties(k -> PRESET_PROPERTY.matcher(k).matches())
                .stringPropertyNames()) {
            java.util.regex.Matcher m = PRESET_PROPERTY.matcher(name);
            if (m.matches()) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }

    /** The component's part in the context's start. */
    private final class Startup implements StartupListener {

        /** Every route is made, no consumer has started: add ours, check every provider. */
        @Override
        public void onCamelContextStarting(CamelContext context, boolean alreadyStarted) {
            // a provider named by its preset alone (b2b.<p>.preset) needs no route or endpoint to exist
            presetProviders(context).forEach(id -> runtime().declarations().declare(id, Map.of()));
            Set<String> ids = runtime().declarations().ids();
            List<String> problems = new ArrayList<>();
            try {
                check(ids);
            } catch (ConfigurationException e) {
                problems.addAll(e.problems());
            }
            startupChecks.forEach(other -> problems.addAll(other.apply(context)));
            problems.addAll(JacksonRequirement.problems());
            // the token store last: a shared one joins its cluster only when nothing else is wrong
            runtime().configureStore(problems);
            if (!problems.isEmpty()) {
                throw new ConfigurationException(problems);
            }
            lock.lock();
            try {
                addRoutes(ids);
            } finally {
                lock.unlock();
            }
            checked = true;
            // Camel's tracer prints headers and bodies at INFO: never our tokens and signatures
            TraceMasking.install(context);
            LOG.info("B2B providers configured: {}", ids);
        }

        @Override
        public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
            // nothing: warm-up waits for every route, in onCamelContextFullyStarted
        }

        @Override
        public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
            if (warmUp) {
                runtime().warmUp();
            }
        }
    }
}

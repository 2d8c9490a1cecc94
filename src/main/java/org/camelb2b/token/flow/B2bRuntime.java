package org.camelb2b.token.flow;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.service.ServiceSupport;
import org.camelb2b.token.cache.Scheduler;
import org.camelb2b.token.cache.TokenCache;
import org.camelb2b.token.cache.TokenStore;
import com.github.benmanes.caffeine.cache.Ticker;
import org.camelb2b.token.cache.TokenKey;
import org.camelb2b.token.health.ProviderReadinessCheck;
import org.camelb2b.token.metrics.B2bMetrics;
import org.camelb2b.token.provider.Placeholders;
import org.camelb2b.token.provider.ProviderConfig;
import org.camelb2b.token.provider.ProviderRegistry;
import org.camelb2b.token.token.AccessToken;

/**
 * The state one CamelContext's B2B routes share: provider settings, the token cache, the call
 * permits, the metrics and the clocks. The {@code b2b} component makes it and owns it (one per
 * context, stopped with the component); route steps reach it through that component
 * ({@link #of}), so they stay stateless beans.
 */
public final class B2bRuntime extends ServiceSupport {

    /** The scheme of the component that owns the runtime. */
    public static final String COMPONENT = "b2b";

    /** What the {@code b2b} component is to the route steps: the owner of its context's runtime. */
    public interface Owner {
        B2bRuntime runtime();
    }

    private final ProviderRegistry providers;
    private final ProviderDeclarations declarations = new ProviderDeclarations();
    private final TokenCache cache;
    private final TokenFetcher fetcher;
    private final Clock clock;
    private final LongSupplier nanoClock;
    private final CamelContext context;
    private final ExecutorService executor;
    private final ScheduledExecutorService timers;
    private final B2bMetrics metrics;
    private final ConcurrentHashMap<String, Semaphore> callPermits = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> paymentEndpoints = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> callEndpoints = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Class<?>, Object> extensions = new ConcurrentHashMap<>();

    /** Made by the {@code b2b} component of {@code context}. */
    public B2bRuntime(CamelContext context) {
        this.context = context;
        // settings an endpoint gave win; the rest come from the b2b.<provider>.* properties
        this.providers = new ProviderRegistry(name -> declarations.setting(name)
                .or(() -> Placeholders.resolve(context, name)));
        this.clock = Clock.systemUTC();
        this.nanoClock = System::nanoTime;
        this.executor = context.getExecutorServiceManager().newCachedThreadPool(this, "b2b-token-fetch");
        this.timers = context.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "b2b-token-refresh");
        ProducerTemplate template = context.createProducerTemplate();
        this.metrics = B2bMetrics.of(context);
        this.fetcher = new TokenFetcher(template, providers, nanoClock, metrics);
        this.cache = new TokenCache(fetcher::fetch, key -> providers.get(key.provider()).cachePolicy(),
                Ticker.systemTicker(), executor, Scheduler.of(timers), () -> ThreadLocalRandom.current().nextDouble());
        this.cache.setListener(metrics);
    }

    /**
     * The runtime of {@code context}: its {@code b2b} component's (Camel makes the component on
     * first use, as for any component).
     */
    public static B2bRuntime of(CamelContext context) {
        Object component = context.getComponent(COMPONENT);
        if (component instanceof Owner owner) {
            return owner.runtime();
        }
        throw new IllegalStateException("the '" + COMPONENT + "' component of this CamelContext is "
                + (component == null ? "missing" : component.getClass().getName())
                + ", not camel-b2b-token's: is the library on the classpath?");
    }

    /** The providers declared with settings of their own (by {@code b2b:} endpoints). */
    public ProviderDeclarations declarations() {
        return declarations;
    }

    /**
     * Chooses the token store ({@code b2b.token.store}) and puts it behind the cache; problems with
     * its settings are added to {@code problems} (all of them), and the cache keeps the local store.
     * Called once, while the context starts, before any token request.
     */
    public void configureStore(List<String> problems) {
        TokenStore store = TokenStores.configure(context, problems);
        if (store == null || store == TokenStore.LOCAL) {
            return;
        }
        if (!problems.isEmpty()) {
            // startup fails on the other problems: no member of a cluster is left behind
            store.close();
            return;
        }
        store.setListener(metrics);
        cache.setStore(store);
    }

    @Override
    protected void doShutdown() {
        cache.store().close();
        context.getExecutorServiceManager().shutdownNow(timers);
        context.getExecutorServiceManager().shutdownNow(executor);
    }

    /**
     * State of this context kept by a part of the bundle this class does not know (the inbound
     * flow's issued tokens and replay store): made once by {@code make}, then the same instance.
     */
    public <T> T extension(Class<T> type, java.util.function.Supplier<T> make) {
        Object existing = extensions.get(type);
        return type.cast(existing != null ? existing : extensions.computeIfAbsent(type, t -> make.get()));
    }

    /** The CamelContext this runtime belongs to. */
    public CamelContext context() {
        return context;
    }

    /** The bundle's meters. */
    public B2bMetrics metrics() {
        return metrics;
    }

    public ProviderRegistry providers() {
        return providers;
    }

    public TokenCache cache() {
        return cache;
    }

    /** Wall clock for request timestamps. */
    public Clock clock() {
        return clock;
    }

    /** Monotonic clock for token lifetimes. */
    public LongSupplier nanoClock() {
        return nanoClock;
    }

    /** The configuration of the provider an exchange is routed for ({@link B2bExchange#PROVIDER}). */
    public static ProviderConfig providerOf(Exchange exchange) {
        return of(exchange.getContext()).providers().get(exchange.getProperty(B2bExchange.PROVIDER, String.class));
    }

    public static TokenKey keyOf(ProviderConfig config) {
        return config.tokenKey();
    }

    /** The permits of the provider's payment calls in flight ({@code b2b.<provider>.max-concurrent-calls}). */
    public Semaphore callPermits(ProviderConfig config) {
        Semaphore permits = callPermits.get(config.id());
        return permits != null ? permits
                : callPermits.computeIfAbsent(config.id(), id -> new Semaphore(config.callLimits().maxConcurrentCalls()));
    }

    /**
     * The camel-http endpoint of the provider's payment calls: one per provider, so each has a
     * connection pool of its own sized to its concurrency limit, its own timeouts, and the
     * {@link ProviderHttpClient} set-up (no automatic retries). The URL comes from the
     * {@code CamelHttpUri} header the signer sets.
     */
    public String paymentEndpoint(ProviderConfig config) {
        String uri = paymentEndpoints.get(config.id());
        return uri != null ? uri : paymentEndpoints.computeIfAbsent(config.id(),
                id -> httpOptions("http://b2b-" + id + "?", config, config.callLimits().maxConcurrentCalls()));
    }

    /**
     * Makes, before the provider's first token request and call, what they would otherwise make on
     * their way and keep: the provider's two camel-http endpoints with their clients and pools, and
     * the JCA signature of its key (signing once also proves that the key signs). In a stampede
     * on a cold cache, the one token request the callers wait for no longer pays for them (10-30
     * ms on this machine's two cores, measured with the stampede benchmark's timeline).
     */
    public void prepare(String provider) {
        ProviderConfig config = providers.get(provider);
        for (String uri : new String[] {tokenEndpoint(config), callEndpoint(config)}) {
            if (context.getEndpoint(uri) instanceof HttpEndpoint http) {
                http.getHttpClient();
            }
        }
        if (config.dialect().signs()) {
            config.signer().sign(config.clientId(), clock.instant().toString());
        }
    }

    /**
     * The endpoint {@code direct:b2b-call} sends with: {@link #paymentEndpoint} without copying the
     * request's headers onto the answer, which carries the provider's headers only.
     */
    public String callEndpoint(ProviderConfig config) {
        String uri = callEndpoints.get(config.id());
        return uri != null ? uri : callEndpoints.computeIfAbsent(config.id(), id -> paymentEndpoint(config)
                + "&copyHeaders=false");
    }

    /** The camel-http endpoint of the provider's token requests: its token URL with the same set-up. */
    public static String tokenEndpoint(ProviderConfig config) {
        return httpOptions(config.tokenUrl() + "?", config, 4);
    }

    private static String httpOptions(String base, ProviderConfig config, int connections) {
        long connect = config.callLimits().connectTimeout().toMillis();
        // clearExpiredCookies=false: the client keeps no cookies (ProviderHttpClient), but camel-http
        // would still clear its endpoint's cookie store before every request, under that store's
        // write lock: at 1,000 callers the stampede benchmark's callers spent more time parked on
        // that lock than on anything else (JFR, jdk.ThreadPark)
        return base + "throwExceptionOnFailure=false&clearExpiredCookies=false&httpClientConfigurer=#"
                + ProviderHttpClient.BEAN_NAME
                + "&connectTimeout=" + connect + "&connectionRequestTimeout=" + connect
                + "&responseTimeout=" + config.callLimits().responseTimeout().toMillis()
                + "&maxTotalConnections=" + connections + "&connectionsPerRoute=" + connections;
    }

    /** A new readiness check of the provider ({@code b2b-token-<provider>}) on this runtime's settings and cache. */
    public ProviderReadinessCheck readinessCheck(String provider) {
        return new ProviderReadinessCheck(provider, providers, cache, nanoClock);
    }

    /**
     * Asks for a token of every registered provider in the background, so the first call finds
     * it cached. Each request logs its own line; a failure stops nothing (it is asked again on
     * first use).
     */
    public void warmUp() {
        for (ProviderConfig provider : providers.all()) {
            executor.execute(() -> {
                try {
                    token(provider.id());
                } catch (RuntimeException e) {
                    // logged by the fetch; the provider may be down for a moment
                }
            });
        }
    }

    /** The provider's token: from the cache, or from the one fetch in flight for it. */
    public AccessToken token(String provider) {
        ProviderConfig config = providers.get(provider);
        return cache.get(keyOf(config));
    }
}

package org.camelb2b.token.flow;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.function.LongSupplier;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.camelb2b.token.cache.TokenCache;
import org.camelb2b.token.cache.TokenKey;
import org.camelb2b.token.provider.ProviderConfig;
import org.camelb2b.token.provider.ProviderRegistry;
import org.camelb2b.token.token.AccessToken;

/**
 * The state the token routes share within one CamelContext: provider settings, the token cache
 * and the clocks. It lives in the context's registry, so the route steps can stay stateless
 * beans and the bundle works the same standalone or dropped into another Camel application.
 */
public final class B2bRuntime {

    /** Registry name of the runtime bean. */
    public static final String BEAN_NAME = "b2bRuntime";
    /** Setting: how long a caller waits for a token fetch in flight before it gets an error. */
    public static final String ACQUIRE_TIMEOUT_SETTING = "b2b.token.acquire-timeout-ms";

    private final ProviderRegistry providers;
    private final TokenCache cache;
    private final TokenFetcher fetcher;
    private final Clock clock;
    private final LongSupplier nanoClock;

    private B2bRuntime(CamelContext context) {
        this.providers = new ProviderRegistry(context.getPropertiesComponent()::resolveProperty);
        this.clock = Clock.systemUTC();
        this.nanoClock = System::nanoTime;
        long timeoutMs = context.getPropertiesComponent().resolveProperty(ACQUIRE_TIMEOUT_SETTING)
                .map(Long::parseLong).orElse(15_000L);
        ExecutorService executor = context.getExecutorServiceManager().newCachedThreadPool(this, "b2b-token-fetch");
        this.cache = new TokenCache(executor, Duration.ofMillis(timeoutMs));
        ProducerTemplate template = context.createProducerTemplate();
        this.fetcher = new TokenFetcher(template, providers, nanoClock);
    }

    /** The runtime of {@code context}, made and registered on first use. */
    public static B2bRuntime of(CamelContext context) {
        B2bRuntime runtime = context.getRegistry().lookupByNameAndType(BEAN_NAME, B2bRuntime.class);
        if (runtime != null) {
            return runtime;
        }
        synchronized (context) {
            runtime = context.getRegistry().lookupByNameAndType(BEAN_NAME, B2bRuntime.class);
            if (runtime == null) {
                runtime = new B2bRuntime(context);
                context.getRegistry().bind(BEAN_NAME, B2bRuntime.class, runtime);
            }
            return runtime;
        }
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

    public static TokenKey keyOf(ProviderConfig config) {
        return new TokenKey(config.id(), config.tokenUrl(), config.clientId(), config.keyFingerprint());
    }

    /** The provider's token: from the cache, or from the one fetch in flight for it. */
    public AccessToken token(String provider) {
        ProviderConfig config = providers.get(provider);
        return cache.get(keyOf(config), fetcher::fetch);
    }
}

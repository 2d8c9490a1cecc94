package org.camelb2b.token.metrics;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;

import org.apache.camel.CamelContext;
import org.camelb2b.token.cache.TokenCache;
import org.camelb2b.token.cache.TokenKey;
import org.camelb2b.token.cache.TokenStore;

/**
 * The bundle's meters, in the CamelContext's Micrometer registry (Prometheus at
 * {@code /observe/metrics} standalone): token requests by provider and outcome and their latency,
 * cache hits and misses, background refreshes, calls served a still-valid token while a refresh
 * was failing, 401 retries, and payment calls by response-code class. Meters are made once per
 * provider, so recording on a cache hit allocates nothing.
 *
 * <p>Micrometer is optional: in an application without it on the classpath the bundle records
 * nothing, and no Micrometer type is loaded (only {@link MicrometerMeters} refers to them, and it
 * is made only when Micrometer is present).
 */
public final class B2bMetrics implements TokenCache.Listener, TokenStore.Listener {

    private static final boolean MICROMETER = present("io.micrometer.core.instrument.MeterRegistry");

    private final Meters meters;

    /** The bundle's meters in {@code registry}. */
    public B2bMetrics(MeterRegistry registry) {
        this(new MicrometerMeters(registry));
    }

    private B2bMetrics(Meters meters) {
        this.meters = meters;
    }

    /**
     * The context's registry (camel-micrometer binds one when metrics are on), else a private one;
     * meters that record nothing when Micrometer is not on the classpath.
     */
    public static B2bMetrics of(CamelContext context) {
        return new B2bMetrics(MICROMETER ? MicrometerMeters.of(context) : Meters.NONE);
    }

    /**
     * The registry the meters are in.
     *
     * @throws IllegalStateException when Micrometer is not on the classpath
     */
    public MeterRegistry registry() {
        if (meters instanceof MicrometerMeters micrometer) {
            return micrometer.registry();
        }
        throw new IllegalStateException("no Micrometer registry: Micrometer is not on the classpath");
    }

    /** One token request (successful or not) and how long it took. */
    public void tokenRequest(String provider, boolean success, Duration latency) {
        meters.tokenRequest(provider, success, latency);
    }

    @Override
    public void hit(TokenKey key, boolean refreshFailing) {
        meters.hit(key, refreshFailing);
    }

    @Override
    public void miss(TokenKey key) {
        meters.miss(key);
    }

    @Override
    public void backgroundRefresh(TokenKey key) {
        meters.backgroundRefresh(key);
    }

    /** Shared store: a token another instance requested, taken instead of requesting one. */
    @Override
    public void sharedHit(TokenKey key) {
        meters.count("b2b.token.store.hits", key.provider(), null, null);
    }

    /** Shared store: a token request lease taken over from an instance that wrote no token in time. */
    @Override
    public void leaseTakeover(TokenKey key) {
        meters.count("b2b.token.store.takeovers", key.provider(), null, null);
    }

    /** Shared store: a token written after its lease was taken over, refused. */
    @Override
    public void staleWriteRefused(TokenKey key) {
        meters.count("b2b.token.store.refused.writes", key.provider(), null, null);
    }

    /** Shared store unreachable: this instance requested (or kept) its own token. */
    @Override
    public void fallback(TokenKey key) {
        meters.count("b2b.token.store.fallbacks", key.provider(), null, null);
    }

    /** A payment call sent once more after its token was rejected. */
    public void retry(String provider) {
        meters.count("b2b.payment.retries", provider, null, null);
    }

    /** A payment call refused unsent: the provider's {@code max-concurrent-calls} were all in flight. */
    public void refused(String provider) {
        meters.count("b2b.payment.refused", provider, null, null);
    }

    /** A payment call's answer, by the class of its response code (2xx, 4xx, 5xx, or none). */
    public void paymentCall(String provider, String codeClass) {
        meters.count("b2b.payment.calls", provider, "class", codeClass);
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, B2bMetrics.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "B2bMetrics[" + meters + "]";
    }
}

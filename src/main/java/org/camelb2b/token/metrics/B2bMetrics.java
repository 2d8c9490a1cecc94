package org.camelb2b.token.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.apache.camel.CamelContext;
import org.camelb2b.token.cache.TokenCache;
import org.camelb2b.token.cache.TokenKey;

/**
 * The bundle's meters, in the CamelContext's Micrometer registry (Prometheus at
 * {@code /observe/metrics} standalone): token requests by provider and outcome and their latency,
 * cache hits and misses, background refreshes, calls served a still-valid token while a refresh
 * was failing, 401 retries, and payment calls by response-code class. Meters are made once per
 * provider, so recording on a cache hit allocates nothing.
 */
public final class B2bMetrics implements TokenCache.Listener {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<TokenKey, Counter> hits = new ConcurrentHashMap<>();

    public B2bMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The context's registry (camel-micrometer binds one when metrics are on), else a private one. */
    public static B2bMetrics of(CamelContext context) {
        MeterRegistry registry = context.getRegistry().findSingleByType(MeterRegistry.class);
        return new B2bMetrics(registry != null ? registry : new SimpleMeterRegistry());
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** One token request (successful or not) and how long it took. */
    public void tokenRequest(String provider, boolean success, Duration latency) {
        counter("b2b.token.requests", provider, "outcome", success ? "success" : "failure").increment();
        timers.computeIfAbsent(provider, p -> Timer.builder("b2b.token.request.latency").tag("provider", p)
                .description("Latency of token requests").register(registry)).record(latency);
    }

    @Override
    public void hit(TokenKey key, boolean refreshFailing) {
        Counter c = hits.get(key);
        if (c == null) {
            c = hits.computeIfAbsent(key, k -> Counter.builder("b2b.token.cache.hits").tag("provider", k.provider())
                    .register(registry));
        }
        c.increment();
        if (refreshFailing) {
            counter("b2b.token.served.during.failed.refresh", key.provider(), null, null).increment();
        }
    }

    @Override
    public void miss(TokenKey key) {
        counter("b2b.token.cache.misses", key.provider(), null, null).increment();
    }

    @Override
    public void backgroundRefresh(TokenKey key) {
        counter("b2b.token.refreshes", key.provider(), null, null).increment();
    }

    /** A payment call sent once more after its token was rejected. */
    public void retry(String provider) {
        counter("b2b.payment.retries", provider, null, null).increment();
    }

    /** A payment call refused unsent: the provider's {@code max-concurrent-calls} were all in flight. */
    public void refused(String provider) {
        counter("b2b.payment.refused", provider, null, null).increment();
    }

    /** A payment call's answer, by the class of its response code (2xx, 4xx, 5xx, or none). */
    public void paymentCall(String provider, String codeClass) {
        counter("b2b.payment.calls", provider, "class", codeClass).increment();
    }

    private Counter counter(String name, String provider, String tag, String value) {
        String id = name + '|' + provider + (tag == null ? "" : '|' + value);
        Counter c = counters.get(id);
        if (c != null) {
            return c;
        }
        return counters.computeIfAbsent(id, k -> {
            Counter.Builder b = Counter.builder(name).tag("provider", provider);
            if (tag != null) {
                b.tag(tag, value);
            }
            return b.register(registry);
        });
    }
}

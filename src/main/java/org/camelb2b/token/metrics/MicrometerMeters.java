package org.camelb2b.token.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.apache.camel.CamelContext;
import org.camelb2b.token.cache.TokenKey;

/**
 * The bundle's meters in a Micrometer registry. Meters are made once per provider, so recording
 * on a cache hit allocates nothing. Loaded only when Micrometer is on the classpath.
 */
final class MicrometerMeters implements Meters {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<TokenKey, Counter> hits = new ConcurrentHashMap<>();

    MicrometerMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The context's registry (camel-micrometer binds one when metrics are on), else a private one. */
    static MicrometerMeters of(CamelContext context) {
        MeterRegistry registry = context.getRegistry().findSingleByType(MeterRegistry.class);
        return new MicrometerMeters(registry != null ? registry : new SimpleMeterRegistry());
    }

    MeterRegistry registry() {
        return registry;
    }

    @Override
    public void tokenRequest(String provider, boolean success, Duration latency) {
        count("b2b.token.requests", provider, "outcome", success ? "success" : "failure");
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
            count("b2b.token.served.during.failed.refresh", key.provider(), null, null);
        }
    }

    @Override
    public void miss(TokenKey key) {
        count("b2b.token.cache.misses", key.provider(), null, null);
    }

    @Override
    public void backgroundRefresh(TokenKey key) {
        count("b2b.token.refreshes", key.provider(), null, null);
    }

    @Override
    public void count(String name, String provider, String tag, String value) {
        String id = name + '|' + provider + (tag == null ? "" : '|' + value);
        Counter c = counters.get(id);
        if (c == null) {
            c = counters.computeIfAbsent(id, k -> {
                Counter.Builder b = Counter.builder(name).tag("provider", provider);
                if (tag != null) {
                    b.tag(tag, value);
                }
                return b.register(registry);
            });
        }
        c.increment();
    }
}

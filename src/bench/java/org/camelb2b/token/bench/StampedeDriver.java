package org.camelb2b.token.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.camelb2b.token.testing.TestApp;

/**
 * Concurrent callers that each need a token and call a protected resource with it, each through
 * one route of the same shape: ours ({@code b2b:token:bench}, which sets the Bearer header, then
 * camel-http) against camel-http's own OAuth2 ({@code oauth2CacheTokens=true}), on the same token
 * endpoint. Counts token requests and caller latency, cold (every caller arrives at once on an
 * empty cache) and across an expiry boundary (callers loop while the token expires).
 */
final class StampedeDriver {

    record Row(String contender, String phase, int callers, int tokens, long calls, long failed, long p50, long p99, long max) {
    }

    interface Call {
        /** Adds what the call needs to the app (its route), once per app. */
        void prepare(TestApp app) throws Exception;

        void run(ProducerTemplate template) throws Exception;
    }

    /** A call through one route, {@code direct:<name>}: the same Camel work per call for both contenders. */
    private static Call viaRoute(String name, java.util.function.Consumer<org.apache.camel.model.RouteDefinition> steps) {
        return new Call() {
            @Override
            public void prepare(TestApp app) throws Exception {
                app.context().addRoutes(new org.apache.camel.builder.RouteBuilder() {
                    @Override
                    public void configure() {
                        steps.accept(from("direct:" + name).routeId(name));
                    }
                });
            }

            @Override
            public void run(ProducerTemplate template) throws Exception {
                Exchange e = template.send("direct:" + name, x -> { });
                if (e.getException() != null) {
                    throw e.getException();
                }
            }
        };
    }

    private final BenchServer server;
    /** The first failure of the current run, reported next to the row. */
    static final java.util.concurrent.atomic.AtomicReference<String> FIRST_ERROR = new java.util.concurrent.atomic.AtomicReference<>();

    StampedeDriver(BenchServer server) {
        this.server = server;
    }

    static Call ours(String resourceUrl) {
        return viaRoute("ours", route -> route.to("b2b:token:bench").to(resourceUrl));
    }

    static Call camelHttpOAuth2(String resourceUrl, String tokenEndpoint) {
        String uri = resourceUrl + "?oauth2ClientId=bench&oauth2ClientSecret=bench-secret&oauth2TokenEndpoint="
                + tokenEndpoint + "&oauth2CacheTokens=true&oauth2CachedTokensExpirationMarginSeconds=1";
        return viaRoute("camel-http-oauth2", route -> route.to(uri));
    }

    /** All callers released at once on a cold cache; each makes one call. */
    Row cold(String contender, int callers, Call call) throws Exception {
        try (TestApp app = BenchApp.start(server, 0)) {
            call.prepare(app);
            int before = tokens(contender);
            AtomicInteger failed = new AtomicInteger();
            long[] lat = runOnce(app, callers, call, failed);
            String err = FIRST_ERROR.getAndSet(null);
            if (err != null) {
                System.out.println("  " + contender + " cold " + callers + ": first failure " + err);
            }
            return new Row(contender, "cold", callers, tokens(contender) - before, lat.length, failed.get(),
                    new Latencies(lat).percentile(50), new Latencies(lat).percentile(99), new Latencies(lat).max());
        }
    }

    /** Warm, then callers loop for {@code seconds} while tokens of {@code lifetime} s expire. */
    Row acrossExpiry(String contender, int callers, Call call, int seconds) throws Exception {
        try (TestApp app = BenchApp.start(server, 0)) {
            call.prepare(app);
            runOnce(app, 1, call, new AtomicInteger());
            int before = tokens(contender);
            AtomicInteger failed = new AtomicInteger();
            long[] lat = runFor(app, callers, call, seconds, failed);
            Latencies l = new Latencies(lat);
            String err = FIRST_ERROR.getAndSet(null);
            if (err != null) {
                System.out.println("  " + contender + " expiry " + callers + ": first failure " + err);
            }
            return new Row(contender, "expiry", callers, tokens(contender) - before, lat.length, failed.get(),
                    l.percentile(50), l.percentile(99), l.max());
        }
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private int tokens(String contender) {
        return contender.startsWith("ours") ? server.snapTokens.get() : server.oauthTokens.get();
    }

    private static long[] runOnce(TestApp app, int callers, Call call, AtomicInteger failed) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    long start = System.nanoTime();
                    try {
                        call.run(app.template());
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        FIRST_ERROR.compareAndSet(null, describe(e));
                    }
                    return (System.nanoTime() - start) / 1000;
                }));
            }
            go.countDown();
            long[] micros = new long[callers];
            for (int i = 0; i < callers; i++) {
                micros[i] = results.get(i).get(120, TimeUnit.SECONDS);
            }
            return micros;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long[] runFor(TestApp app, int callers, Call call, int seconds, AtomicInteger failures)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> {
                    List<Long> mine = new ArrayList<>();
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        try {
                            call.run(app.template());
                        } catch (Exception e) {
                            failures.incrementAndGet();
                            FIRST_ERROR.compareAndSet(null, describe(e));
                        }
                        mine.add((System.nanoTime() - start) / 1000);
                        Thread.sleep(20);
                    }
                    return mine;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> f : results) {
                all.addAll(f.get(seconds + 120L, TimeUnit.SECONDS));
            }
            return all.stream().mapToLong(Long::longValue).toArray();
        } finally {
            pool.shutdownNow();
        }
    }
}

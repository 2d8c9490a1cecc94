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

    private static final AtomicInteger RUNS = new AtomicInteger();
    private final BenchServer server;
    /** System.nanoTime() of the last release of the callers. */
    private static volatile long lastRelease;
    /** The first failure of the current run, reported next to the row. */
    static final java.util.concurrent.atomic.AtomicReference<String> FIRST_ERROR = new java.util.concurrent.atomic.AtomicReference<>();

    StampedeDriver(BenchServer server) {
        this.server = server;
    }

    static Call ours(String resourceUrl) {
        return viaRoute("ours", route -> route.to("b2b:token:bench").to(resourceUrl));
    }

    static Call camelHttpOAuth2(String resourceUrl, String tokenEndpoint) {
        // a client id of its own per run: camel-http keeps its OAuth2 tokens in a static map, by
        // token endpoint and credentials, so a run after another would otherwise start warm
        String uri = resourceUrl + "?oauth2ClientId=bench-" + RUNS.incrementAndGet() + "&oauth2ClientSecret=bench-secret&oauth2TokenEndpoint="
                + tokenEndpoint + "&oauth2CacheTokens=true&oauth2CachedTokensExpirationMarginSeconds=1";
        return viaRoute("camel-http-oauth2", route -> route.to(uri));
    }

    /** All callers released at once on a cold cache; each makes one call, its latency counted from the release. */
    Row cold(String contender, int callers, Call call) throws Exception {
        try (TestApp app = BenchApp.start(server, 0)) {
            call.prepare(app);
            int before = tokens(contender);
            AtomicInteger failed = new AtomicInteger();
            server.tokenTimes.clear();
            long[][] times = new long[callers][];
            long[] lat = runOnce(app, callers, call, failed, times);
            if (Boolean.getBoolean("bench.timeline")) {
                timeline(contender + " cold " + callers, lastRelease, times);
            }
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
            runOnce(app, 1, call, new AtomicInteger(), new long[1][]);
            int before = tokens(contender);
            AtomicInteger failed = new AtomicInteger();
            String jfr = System.getProperty("bench.jfr", "");
            jdk.jfr.Recording recording = null;
            if (!jfr.isBlank()) {
                // execution samples only, every 10 ms: where the callers' CPU goes across the expiries
                recording = new jdk.jfr.Recording();
                recording.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(10));
                // and the waits that make tails: parked or blocked on a monitor 10 ms or more
                recording.enable("jdk.ThreadPark").withThreshold(java.time.Duration.ofMillis(10)).withStackTrace();
                recording.enable("jdk.JavaMonitorEnter").withThreshold(java.time.Duration.ofMillis(10)).withStackTrace();
                recording.start();
            }
            java.util.Queue<long[]> slow = Boolean.getBoolean("bench.timeline")
                    ? new java.util.concurrent.ConcurrentLinkedQueue<>() : null;
            server.tokenTimes.clear();
            long begin = System.nanoTime();
            long[] lat = runFor(app, callers, call, seconds, failed, slow);
            if (slow != null) {
                // calls over 200 ms by the 100 ms in which they started, and when token requests ran
                java.util.TreeMap<Long, Integer> starts = new java.util.TreeMap<>();
                slow.forEach(c -> starts.merge((c[0] - begin) / 100_000_000 * 100, 1, Integer::sum));
                StringBuilder tokens = new StringBuilder();
                server.tokenTimes.stream().sorted((a, b) -> Long.compare(a[0], b[0])).limit(8).forEach(t -> tokens.append(
                        String.format(" %d", (t[0] - begin) / 1_000_000)));
                System.out.printf("  timeline %s expiry %d: calls over 200 ms by start (ms: count) %s; token requests at%s ms%n",
                        contender, callers, starts, tokens);
            }
            if (recording != null) {
                recording.stop();
                java.nio.file.Path file = java.nio.file.Path.of(jfr, "stampede-" + contender.replace(' ', '-') + "-" + callers
                        + ".jfr");
                java.nio.file.Files.createDirectories(file.getParent());
                recording.dump(file);
                recording.close();
                System.out.printf("%nJFR of %s across expiry, %d callers: %s%n", contender, callers, file);
                JfrTop.print(file, 25, id -> true, System.out);
                waits(file);
            }
            Latencies l = new Latencies(lat);
            String err = FIRST_ERROR.getAndSet(null);
            if (err != null) {
                System.out.println("  " + contender + " expiry " + callers + ": first failure " + err);
            }
            return new Row(contender, "expiry", callers, tokens(contender) - before, lat.length, failed.get(),
                    l.percentile(50), l.percentile(99), l.max());
        }
    }

    /** Parks and monitor waits of 10 ms or more, by where they waited (first frames outside java.util.concurrent): total ms, count. */
    private static void waits(java.nio.file.Path file) throws java.io.IOException {
        java.util.Map<String, long[]> by = new java.util.HashMap<>();
        for (jdk.jfr.consumer.RecordedEvent e : jdk.jfr.consumer.RecordingFile.readAllEvents(file)) {
            String type = e.getEventType().getName();
            if (!type.equals("jdk.ThreadPark") && !type.equals("jdk.JavaMonitorEnter") || e.getStackTrace() == null) {
                continue;
            }
            StringBuilder where = new StringBuilder(type.substring(4)).append(':');
            int n = 0;
            for (jdk.jfr.consumer.RecordedFrame f : e.getStackTrace().getFrames()) {
                String m = f.getMethod().getType().getName() + "." + f.getMethod().getName();
                if (m.startsWith("java.util.concurrent") || m.startsWith("jdk.internal.misc") || m.startsWith("java.lang.Thread.sleep")) {
                    continue;
                }
                where.append(' ').append(m);
                if (++n == 3) {
                    break;
                }
            }
            long[] v = by.computeIfAbsent(where.toString(), k -> new long[2]);
            v[0] += e.getDuration().toMillis();
            v[1]++;
        }
        System.out.println("-- waits of 10 ms or more, by where (total ms, count)");
        by.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).limit(12)
                .forEach(w -> System.out.printf("  %8d ms %6d  %s%n", w.getValue()[0], w.getValue()[1], w.getKey()));
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

    /** When the callers started and ended, and the token requests, in ms after the release. */
    private void timeline(String label, long released, long[][] times) {
        long[] starts = new long[times.length];
        long[] ends = new long[times.length];
        for (int i = 0; i < times.length; i++) {
            starts[i] = (times[i][0] - released) / 1000;
            ends[i] = (times[i][1] - released) / 1000;
        }
        StringBuilder tokens = new StringBuilder();
        server.tokenTimes.stream().sorted((a, b) -> Long.compare(a[0], b[0])).limit(5).forEach(t -> tokens.append(
                String.format(" [%.1f-%.1f]", (t[0] - released) / 1e6, (t[1] - released) / 1e6)));
        Latencies s = new Latencies(starts);
        Latencies e = new Latencies(ends);
        System.out.printf("  timeline %s: callers start p0 %s p50 %s p100 %s ms; end p0 %s p50 %s p100 %s ms; token requests%s%n",
                label, Latencies.ms(s.percentile(0)), Latencies.ms(s.percentile(50)), Latencies.ms(s.max()),
                Latencies.ms(e.percentile(0)), Latencies.ms(e.percentile(50)), Latencies.ms(e.max()), tokens);
    }

    private static long[] runOnce(TestApp app, int callers, Call call, AtomicInteger failed, long[][] times) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                int index = i;
                results.add(pool.submit(() -> {
                    go.await();
                    long start = System.nanoTime();
                    try {
                        call.run(app.template());
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        FIRST_ERROR.compareAndSet(null, describe(e));
                    }
                    long end = System.nanoTime();
                    times[index] = new long[] {start, end};
                    // from the release, when every caller's request arrived: a caller whose thread
                    // got the CPU late waited too (measured from its own start, a contender that
                    // keeps the CPU busy while callers start would look faster than it is)
                    return (end - lastRelease) / 1000;
                }));
            }
            lastRelease = System.nanoTime();
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

    private static long[] runFor(TestApp app, int callers, Call call, int seconds, AtomicInteger failures,
                                 java.util.Queue<long[]> slow) throws Exception {
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
                        long micros = (System.nanoTime() - start) / 1000;
                        mine.add(micros);
                        if (slow != null && micros > 200_000) {
                            slow.add(new long[] {start, micros});
                        }
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

package org.camelb2b.token.bench;

import java.util.ArrayList;
import java.util.List;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the three measurements of the token-cache issue in one run on one machine and prints the
 * table: token stampede (ours vs camel-http OAuth2), enrichment cost on a cache hit (JMH, against
 * the bare crypto floor), and gateway throughput (against a plain Camel proxy).
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = Boolean.getBoolean("bench.quick");
        System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
                + (Runtime.getRuntime().maxMemory() >> 20) + " MiB heap, " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch"));
        String only = System.getProperty("bench.only", "");
        if (only.isEmpty() || only.equals("stampede")) {
            stampede(quick);
        }

        if (only.equals("gateway")) {
            gateway(quick);
            System.exit(0);
        }
        if (only.isEmpty() || only.equals("enrichment")) {
            enrichment(quick);
        }

        if (only.isEmpty()) {
            gateway(quick);
        }
        System.exit(0);
    }

    /**
     * The token stampede: for each number of callers, rounds of both contenders, cold then across
     * expiry, the order alternating from one round to the next (so a slower spell of the machine
     * falls on both), each run in a fresh app. Prints every run, then per contender and phase the
     * median and range over the rounds, and per round the ratio of ours to camel-http's.
     */
    private static void stampede(boolean quick) throws Exception {
        String ours = "ours";
        String theirs = "camel-http oauth2";
        List<StampedeDriver.Row> rows = new ArrayList<>();
        int rounds = Integer.getInteger("bench.stampede.rounds", quick ? 1 : 3);
        int seconds = quick ? 4 : 6;
        try (BenchServer server = new BenchServer()) {
            StampedeDriver driver = new StampedeDriver(server);
            String token = server.baseUrl() + "/oauth2/token";
            String resource = server.baseUrl() + "/resource/";
            int[] sizes = quick ? new int[] {20, 200} : new int[] {20, 200, 1000};
            // warm the JVM (class loading, JIT) for both contenders; these rounds are not reported
            driver.cold(ours, 20, StampedeDriver.ours(resource + "ours-warmup"));
            driver.cold(theirs, 20, StampedeDriver.camelHttpOAuth2(resource + "oauth-warmup", token));
            for (int n : sizes) {
                for (int round = 0; round < rounds; round++) {
                    List<String> order = round % 2 == 0 ? List.of(ours, theirs) : List.of(theirs, ours);
                    server.lifetimeSeconds = 900;
                    for (String c : order) {
                        rows.add(driver.cold(c, n, c.equals(ours) ? StampedeDriver.ours(resource + "ours-cold")
                                : StampedeDriver.camelHttpOAuth2(resource + "oauth-cold", token)));
                    }
                    server.lifetimeSeconds = 3;
                    for (String c : order) {
                        rows.add(driver.acrossExpiry(c, n, c.equals(ours) ? StampedeDriver.ours(resource + "ours-exp")
                                : StampedeDriver.camelHttpOAuth2(resource + "oauth-exp", token), seconds));
                    }
                }
            }
        }
        System.out.println();
        System.out.println("Token stampede, every run (token endpoint latency " + BenchServer.TOKEN_LATENCY_MS
                + " ms; expiry phase: 3 s tokens, callers looping every 20 ms for " + seconds + " s)");
        System.out.println("| contender | phase | callers | token requests | calls | failed | p50 ms | p99 ms | max ms |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        for (StampedeDriver.Row r : rows) {
            System.out.printf("| %s | %s | %d | %d | %d | %d | %s | %s | %s |%n", r.contender(), r.phase(), r.callers(),
                    r.tokens(), r.calls(), r.failed(), Latencies.ms(r.p50()), Latencies.ms(r.p99()), Latencies.ms(r.max()));
        }
        System.out.println();
        System.out.println("Token stampede, " + rounds + " rounds: median (range); ratios ours / camel-http's, per round");
        System.out.println("| contender | phase | callers | token requests | calls | failed | p50 ms | p99 ms | max ms "
                + "| calls ratio | p50 ratio | p99 ratio |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int n : rows.stream().mapToInt(StampedeDriver.Row::callers).distinct().toArray()) {
            for (String phase : List.of("cold", "expiry")) {
                List<StampedeDriver.Row> mine = select(rows, ours, phase, n);
                List<StampedeDriver.Row> other = select(rows, theirs, phase, n);
                for (String c : List.of(ours, theirs)) {
                    List<StampedeDriver.Row> rs = c.equals(ours) ? mine : other;
                    boolean first = c.equals(ours);
                    System.out.printf("| %s | %s | %d | %s | %s | %d | %s | %s | %s | %s | %s | %s |%n", c, phase, n,
                            summary(rs, r -> r.tokens(), "%.0f"), summary(rs, r -> r.calls(), "%.0f"),
                            rs.stream().mapToLong(StampedeDriver.Row::failed).sum(),
                            summary(rs, r -> r.p50() / 1000.0, "%.1f"), summary(rs, r -> r.p99() / 1000.0, "%.1f"),
                            summary(rs, r -> r.max() / 1000.0, "%.1f"),
                            first ? ratio(mine, other, StampedeDriver.Row::calls) : "1.00",
                            first ? ratio(mine, other, StampedeDriver.Row::p50) : "1.00",
                            first ? ratio(mine, other, StampedeDriver.Row::p99) : "1.00");
                }
            }
        }
    }

    private static List<StampedeDriver.Row> select(List<StampedeDriver.Row> rows, String contender, String phase, int n) {
        return rows.stream().filter(r -> r.contender().equals(contender) && r.phase().equals(phase) && r.callers() == n)
                .toList();
    }

    private static String summary(List<StampedeDriver.Row> rows, java.util.function.ToDoubleFunction<StampedeDriver.Row> f,
                                  String format) {
        double[] v = rows.stream().mapToDouble(f).toArray();
        if (v.length == 1) {
            return String.format(format, v[0]);
        }
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return String.format(format + " (" + format + "-" + format + ")", median(v), s[0], s[s.length - 1]);
    }

    /** The ratio of ours to theirs, round by round: median (range). */
    private static String ratio(List<StampedeDriver.Row> mine, List<StampedeDriver.Row> other,
                                java.util.function.ToLongFunction<StampedeDriver.Row> f) {
        double[] r = new double[mine.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = (double) f.applyAsLong(mine.get(i)) / Math.max(1, f.applyAsLong(other.get(i)));
        }
        return medianRange(r);
    }

    /**
     * Enrichment on a cache hit: rounds of one JMH fork per measurement, floor and signed step
     * next to each other in every round (so a slower or faster spell of the machine shows in
     * both), each with JMH's GC profiler for the bytes allocated per call. The ratio is taken
     * per round; the table gives the median and the range over the rounds.
     */
    private static void enrichment(boolean quick) throws Exception {
        int rounds = Integer.getInteger("bench.enrichment.rounds", quick ? 1 : 3);
        String[] names = {"bareCrypto", "bearerOnly", "signedWithHmac"};
        double[][] us = new double[names.length][rounds];
        double[][] bytes = new double[names.length][rounds];
        for (int round = 0; round < rounds; round++) {
            Options options = new OptionsBuilder().include(EnrichmentBenchmark.class.getName())
                    .forks(1).warmupIterations(quick ? 3 : 5).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(quick ? 3 : 5).measurementTime(TimeValue.seconds(1)).threads(1)
                    .addProfiler(org.openjdk.jmh.profile.GCProfiler.class).shouldFailOnError(true).build();
            for (RunResult r : new Runner(options).run()) {
                String name = r.getParams().getBenchmark();
                for (int k = 0; k < names.length; k++) {
                    if (name.endsWith("." + names[k])) {
                        us[k][round] = r.getPrimaryResult().getScore();
                        bytes[k][round] = r.getSecondaryResults().get("gc.alloc.rate.norm").getScore();
                    }
                }
            }
        }
        String[] labels = {"bare SHA-256 + HMAC-SHA512 (floor)", "Bearer only", "Bearer + HMAC signature + headers"};
        System.out.println();
        System.out.println("Enrichment on a cache hit, 1 KB body (JMH, average time per call; " + rounds
                + " rounds of one fork each, median (range))");
        System.out.println("| measurement | us/call | B/call | ratio to bare SHA-256 + HMAC-SHA512 |");
        System.out.println("|---|---:|---:|---:|");
        for (int k = 0; k < names.length; k++) {
            double[] ratio = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                ratio[round] = us[k][round] / us[0][round];
            }
            System.out.printf("| %s | %s | %.0f | %s |%n", labels[k], medianRange(us[k]), median(bytes[k]),
                    k == 0 ? "1.00" : medianRange(ratio));
        }
    }

    private static String medianRange(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s.length == 1 ? String.format("%.2f", s[0])
                : String.format("%.2f (%.2f-%.2f)", median(v), s[0], s[s.length - 1]);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static void gateway(boolean quick) throws Exception {
        String jfr = System.getProperty("bench.jfr", "");
        // -Dbench.gateway.warmup/seconds/rounds change the defaults (e.g. for a profiling run)
        GatewayThroughputDriver.Result g = new GatewayThroughputDriver().run(
                Integer.getInteger("bench.gateway.warmup", quick ? 5 : 15),
                Integer.getInteger("bench.gateway.seconds", quick ? 5 : 10),
                Integer.getInteger("bench.gateway.rounds", quick ? 3 : 5),
                jfr.isBlank() ? null : java.nio.file.Path.of(jfr));
        GatewayThroughputDriver.print(g, System.out);
        GatewayThroughputDriver.printPerRequest(System.out);
    }
}

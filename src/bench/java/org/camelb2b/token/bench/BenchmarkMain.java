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
        List<StampedeDriver.Row> rows = new ArrayList<>();
        if (only.isEmpty() || only.equals("stampede")) try (BenchServer server = new BenchServer()) {
            StampedeDriver driver = new StampedeDriver(server);
            String token = server.baseUrl() + "/oauth2/token";
            int[] sizes = quick ? new int[] {20, 200} : new int[] {20, 200, 1000};
            // warm the JVM (class loading, JIT) for both contenders; these rounds are not reported
            driver.cold("ours", 20, StampedeDriver.ours(server.baseUrl() + "/resource/ours-warmup"));
            driver.cold("camel-http oauth2", 20, StampedeDriver.camelHttpOAuth2(server.baseUrl() + "/resource/oauth-warmup",
                    token));
            for (int n : sizes) {
                if (!quick && Boolean.getBoolean("bench.verbose")) {
                    System.out.println("callers " + n);
                }
                server.lifetimeSeconds = 900;
                rows.add(driver.cold("ours", n, StampedeDriver.ours(server.baseUrl() + "/resource/ours-cold-" + n)));
                rows.add(driver.cold("camel-http oauth2", n, StampedeDriver.camelHttpOAuth2(
                        server.baseUrl() + "/resource/oauth-cold-" + n, token)));
                server.lifetimeSeconds = 3;
                int seconds = quick ? 4 : 6;
                rows.add(driver.acrossExpiry("ours", n, StampedeDriver.ours(server.baseUrl() + "/resource/ours-exp-" + n),
                        seconds));
                rows.add(driver.acrossExpiry("camel-http oauth2", n, StampedeDriver.camelHttpOAuth2(
                        server.baseUrl() + "/resource/oauth-exp-" + n, token), seconds));
            }
        }
        System.out.println();
        System.out.println("Token stampede (token endpoint latency " + BenchServer.TOKEN_LATENCY_MS
                + " ms; expiry phase: 3 s tokens, callers looping every 20 ms for the whole run)");
        System.out.println("| contender | phase | callers | token requests | calls | failed | p50 ms | p99 ms | max ms |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        for (StampedeDriver.Row r : rows) {
            System.out.printf("| %s | %s | %d | %d | %d | %d | %s | %s | %s |%n", r.contender(), r.phase(), r.callers(),
                    r.tokens(), r.calls(), r.failed(), Latencies.ms(r.p50()), Latencies.ms(r.p99()), Latencies.ms(r.max()));
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
    }
}

package org.camelb2b.token.bench;

import java.util.ArrayList;
import java.util.Collection;
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

        if (!only.isEmpty() && !only.equals("enrichment")) {
            gateway(quick);
            System.exit(0);
        }
        Options options = new OptionsBuilder().include(EnrichmentBenchmark.class.getName())
                .forks(1).warmupIterations(quick ? 2 : 3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(quick ? 3 : 5).measurementTime(TimeValue.seconds(1)).threads(1)
                .shouldFailOnError(true).build();
        Collection<RunResult> results = new Runner(options).run();
        double bare = 0;
        double bearer = 0;
        double signed = 0;
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            double score = r.getPrimaryResult().getScore();
            if (name.endsWith("bareCrypto")) {
                bare = score;
            } else if (name.endsWith("bearerOnly")) {
                bearer = score;
            } else if (name.endsWith("signedWithHmac")) {
                signed = score;
            }
        }
        System.out.println();
        System.out.println("Enrichment on a cache hit, 1 KB body (JMH, average time per call)");
        System.out.println("| measurement | us/call | ratio to bare SHA-256 + HMAC-SHA512 |");
        System.out.println("|---|---:|---:|");
        System.out.printf("| bare SHA-256 + HMAC-SHA512 (floor) | %.2f | 1.00 |%n", bare);
        System.out.printf("| Bearer only | %.2f | %.2f |%n", bearer, bearer / bare);
        System.out.printf("| Bearer + HMAC signature + headers | %.2f | %.2f |%n", signed, signed / bare);

        if (only.isEmpty()) {
            gateway(quick);
        }
        System.exit(0);
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

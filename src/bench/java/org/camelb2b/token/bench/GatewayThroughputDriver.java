package org.camelb2b.token.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.camelb2b.token.testing.FreePort;
import org.camelb2b.token.testing.TestApp;

/**
 * Requests per second through the signing gateway against a plain Camel platform-http to
 * camel-http proxy route, both to the same payment stub, in the same app, alternating rounds.
 */
final class GatewayThroughputDriver {

    record Result(double gatewayRps, double proxyRps, long gatewayErrors, long proxyErrors) {
    }

    private final BenchServer server;

    GatewayThroughputDriver(BenchServer server) {
        this.server = server;
    }

    Result run(int concurrency, int seconds, int rounds) throws Exception {
        int port;
        port = FreePort.find();
        try (TestApp app = BenchApp.start(server, port)) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String gateway = "http://127.0.0.1:" + port + "/gateway/bench/pay";
            String proxy = "http://127.0.0.1:" + port + "/proxy/pay";
            measure(client, gateway, concurrency, 2); // warm both paths
            measure(client, proxy, concurrency, 2);
            double g = 0;
            double p = 0;
            long ge = 0;
            long pe = 0;
            for (int r = 0; r < rounds; r++) {
                long[] pr = measure(client, proxy, concurrency, seconds);
                long[] gr = measure(client, gateway, concurrency, seconds);
                p += pr[0] / (double) seconds;
                g += gr[0] / (double) seconds;
                pe += pr[1];
                ge += gr[1];
            }
            return new Result(g / rounds, p / rounds, ge, pe);
        }
    }

    /** @return {completed OK, errors} */
    private static long[] measure(HttpClient client, String url, int concurrency, int seconds) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(EnrichmentBenchmark.BODY)).build();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                workers.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        try {
                            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                            (r.statusCode() == 200 ? ok : errors).incrementAndGet();
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get(seconds + 60L, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return new long[] {ok.get(), errors.get()};
    }
}

package org.camelb2b.token.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jdk.jfr.Recording;
import org.camelb2b.token.testing.FreePort;
import org.camelb2b.token.testing.TestApp;

/**
 * Requests per second through the signing gateway against a plain Camel platform-http to
 * camel-http proxy route (bench.yaml, same HTTP client set-up), both in the same app and to the
 * same in-memory stub ({@link PaymentStub}), loaded by wrk ({@link Wrk}) with {@value #CONNECTIONS}
 * keep-alive connections POSTing a 1 KB JSON body, in alternating rounds. Each round reports
 * requests/s, p50/p99, errors, the CPU the machine, the JVM and the stub used, and how many
 * calls reached the stub per request (exactly one for both routes).
 */
final class GatewayThroughputDriver {

    static final int CONNECTIONS = 64;
    static final String PROXY = "plain Camel proxy (platform-http -> camel-http)";
    static final String GATEWAY = "signing gateway (token + HMAC + headers)";
    static final String STUB = "stub alone (wrk -> stub, no app)";

    /** One round of one route. */
    record Round(String route, int round, Wrk.Result load, CpuMeter.Usage cpu, long stubCalls) {

        double callsPerRequest() {
            return load.requests() == 0 ? 0 : stubCalls / (double) load.requests();
        }
    }

    record Result(Round stubAlone, List<Round> rounds) {
    }

    /**
     * Warm-up ({@code warmupSeconds} per route, not reported), then {@code rounds} rounds of
     * {@code seconds} per route, the order alternating; with {@code jfrDir}, one more round per
     * route under JFR (profile settings) whose flat profile is printed.
     */
    Result run(int warmupSeconds, int seconds, int rounds, Path jfrDir) throws Exception {
        Wrk wrk = Wrk.prepare(EnrichmentBenchmark.BODY);
        try (PaymentStub stub = new PaymentStub()) {
            CpuMeter cpu = new CpuMeter(stub::cpuNanos);
            int port = FreePort.find();
            // 64 connections: at most 64 calls in flight; the provider's pool and limit and the
            // proxy's pool are the same size, with room to spare, and the gateway's worker pool
            // (one thread per call in flight) its default
            Map<String, String> settings = Map.of("b2b.bench.max-concurrent-calls", "128", "bench.proxy-connections", "128",
                    "b2b.gateway.worker-threads", "200");
            if (jfrDir != null) {
                // JFR starts up on its first recording (seconds of CPU): not in a measured one
                try (Recording warm = new Recording()) {
                    warm.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
                    warm.start();
                    Thread.sleep(1000);
                    warm.stop();
                }
            }
            try (TestApp app = BenchApp.start(stub.baseUrl(), port, settings)) {
                String gateway = "http://127.0.0.1:" + port + "/gateway/bench/pay";
                String proxy = "http://127.0.0.1:" + port + "/proxy/pay";
                check(gateway);
                check(proxy);
                for (int i = 0; i < 2; i++) {
                    wrk.run(proxy, 1, CONNECTIONS, warmupSeconds);
                    wrk.run(gateway, 1, CONNECTIONS, warmupSeconds);
                }
                // what the stub can serve on this machine, warm, with the app idle
                Round stubAlone = measure(wrk, cpu, stub, STUB, 0, stub.baseUrl() + "/pay", seconds);
                List<Round> measured = new ArrayList<>();
                for (int r = 1; r <= rounds; r++) {
                    boolean proxyFirst = r % 2 == 1;
                    measured.add(measure(wrk, cpu, stub, proxyFirst ? PROXY : GATEWAY, r, proxyFirst ? proxy : gateway,
                            seconds));
                    measured.add(measure(wrk, cpu, stub, proxyFirst ? GATEWAY : PROXY, r, proxyFirst ? gateway : proxy,
                            seconds));
                }
                if (jfrDir != null) {
                    Files.createDirectories(jfrDir);
                    profile(wrk, jfrDir.resolve("proxy.jfr"), proxy, seconds, stub.threadId());
                    profile(wrk, jfrDir.resolve("gateway.jfr"), gateway, seconds, stub.threadId());
                }
                return new Result(stubAlone, measured);
            }
        }
    }

    private static Round measure(Wrk wrk, CpuMeter cpu, PaymentStub stub, String route, int round, String url,
                                 int seconds) throws Exception {
        long calls = stub.calls();
        CpuMeter.Reading start = cpu.read();
        Wrk.Result load = wrk.run(url, 1, CONNECTIONS, seconds);
        CpuMeter.Usage usage = cpu.read().since(start);
        return new Round(route, round, load, usage, stub.calls() - calls);
    }

    /** One 200 with the stub's answer through the route, or the benchmark stops. */
    private static void check(String url) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(EnrichmentBenchmark.BODY)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || !r.body().equals(PaymentStub.PAYMENT_ANSWER)) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    /**
     * One round of {@code url} under a profiler, its flat profile printed: JFR's execution samples
     * (every 10 ms; the stub's thread left out), or, with {@code -Dbench.asprof=} the path of
     * async-profiler's libasyncProfiler.so (Maven Central: tools.profiler:async-profiler), its CPU
     * samples every millisecond, Java, JVM and kernel frames alike (stub included).
     */
    private static void profile(Wrk wrk, Path file, String url, int seconds, long stubThread) throws Exception {
        String asprof = System.getProperty("bench.asprof", "");
        if (!asprof.isBlank()) {
            Path stacks = Path.of(file.toString().replace(".jfr", ".collapsed")).toAbsolutePath();
            // (quoted: jcmd would read "event=cpu" as an option of its own)
            jcmd("JVMTI.agent_load", asprof, "\"start,event=cpu,interval=1ms\"");
            Wrk.Result load = wrk.run(url, 1, CONNECTIONS, seconds);
            jcmd("JVMTI.agent_load", asprof, "\"stop,collapsed,file=" + stacks + "\"");
            System.out.printf("%nasync-profiler of %s (%.0f requests/s while recorded): %s%n", url, load.perSecond(),
                    stacks);
            JfrTop.print(stacks, 25, id -> true, System.out);
            PER_REQUEST.put(url, JfrTop.perRequest(stacks, load.perSecond() * seconds));
            return;
        }
        try (Recording recording = new Recording()) {
            // execution samples only: JFR's "profile" settings (allocation, socket and lock
            // events with stacks) cost this load several times its throughput
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.start();
            Wrk.Result load = wrk.run(url, 1, CONNECTIONS, seconds);
            recording.stop();
            recording.dump(file);
            System.out.printf("%nJFR of %s (%.0f requests/s while recorded): %s, the stub's thread left out%n", url,
                    load.perSecond(), file);
            JfrTop.print(file, 25, id -> id != stubThread, System.out);
        }
    }

    /** CPU microseconds per request by part, per profiled URL (async-profiler only). */
    private static final Map<String, Map<String, Double>> PER_REQUEST = new java.util.LinkedHashMap<>();

    /** The profiled routes' CPU per request side by side, and the difference. */
    static void printPerRequest(PrintStream out) {
        if (PER_REQUEST.size() != 2) {
            return;
        }
        List<Map<String, Double>> routes = new ArrayList<>(PER_REQUEST.values());
        out.println();
        out.println("CPU per request by part (async-profiler, us; the first route is the proxy, the second the gateway)");
        out.println("| part | plain proxy | signing gateway | difference |");
        out.println("|---|---:|---:|---:|");
        for (String part : routes.get(1).keySet()) {
            double a = routes.get(0).getOrDefault(part, 0.0);
            double b = routes.get(1).getOrDefault(part, 0.0);
            out.printf("| %s | %.1f | %.1f | %+.1f |%n", part, a, b, b - a);
        }
    }

    private static void jcmd(String... command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(ProcessHandle.current().pid())));
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0 || out.contains("ERROR") || out.contains("rror")) {
            throw new IllegalStateException(String.join(" ", cmd) + ": " + out);
        }
    }

    /** The rounds, then per route the median and range of requests/s, p50 and p99, and the ratio per round. */
    static void print(Result result, PrintStream out) {
        out.println();
        out.println("Gateway throughput: wrk, " + CONNECTIONS + " connections, 1 KB JSON POSTs, both routes to the same "
                + "in-memory stub, alternating rounds in one app");
        out.println("| route | round | requests/s | p50 ms | p99 ms | errors | stub calls/request | CPU busy (cores) "
                + "| JVM (cores) | stub (cores) | GC time |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        List<Round> all = new ArrayList<>();
        all.add(result.stubAlone());
        all.addAll(result.rounds());
        for (Round r : all) {
            out.printf("| %s | %s | %.0f | %s | %s | %d | %.2f | %.2f | %.2f | %.2f | %.1f%% |%n", r.route(),
                    r.round() == 0 ? "-" : String.valueOf(r.round()), r.load().perSecond(), ms(r.load().p50()),
                    ms(r.load().p99()), r.load().errors() + r.load().non2xx(), r.callsPerRequest(), r.cpu().machine(),
                    r.cpu().jvm(), r.cpu().stub(), 100 * r.cpu().gc());
        }
        out.println();
        out.println("| route | rounds | requests/s median (range) | p50 ms median (range) | p99 ms median (range) | ratio median (range) |");
        out.println("|---|---:|---:|---:|---:|---:|");
        double[] proxyRps = rps(result, PROXY);
        double[] gatewayRps = rps(result, GATEWAY);
        double[] ratios = new double[proxyRps.length];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = gatewayRps[i] / proxyRps[i];
        }
        for (String route : List.of(PROXY, GATEWAY)) {
            double[] v = rps(result, route);
            double[] p50 = result.rounds().stream().filter(r -> r.route().equals(route)).mapToDouble(r -> r.load().p50() / 1000.0)
                    .toArray();
            double[] p99 = result.rounds().stream().filter(r -> r.route().equals(route)).mapToDouble(r -> r.load().p99() / 1000.0)
                    .toArray();
            String ratio = route.equals(PROXY) ? "1.00" : String.format("%.2f (%.2f-%.2f)", median(ratios), min(ratios),
                    max(ratios));
            out.printf("| %s | %d | %.0f (%.0f-%.0f) | %.2f (%.2f-%.2f) | %.2f (%.2f-%.2f) | %s |%n", route, v.length,
                    median(v), min(v), max(v), median(p50), min(p50), max(p50), median(p99), min(p99), max(p99), ratio);
        }
    }

    private static double[] rps(Result result, String route) {
        return result.rounds().stream().filter(r -> r.route().equals(route)).mapToDouble(r -> r.load().perSecond()).toArray();
    }

    private static String ms(long micros) {
        return String.format("%.2f", micros / 1000.0);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length == 0 ? 0 : s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(0);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(0);
    }
}

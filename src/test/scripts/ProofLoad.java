import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * cluster-proof.sh's callers, written without any of our code: signed payment calls through the
 * gateways of the apps ({@code POST /gateway/doku/pay}).
 *
 * <ul>
 * <li>{@code burst N PORTS}: N calls at once, spread over the ports, released together.</li>
 * <li>{@code steady SECONDS RATE PORTS}: RATE calls a second in all, spread over the ports, for
 * SECONDS; a call does not wait for the one before.</li>
 * </ul>
 * PORTS is comma-separated. Prints the answers per port, then one line per failed call:
 * {@code FAIL <ms since start> <port> <status or error> <body>}, where a failure is any answer but
 * 200 (a refused connection to a killed app included).
 */
public class ProofLoad {

    record Result(long atMs, int port, String outcome, String body, long tookMs) {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(8)).build();
        ConcurrentLinkedQueue<CompletableFuture<Result>> calls = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        if (mode.equals("burst")) {
            int n = Integer.parseInt(args[1]);
            int[] ports = ports(args[2]);
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            List<CompletableFuture<Result>> list = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int port = ports[i % ports.length];
                int seq = i;
                CompletableFuture<Result> f = new CompletableFuture<>();
                list.add(f);
                Thread t = new Thread(() -> {
                    try {
                        go.await();
                        f.complete(call(client, port, seq, start).get());
                    } catch (Exception e) {
                        f.completeExceptionally(e);
                    }
                });
                t.start();
                threads.add(t);
            }
            Thread.sleep(200);
            go.countDown();
            calls.addAll(list);
        } else {
            int seconds = Integer.parseInt(args[1]);
            int rate = Integer.parseInt(args[2]);
            int[] ports = ports(args[3]);
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
            long every = 1_000_000_000L / rate;
            int total = seconds * rate;
            CountDownLatch sent = new CountDownLatch(total);
            int[] seq = {0};
            ticker.scheduleAtFixedRate(() -> {
                int i = seq[0]++;
                if (i < total) {
                    calls.add(call(client, ports[i % ports.length], i, start));
                    sent.countDown();
                }
            }, 0, every, TimeUnit.NANOSECONDS);
            sent.await();
            ticker.shutdown();
        }
        Map<Integer, Map<String, Integer>> perPort = new TreeMap<>();
        List<Result> failures = new ArrayList<>();
        long slowest = 0;
        for (CompletableFuture<Result> f : calls) {
            Result r = f.get(60, TimeUnit.SECONDS);
            perPort.computeIfAbsent(r.port(), p -> new TreeMap<>()).merge(r.outcome(), 1, Integer::sum);
            slowest = Math.max(slowest, r.tookMs());
            if (!r.outcome().equals("200")) {
                failures.add(r);
            }
        }
        perPort.forEach((port, outcomes) -> System.out.println("port " + port + ": " + outcomes));
        System.out.println("calls " + calls.size() + ", failed " + failures.size() + ", slowest " + slowest + " ms");
        failures.sort((a, b) -> Long.compare(a.atMs(), b.atMs()));
        for (Result r : failures) {
            System.out.println("FAIL " + r.atMs() + " " + r.port() + " " + r.outcome() + " " + r.body());
        }
        System.exit(0);
    }

    static CompletableFuture<Result> call(HttpClient client, int port, int seq, long start) {
        long at = System.nanoTime();
        long atMs = (at - start) / 1_000_000;
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/gateway/doku/pay"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"n\":" + seq + "}")).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
            long took = (System.nanoTime() - at) / 1_000_000;
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                String what = cause instanceof ConnectException ? "refused" : cause.getClass().getSimpleName();
                return new Result(atMs, port, what, "", took);
            }
            String body = response.body().length() > 200 ? response.body().substring(0, 200) : response.body();
            return new Result(atMs, port, String.valueOf(response.statusCode()), body.replace('\n', ' '), took);
        });
    }

    static int[] ports(String list) {
        String[] parts = list.split(",");
        int[] ports = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            ports[i] = Integer.parseInt(parts[i].trim());
        }
        return ports;
    }
}

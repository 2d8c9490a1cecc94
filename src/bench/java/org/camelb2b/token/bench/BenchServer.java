package org.camelb2b.token.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * One local server for both contenders: a SNAP token endpoint (ours), an OAuth2
 * client-credentials endpoint (camel-http's), a protected resource and a payment stub. Token
 * requests take {@link #TOKEN_LATENCY_MS} like a real provider's; every token lives
 * {@code lifetimeSeconds}.
 */
final class BenchServer implements AutoCloseable {

    static final int TOKEN_LATENCY_MS = 50;

    static {
        // answers without the ~40 ms Nagle stall of the JDK server's two writes (headers, body)
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(256, r -> {
        Thread t = new Thread(r, "bench-server");
        t.setDaemon(true);
        return t;
    });
    final AtomicInteger snapTokens = new AtomicInteger();
    final AtomicInteger oauthTokens = new AtomicInteger();
    volatile long lifetimeSeconds = 900;
    /** System.nanoTime() when each token request arrived and was answered (-Dbench.timeline). */
    final java.util.Queue<long[]> tokenTimes = new java.util.concurrent.ConcurrentLinkedQueue<>();

    BenchServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        ex.getRequestBody().readAllBytes();
        String path = ex.getRequestURI().getPath();
        if (path.endsWith("/access-token/b2b")) {
            int n = snapTokens.incrementAndGet();
            long arrived = System.nanoTime();
            sleep();
            tokenTimes.add(new long[] {arrived, System.nanoTime()});
            send(ex, "{\"responseCode\":\"2007300\",\"responseMessage\":\"Successful\",\"accessToken\":\"snap-" + n
                    + "-xxxxxxxxxxxxxxxx\",\"tokenType\":\"Bearer\",\"expiresIn\":" + lifetimeSeconds + "}");
        } else if (path.equals("/oauth2/token")) {
            int n = oauthTokens.incrementAndGet();
            long arrived = System.nanoTime();
            sleep();
            tokenTimes.add(new long[] {arrived, System.nanoTime()});
            send(ex, "{\"access_token\":\"oauth-" + n + "-xxxxxxxxxxxxxxxx\",\"token_type\":\"Bearer\",\"expires_in\":"
                    + lifetimeSeconds + "}");
        } else {
            send(ex, "{\"responseCode\":\"2000000\",\"responseMessage\":\"Successful\"}");
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(TOKEN_LATENCY_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange ex, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}

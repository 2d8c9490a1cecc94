package org.camelb2b.token.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A SNAP provider that misbehaves as real ones do, counting every request it receives by path
 * (what the provider saw, not what the client believes it sent):
 * <ul>
 * <li>the token endpoint (any path ending in {@code /access-token/b2b}) issues tokens, or, after
 * {@link #throttleTokens}, answers 429 with {@code Retry-After};</li>
 * <li>{@code /busy}: 503 with {@code Retry-After} and a SNAP error body;</li>
 * <li>{@code /hang}: never answers (until the stub is closed);</li>
 * <li>{@code /drop}: closes the connection without an answer;</li>
 * <li>anything else: 200 {@code 2000000}.</li>
 * </ul>
 * Every answer sets a cookie (as a load balancer's stickiness cookie would); requests that carry
 * one back are counted ({@link #requestsWithCookies}).
 */
public final class FaultyProvider implements AutoCloseable {

    /** Every token request is counted under this path, whatever the deployment prefix before it. */
    public static final String TOKEN_PATH = "/access-token/b2b";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "faulty-provider");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private final int retryAfterSeconds;
    private volatile boolean throttleTokens;
    private final AtomicInteger withCookies = new AtomicInteger();

    /** @param retryAfterSeconds what {@code /busy} and a throttled token endpoint put in {@code Retry-After} */
    public FaultyProvider(int retryAfterSeconds) throws IOException {
        this.retryAfterSeconds = retryAfterSeconds;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on the token endpoint answers 429 Too Many Requests with Retry-After. */
    public void throttleTokens() {
        throttleTokens = true;
    }

    /** Requests received on {@code path} so far. */
    public int requests(String path) {
        AtomicInteger n = requests.get(path);
        return n == null ? 0 : n.get();
    }

    /** Requests so far that carried a {@code Cookie} header. */
    public int requestsWithCookies() {
        return withCookies.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        ex.getRequestBody().readAllBytes();
        if (ex.getRequestHeaders().containsKey("Cookie")) {
            withCookies.incrementAndGet();
        }
        ex.getResponseHeaders().add("Set-Cookie", "lb=node-1; Path=/; Max-Age=3600");
        String path = ex.getRequestURI().getPath();
        if (path.endsWith(TOKEN_PATH)) {
            path = TOKEN_PATH;
        }
        requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        if (path.equals(TOKEN_PATH)) {
            if (throttleTokens) {
                ex.getResponseHeaders().set("Retry-After", String.valueOf(retryAfterSeconds));
                StubResponses.json(ex, 429, "{\"responseCode\":\"4297300\",\"responseMessage\":\"Too Many Requests\"}");
            } else {
                StubResponses.json(ex, 200, "{\"responseCode\":\"2007300\",\"responseMessage\":\"Successful\",\"accessToken\":\"tok-"
                        + requests(path) + "-aaaaaaaaaaaaaaaa\",\"tokenType\":\"Bearer\",\"expiresIn\":\"900\"}");
            }
            return;
        }
        switch (path) {
            case "/busy" -> {
                ex.getResponseHeaders().set("Retry-After", String.valueOf(retryAfterSeconds));
                StubResponses.json(ex, 503, "{\"responseCode\":\"5030000\",\"responseMessage\":\"Service Unavailable\"}");
            }
            case "/hang" -> {
                try {
                    released.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ex.close();
            }
            case "/drop" -> ex.close();
            default -> StubResponses.json(ex, 200, "{\"responseCode\":\"2000000\",\"responseMessage\":\"Successful\"}");
        }
    }


    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}

package org.camelb2b.token.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.camelb2b.token.cache.TokenKey;
import org.camelb2b.token.token.AccessToken;

/**
 * A token endpoint over real HTTP on loopback that counts the token requests it receives (what the
 * provider saw) and issues {@code tok-<n>}; it can hold the next request unanswered until released
 * (a stalled token request). {@link #fetch} is one token request, as the cache's fetch route makes one.
 */
final class TokenStub implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "token-stub");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(threads).build();
    private final AtomicInteger requests = new AtomicInteger();
    volatile long lifetimeMs = 900_000;
    /** The token issued last: a provider that revokes the previous token on issuing one accepts only this. */
    volatile String current;
    private volatile CountDownLatch hold;
    private volatile CountDownLatch holding;
    final CountDownLatch held = new CountDownLatch(1);

    TokenStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.setExecutor(threads);
        server.createContext("/token", this::handle);
        server.start();
    }

    /** The next token request is received (and counted) but answered only after {@link #release()}. */
    void holdNext() {
        holding = new CountDownLatch(1);
        hold = holding;
    }

    void release() {
        CountDownLatch h = holding;
        if (h != null) {
            h.countDown();
        }
    }

    int requests() {
        return requests.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        ex.getRequestBody().readAllBytes();
        int n = requests.incrementAndGet();
        CountDownLatch h = hold;
        if (h != null) {
            hold = null;
            held.countDown();
            try {
                h.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        current = "tok-" + n + "-aaaaaaaaaaaaaaaa";
        byte[] body = (current + "\n" + lifetimeMs).getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(200, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }

    /** One token request for {@code key}, over HTTP. */
    Function<TokenKey, AccessToken> fetch() {
        return key -> {
            long sent = System.nanoTime();
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + server.getAddress().getPort() + "/token")).POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                String[] parts = r.body().split("\n");
                return new AccessToken(key.provider(), parts[0], "Bearer", Duration.ofMillis(Long.parseLong(parts[1])),
                        sent, Instant.now());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        };
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        threads.shutdownNow();
    }
}

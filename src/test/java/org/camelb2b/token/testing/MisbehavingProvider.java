package org.camelb2b.token.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A SNAP provider whose token endpoint works but whose payment endpoints misbehave on purpose:
 * {@code /always-401} rejects every token, {@code /pay} rejects every token while
 * {@link #rejectTokens} is set and accepts the call otherwise, {@code /busy-503} and
 * {@code /busy-429} answer 503 and 429 (Retry-After: 1), {@code /slow} answers after 3 s,
 * {@code /drop} closes the connection without an answer. Counts what it receives.
 */
public final class MisbehavingProvider implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final AtomicInteger paymentRequests = new AtomicInteger();
    /** Whether {@code /pay} rejects the token (401, invalid token) or accepts the call. */
    public volatile boolean rejectTokens = true;

    public MisbehavingProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "misbehaving-provider");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int tokenRequests() {
        return tokenRequests.get();
    }

    public int paymentRequests() {
        return paymentRequests.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        ex.getRequestBody().readAllBytes();
        String path = ex.getRequestURI().getPath();
        if (path.endsWith("/access-token/b2b")) {
            int n = tokenRequests.incrementAndGet();
            StubResponses.json(ex, 200, "{\"responseCode\":\"2007300\",\"responseMessage\":\"Successful\",\"accessToken\":\"token-" + n
                    + "-aaaaaaaaaaaaaaaa\",\"tokenType\":\"Bearer\",\"expiresIn\":\"900\"}");
            return;
        }
        paymentRequests.incrementAndGet();
        switch (path) {
            case "/always-401" -> StubResponses.json(ex, 401, "{\"responseCode\":\"4012701\",\"responseMessage\":\"Invalid Token (B2B)\"}");
            case "/pay" -> {
                if (rejectTokens) {
                    StubResponses.json(ex, 401, "{\"responseCode\":\"4012701\",\"responseMessage\":\"Invalid Token (B2B)\"}");
                } else {
                    StubResponses.json(ex, 200, "{\"responseCode\":\"2002700\",\"responseMessage\":\"Successful\"}");
                }
            }
            case "/busy-503" -> StubResponses.json(ex, 503, "{\"responseCode\":\"5032700\",\"responseMessage\":\"Service Unavailable\"}");
            case "/busy-429" -> {
                ex.getResponseHeaders().set("Retry-After", "1");
                StubResponses.json(ex, 429, "{\"responseCode\":\"4292700\",\"responseMessage\":\"Too Many Requests\"}");
            }
            case "/slow" -> {
                sleep(3000);
                StubResponses.json(ex, 200, "{\"responseCode\":\"2000000\",\"responseMessage\":\"Successful\"}");
            }
            case "/drop" -> ex.close();
            default -> StubResponses.json(ex, 404, "{\"responseCode\":\"4040000\",\"responseMessage\":\"Not Found\"}");
        }
    }


    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

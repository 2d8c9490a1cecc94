package org.camelb2b.token.cache;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A SNAP-shaped token endpoint whose behaviour the test switches: up, down, or a bad answer. */
final class TokenEndpointStub implements AutoCloseable {

    enum Mode { OK, DOWN_503, MALFORMED_JSON, HTML, ERROR_500, TOO_MANY_429, NEGATIVE_LIFETIME, NO_LIFETIME }

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger issued = new AtomicInteger();
    volatile Mode mode = Mode.OK;
    volatile long lifetimeSeconds = 900;

    TokenEndpointStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "token-stub");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int requests() {
        return requests.get();
    }

    int issued() {
        return issued.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        ex.getRequestBody().readAllBytes();
        requests.incrementAndGet();
        switch (mode) {
            case OK -> send(ex, 200, "application/json", "{\"responseCode\":\"2007300\",\"responseMessage\":\"Successful\","
                    + "\"accessToken\":\"stub-token-" + issued.incrementAndGet() + "-xxxxxxxxxxxx\",\"tokenType\":\"Bearer\","
                    + "\"expiresIn\":" + lifetimeSeconds + "}");
            case DOWN_503 -> send(ex, 503, "application/json", "{\"responseCode\":\"5037300\",\"responseMessage\":\"Down\"}");
            case MALFORMED_JSON -> send(ex, 200, "application/json", "{\"responseCode\":\"2007300\",\"accessTo");
            case HTML -> send(ex, 200, "text/html", "<html><body>maintenance</body></html>");
            case ERROR_500 -> send(ex, 500, "application/json", "{\"responseCode\":\"5007300\",\"responseMessage\":\"General Error\"}");
            case TOO_MANY_429 -> {
                ex.getResponseHeaders().set("Retry-After", "1");
                send(ex, 429, "application/json", "{\"responseCode\":\"4297300\",\"responseMessage\":\"Too Many Requests\"}");
            }
            case NEGATIVE_LIFETIME -> send(ex, 200, "application/json", "{\"responseCode\":\"2007300\",\"responseMessage\":"
                    + "\"Successful\",\"accessToken\":\"bad-token-xxxxxxxxxxxx\",\"tokenType\":\"Bearer\",\"expiresIn\":-900}");
            case NO_LIFETIME -> send(ex, 200, "application/json", "{\"responseCode\":\"2007300\",\"responseMessage\":"
                    + "\"Successful\",\"accessToken\":\"bad-token-xxxxxxxxxxxx\",\"tokenType\":\"Bearer\"}");
        }
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

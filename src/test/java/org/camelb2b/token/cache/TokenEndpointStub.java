package org.camelb2b.token.cache;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;

import org.camelb2b.token.testing.StubResponses;
import com.sun.net.httpserver.HttpServer;

/** A SNAP-shaped token endpoint whose behaviour the test switches: up, down, or a bad answer. */
final class TokenEndpointStub implements AutoCloseable {

    enum Mode {
        OK, DOWN_503, MALFORMED_JSON, HTML, ERROR_500, TOO_MANY_429, NEGATIVE_LIFETIME, NO_LIFETIME,
        /** success, with a token no Authorization header can carry: CR/LF and a header after it */
        TOKEN_CRLF,
        /** success, with a token holding non-ASCII letters (sent as UTF-8) */
        TOKEN_NON_ASCII,
        /** success, with a token of 2 MB */
        TOKEN_2MB
    }

    /** Text of the bad tokens, for tests that check none of it is written anywhere. */
    static final String BAD_TOKEN_CRLF = "stub-bad-token-crlf\r\nX-Injected: yes";
    static final String BAD_TOKEN_NON_ASCII = "stub-bad-t\u00f6k\u00e9n-\u65e5\u672c";
    static final String BAD_TOKEN_2MB = "Q".repeat(2 * 1024 * 1024);

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
            case OK -> StubResponses.send(ex, 200, "application/json", "{\"responseCode\":\"2007300\",\"responseMessage\":\"Successful\","
                    + "\"accessToken\":\"stub-token-" + issued.incrementAndGet() + "-xxxxxxxxxxxx\",\"tokenType\":\"Bearer\","
                    + "\"expiresIn\":" + lifetimeSeconds + "}");
            case DOWN_503 -> StubResponses.send(ex, 503, "application/json", "{\"responseCode\":\"5037300\",\"responseMessage\":\"Down\"}");
            case MALFORMED_JSON -> StubResponses.send(ex, 200, "application/json", "{\"responseCode\":\"2007300\",\"accessTo");
            case HTML -> StubResponses.send(ex, 200, "text/html", "<html><body>maintenance</body></html>");
            case ERROR_500 -> StubResponses.send(ex, 500, "application/json", "{\"responseCode\":\"5007300\",\"responseMessage\":\"General Error\"}");
            case TOO_MANY_429 -> {
                ex.getResponseHeaders().set("Retry-After", "1");
                StubResponses.send(ex, 429, "application/json", "{\"responseCode\":\"4297300\",\"responseMessage\":\"Too Many Requests\"}");
            }
            case NEGATIVE_LIFETIME -> StubResponses.send(ex, 200, "application/json", "{\"responseCode\":\"2007300\",\"responseMessage\":"
                    + "\"Successful\",\"accessToken\":\"bad-token-xxxxxxxxxxxx\",\"tokenType\":\"Bearer\",\"expiresIn\":-900}");
            case NO_LIFETIME -> StubResponses.send(ex, 200, "application/json", "{\"responseCode\":\"2007300\",\"responseMessage\":"
                    + "\"Successful\",\"accessToken\":\"bad-token-xxxxxxxxxxxx\",\"tokenType\":\"Bearer\"}");
            case TOKEN_CRLF -> sendToken(ex, BAD_TOKEN_CRLF.replace("\r", "\\r").replace("\n", "\\n")); // JSON escapes
            case TOKEN_NON_ASCII -> sendToken(ex, BAD_TOKEN_NON_ASCII); // raw UTF-8 on the wire
            case TOKEN_2MB -> sendToken(ex, BAD_TOKEN_2MB);
        }
    }

    private void sendToken(HttpExchange ex, String jsonStringContent) throws IOException {
        StubResponses.send(ex, 200, "application/json; charset=UTF-8", "{\"responseCode\":\"2007300\",\"responseMessage\":\"Successful\","
                + "\"accessToken\":\"" + jsonStringContent + "\",\"tokenType\":\"Bearer\",\"expiresIn\":" + lifetimeSeconds + "}");
    }


    @Override
    public void close() {
        server.stop(0);
    }
}

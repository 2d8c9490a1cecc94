package org.camelb2b.token.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;

/** How the JDK-HttpServer stubs answer: a status, a content type and a UTF-8 body, with its length. */
public final class StubResponses {

    private StubResponses() {
    }

    public static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    public static void json(HttpExchange ex, int status, String json) throws IOException {
        send(ex, status, "application/json", json);
    }
}

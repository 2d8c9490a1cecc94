package org.camelb2b.token.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

/** One HTTP request to the sandbox: its parts read once, and the JSON answer. */
final class SandboxExchange {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpExchange http;
    private final byte[] body;

    SandboxExchange(HttpExchange http) throws IOException {
        this.http = http;
        try (InputStream in = http.getRequestBody()) {
            this.body = in.readAllBytes();
        }
    }

    String method() {
        return http.getRequestMethod();
    }

    String path() {
        return http.getRequestURI().getRawPath();
    }

    /** The raw query string, or null. */
    String query() {
        return http.getRequestURI().getRawQuery();
    }

    /** A request header (names are case-insensitive), or null. */
    String header(String name) {
        return http.getRequestHeaders().getFirst(name);
    }

    byte[] body() {
        return body;
    }

    void answer(int status, Map<String, ?> json, Map<String, String> headers) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(json);
        http.getResponseHeaders().set("Content-Type", "application/json");
        headers.forEach((k, v) -> http.getResponseHeaders().set(k, v));
        http.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(bytes);
        }
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}

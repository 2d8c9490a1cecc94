package org.camelb2b.token.gateway;

import static org.camelb2b.token.testing.SandboxSetup.DOKU_CLIENT;
import static org.camelb2b.token.testing.SandboxSetup.DOKU_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camelb2b.token.testing.FreePort;
import org.camelb2b.token.provider.ConfigurationException;
import org.camelb2b.token.sandbox.SandboxProvider;
import org.camelb2b.token.testing.RawHttp;
import org.camelb2b.token.testing.RecordingProvider;
import org.camelb2b.token.testing.SandboxSetup;
import org.camelb2b.token.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Memory and connections (issue 9, point 7): the body size the gateway takes, the bodies it holds
 * at once, and how long it waits for a request to arrive in full.
 */
class GatewayLimitsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String CREATE_VA = "/gateway/doku/virtual-accounts/bi-snap-va/v1.1/transfer-va/create-va";

    SandboxProvider sandbox;
    RecordingProvider recorder;
    int port;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxSetup.start();
        recorder = new RecordingProvider(DOKU_SECRET);
        port = FreePort.find();
    }

    @AfterEach
    void stop() {
        recorder.close();
        sandbox.close();
    }

    Map<String, String> settings() {
        Map<String, String> p = SandboxSetup.settings(sandbox);
        p.put("b2b.gateway.enabled", "true");
        p.put("b2b.gateway.port", String.valueOf(port));
        return p;
    }

    static String head(String method, String target, String... headers) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1");
        for (int i = 0; i < headers.length; i += 2) {
            head.append("\r\n").append(headers[i]).append(": ").append(headers[i + 1]);
        }
        return head.toString();
    }

    static JsonNode error(RawHttp.Response r, int status, String error) throws IOException {
        assertEquals(status, r.status(), r.text());
        JsonNode body = JSON.readTree(r.text());
        assertEquals(error, body.path("error").asText(), r.text());
        return body;
    }

    /** A JSON object of exactly {@code size} bytes. */
    static byte[] jsonOfSize(int size) {
        String prefix = "{\"pad\":\"";
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) 'x');
        System.arraycopy(prefix.getBytes(StandardCharsets.US_ASCII), 0, b, 0, prefix.length());
        b[size - 2] = '"';
        b[size - 1] = '}';
        return b;
    }

    @Test
    void badLimitsAreReportedAtStartupWithTheOtherSettings() {
        Map<String, String> p = settings();
        p.put("b2b.warmup.enabled", "yes");
        p.put("b2b.gateway.max-body-size", "1MB");
        p.put("b2b.gateway.max-body-bytes-in-flight", "512");
        p.put("b2b.gateway.request-read-timeout-ms", "0");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> TestApp.start(p).close());
        assertEquals(List.of("b2b.warmup.enabled: must be true or false, was 'yes'",
                "b2b.gateway.max-body-size: must be a whole number of bytes from 1024 to 67108864, was '1MB'",
                "b2b.gateway.max-body-bytes-in-flight: must be a whole number of bytes from 1024 to 4294967296, was '512'",
                "b2b.gateway.request-read-timeout-ms: must be a whole number of milliseconds from 100 to 300000, was '0'"),
                e.problems());

        Map<String, String> q = settings();
        q.put("b2b.gateway.max-body-size", "65536");
        q.put("b2b.gateway.max-body-bytes-in-flight", "4096");
        e = assertThrows(ConfigurationException.class, () -> TestApp.start(q).close());
        assertEquals(List.of("b2b.gateway.max-body-bytes-in-flight: must be at least b2b.gateway.max-body-size (65536), "
                + "was 4096"), e.problems());
    }

    @Test
    void aBodyOverTheLimitIs413BeforeItIsReadAndTheProviderIsNotCalled() throws Exception {
        Map<String, String> p = settings();
        p.put("b2b.doku.base-url", recorder.baseUrl());
        p.put("b2b.gateway.max-body-size", "65536");
        try (TestApp app = TestApp.start(p)) {
            // Content-Length says 10 MB and only 1 KB follows: answered at once, without waiting for the rest
            try (Socket s = RawHttp.open(port)) {
                s.setSoTimeout(5000);
                RawHttp.write(s, head("POST", CREATE_VA, "Content-Type", "application/json", "Content-Length", "10485760"),
                        jsonOfSize(1024));
                RawHttp.Response r = RawHttp.read(s.getInputStream());
                JsonNode e = error(r, 413, "body_too_large");
                assertEquals("doku", e.path("provider").asText());
                assertTrue(e.path("message").asText().contains("65536"), r.text());
                assertTrue(r.closed(), "the connection is closed rather than the rest of the body read");
            }
            // no Content-Length (chunked): refused once the limit is passed
            try (Socket s = RawHttp.open(port)) {
                RawHttp.write(s, head("POST", CREATE_VA, "Content-Type", "application/json", "Transfer-Encoding", "chunked"),
                        null);
                OutputStream out = s.getOutputStream();
                byte[] chunk = new byte[8192];
                Arrays.fill(chunk, (byte) ' ');
                try {
                    for (int i = 0; i < 10; i++) {
                        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(chunk);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException closedWhileSending) {
                    // the gateway answered and closed while we were still sending: read its answer
                }
                error(RawHttp.read(s.getInputStream()), 413, "body_too_large");
            }
            // at the limit: taken
            RawHttp.Response ok = RawHttp.send(port, head("POST", CREATE_VA, "Content-Type", "application/json",
                    "Content-Length", "65536"), jsonOfSize(65536));
            assertEquals(200, ok.status(), ok.text());
            assertEquals(1, recorder.received().size());
            assertEquals(65536, recorder.received().get(0).body().length);
        }
    }

    @Test
    void overHttp2TheStreamIsAnsweredAndTheConnectionServesOn() throws Exception {
        Map<String, String> p = settings();
        p.put("b2b.doku.base-url", recorder.baseUrl());
        p.put("b2b.gateway.max-body-size", "2048");
        // Java's HttpClient upgrades to HTTP/2 (h2c), which the Vert.x server accepts
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String url = "http://127.0.0.1:" + port + CREATE_VA;
        try (TestApp app = TestApp.start(p)) {
            HttpResponse<String> get = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, get.statusCode(), get.body());
            assertEquals(HttpClient.Version.HTTP_2, get.version());
            byte[] big = jsonOfSize(100_000);
            for (HttpRequest.BodyPublisher body : List.of(HttpRequest.BodyPublishers.ofByteArray(big),
                    HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)))) { // sized, chunked
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json").POST(body).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(413, r.statusCode(), r.body());
                assertEquals("body_too_large", JSON.readTree(r.body()).path("error").asText());
            }
            HttpResponse<String> ok = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ok.statusCode(), ok.body());
            assertEquals(HttpClient.Version.HTTP_2, ok.version());
            assertEquals(2, recorder.received().size());
            assertTrue(recorder.received().stream().allMatch(RecordingProvider.Received::signatureValid));
        }
    }

    @Test
    void aHalfSentRequestIsAnsweredAndClosedWithinTheReadTimeout() throws Exception {
        Map<String, String> p = settings();
        p.put("b2b.doku.base-url", recorder.baseUrl());
        p.put("b2b.gateway.request-read-timeout-ms", "1000");
        try (TestApp app = TestApp.start(p)) {
            List<Socket> sockets = new ArrayList<>();
            try {
                long started = System.nanoTime();
                for (int i = 0; i < 50; i++) {
                    Socket s = RawHttp.open(port);
                    s.setSoTimeout(5000);
                    sockets.add(s);
                    // the headers, and 10 of the 100 bytes promised
                    RawHttp.write(s, head("POST", CREATE_VA, "Content-Type", "application/json", "Content-Length", "100"),
                            "{\"a\":\"xxx\"".getBytes(StandardCharsets.US_ASCII));
                }
                for (Socket s : sockets) {
                    RawHttp.Response r = RawHttp.read(s.getInputStream());
                    error(r, 408, "request_timeout");
                    assertTrue(r.closed());
                }
                long ms = Duration.ofNanos(System.nanoTime() - started).toMillis();
                assertTrue(ms < 4000, "closed after " + ms + " ms");
            } finally {
                for (Socket s : sockets) {
                    s.close();
                }
            }
            assertEquals(List.of(), recorder.received());
            // and the gateway still serves
            RawHttp.Response ok = RawHttp.send(port, head("POST", CREATE_VA, "Content-Type", "application/json",
                    "Content-Length", "7"), "{\"a\":1}".getBytes(StandardCharsets.US_ASCII));
            assertEquals(200, ok.status(), ok.text());
        }
    }

    @Test
    void bodiesInFlightAreBoundedAndTheBudgetComesBack() throws Exception {
        Map<String, String> p = settings();
        p.put("b2b.doku.base-url", recorder.baseUrl());
        p.put("b2b.gateway.max-body-size", "65536");
        p.put("b2b.gateway.max-body-bytes-in-flight", "262144");
        try (TestApp app = TestApp.start(p)) {
            List<Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) { // 4 x 60,000 bytes announced: within the 256 KiB budget
                    Socket s = RawHttp.open(port);
                    held.add(s);
                    RawHttp.write(s, head("POST", CREATE_VA, "Content-Type", "application/json", "Content-Length", "60000"),
                            Arrays.copyOf(jsonOfSize(60000), 30000));
                }
                Thread.sleep(300);
                try (Socket fifth = RawHttp.open(port)) {
                    RawHttp.write(fifth, head("POST", CREATE_VA, "Content-Type", "application/json",
                            "Content-Length", "60000"), null);
                    RawHttp.Response r = RawHttp.read(fifth.getInputStream());
                    error(r, 503, "busy");
                    assertEquals("1", r.header("Retry-After"));
                }
                // small bodies still fit
                RawHttp.Response small = RawHttp.send(port, head("POST", CREATE_VA, "Content-Type", "application/json",
                        "Content-Length", "7"), "{\"a\":1}".getBytes(StandardCharsets.US_ASCII));
                assertEquals(200, small.status(), small.text());
            } finally {
                for (Socket s : held) {
                    s.close();
                }
            }
            Thread.sleep(300);
            // the held requests' share is given back when their connections close
            for (int i = 0; i < 4; i++) {
                RawHttp.Response r = RawHttp.send(port, head("POST", CREATE_VA, "Content-Type", "application/json",
                        "Content-Length", "60000"), jsonOfSize(60000));
                assertEquals(200, r.status(), r.text());
            }
            assertEquals(5, recorder.received().size());
        }
    }

    @Test
    void twentyConcurrentTenMegabyteBodiesAreRefusedAndLaterCallsWork() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        byte[] big = jsonOfSize(10 * 1024 * 1024);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try (TestApp app = TestApp.start(settings())) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                results.add(pool.submit(() -> {
                    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + CREATE_VA))
                            .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build();
                    try {
                        return client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
                    } catch (IOException refusedWhileSending) {
                        return -1; // the gateway answered 413 and closed while the client was still sending
                    }
                }));
            }
            for (Future<Integer> f : results) {
                int status = f.get();
                assertTrue(status == 413 || status == -1, "status " + status);
            }
            assertEquals(0, sandbox.paymentsAccepted(DOKU_CLIENT));
            HttpResponse<String> later = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + CREATE_VA))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, later.statusCode(), later.body());
            assertEquals(1, sandbox.paymentsAccepted(DOKU_CLIENT));
            assertEquals(0, sandbox.signatureRejections());
        } finally {
            pool.shutdownNow();
        }
    }
}

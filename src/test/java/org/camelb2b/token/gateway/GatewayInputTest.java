package org.camelb2b.token.gateway;

import static org.camelb2b.token.testing.SandboxSetup.DOKU_SECRET;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camelb2b.token.testing.Rfc3986;
import org.camelb2b.token.testing.FreePort;
import org.camelb2b.token.sandbox.SandboxProvider;
import org.camelb2b.token.testing.RawHttp;
import org.camelb2b.token.testing.RecordingProvider;
import org.camelb2b.token.testing.SandboxSetup;
import org.camelb2b.token.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the gateway takes in (issue 9, points 3 and 8): a request is either refused with a 4xx
 * JSON error naming what is wrong, or the provider receives exactly the bytes that were signed.
 * DOKU points at a {@link RecordingProvider}, which checks the HMAC over the bytes as received.
 */
class GatewayInputTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String BODY = "{ \"a\": \"café 😀 x=y&z\", \"b\": [1, 2.50] }";
    static final byte[] SIGNED_BODY = "{\"a\":\"café 😀 x=y&z\",\"b\":[1,2.50]}".getBytes(StandardCharsets.UTF_8);

    SandboxProvider sandbox;
    RecordingProvider doku;
    int port;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxSetup.start();
        doku = new RecordingProvider(DOKU_SECRET);
        port = FreePort.find();
    }

    @AfterEach
    void stop() {
        doku.close();
        sandbox.close();
    }

    Map<String, String> settings() {
        Map<String, String> p = SandboxSetup.settings(sandbox);
        p.put("b2b.gateway.enabled", "true");
        p.put("b2b.gateway.port", String.valueOf(port));
        p.put("b2b.doku.base-url", doku.baseUrl());
        return p;
    }

    /** One request over a raw socket; {@code headers} are name, value pairs, written as ISO-8859-1. */
    RawHttp.Response raw(String method, String target, byte[] body, String... headers) throws Exception {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1");
        for (int i = 0; i < headers.length; i += 2) {
            head.append("\r\n").append(headers[i]).append(": ").append(headers[i + 1]);
        }
        if (body != null) {
            head.append("\r\nContent-Length: ").append(body.length);
        }
        return RawHttp.send(port, head.toString(), body);
    }

    static JsonNode error(RawHttp.Response r, int status, String error) throws Exception {
        assertEquals(status, r.status(), r.text());
        assertTrue(r.header("Content-Type").startsWith("application/json"), r.header("Content-Type"));
        JsonNode body = JSON.readTree(r.text());
        assertEquals(error, body.path("error").asText(), r.text());
        return body;
    }

    static void mentions(JsonNode error, String... words) {
        String message = error.path("message").asText();
        for (String w : words) {
            assertTrue(message.contains(w), "'" + w + "' not in: " + message);
        }
    }

    @Test
    void jsonSentAsAFormOrMultipartOrAnyTypeWeDoNotSignIs415AndNothingIsForwarded() throws Exception {
        try (TestApp app = TestApp.start(settings())) {
            byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
            for (String type : List.of("application/x-www-form-urlencoded", "multipart/form-data; boundary=XyZ",
                    "text/plain", "application/json; charset=ISO-8859-1", "application/json;charset=utf-16",
                    "application/xml", "text/json", "application/jsonx")) {
                JsonNode e = error(raw("POST", "/gateway/doku/v1.0/x", body, "Content-Type", type), 415,
                        "unsupported_media_type");
                assertEquals("doku", e.path("provider").asText());
                mentions(e, "Content-Type");
            }
            mentions(error(raw("POST", "/gateway/doku/v1.0/x", body), 415, "unsupported_media_type"), "Content-Type");
            assertEquals(List.of(), doku.received());
        }
    }

    @Test
    void jsonMediaTypesAreTakenAndTheProviderGetsExactlyTheSignedBytes() throws Exception {
        try (TestApp app = TestApp.start(settings())) {
            byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
            List<String> types = List.of("application/json", "application/json;charset=utf-8",
                    "Application/JSON; charset=\"UTF-8\"", "application/vnd.api+json", "application/problem+json; charset=UTF-8");
            for (String type : types) {
                RawHttp.Response r = raw("POST", "/gateway/doku/v1.0/x", body, "Content-Type", type);
                assertEquals(200, r.status(), type + ": " + r.text());
            }
            assertEquals(200, raw("GET", "/gateway/doku/v1.0/status?a=1", null).status(), "no body, no Content-Type");
            List<RecordingProvider.Received> got = doku.received();
            assertEquals(types.size() + 1, got.size());
            for (int i = 0; i < types.size(); i++) {
                assertTrue(got.get(i).signatureValid(), types.get(i));
                assertArrayEquals(SIGNED_BODY, got.get(i).body(), types.get(i));
                assertEquals("/v1.0/x", got.get(i).target());
            }
            assertTrue(got.get(types.size()).signatureValid());
            assertEquals(0, got.get(types.size()).body().length);
        }
    }

    @Test
    void invalidUtf8IsRefusedNeverReplacedAndSigned() throws Exception {
        try (TestApp app = TestApp.start(settings())) {
            for (byte[] bad : List.of(new byte[] {(byte) 0xE9}, // Latin-1 é
                    new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a UTF-16 surrogate
                    new byte[] {(byte) 0xC0, (byte) 0xAF}, // overlong '/'
                    new byte[] {(byte) 0xE2, (byte) 0x82})) { // truncated '€'
                byte[] body = concat("{\"a\":\"caf".getBytes(StandardCharsets.US_ASCII), bad, "\"}".getBytes(StandardCharsets.US_ASCII));
                JsonNode e = error(raw("POST", "/gateway/doku/v1.0/x", body, "Content-Type", "application/json"), 400,
                        "bad_request");
                assertEquals("doku", e.path("provider").asText());
                mentions(e, "UTF-8");
            }
            assertEquals(List.of(), doku.received());
        }
    }

    @Test
    void aBodyOnGetOrDeleteIsRefusedRatherThanHashedAndDropped() throws Exception {
        try (TestApp app = TestApp.start(settings())) {
            for (String method : List.of("GET", "DELETE")) {
                JsonNode e = error(raw(method, "/gateway/doku/v1.0/x", "{\"a\":1}".getBytes(StandardCharsets.UTF_8),
                        "Content-Type", "application/json"), 400, "bad_request");
                mentions(e, method, "body");
            }
            assertEquals(List.of(), doku.received());
            assertEquals(200, raw("DELETE", "/gateway/doku/v1.0/x", new byte[0]).status(), "an empty body is no body");
            assertTrue(doku.received().get(0).signatureValid());
        }
    }

    @Test
    void pathsAndQueriesOutsideRfc3986OrWithDotOrEmptySegmentsAre400() throws Exception {
        String euro = "\u00E2\u0082\u00AC"; // the UTF-8 bytes of '€', written raw
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("/gateway/doku/v1.0/a|b", "path");
        refused.put("/gateway/doku/v1.0/{x}", "path");
        refused.put("/gateway/doku/v1.0/caf" + euro, "path");
        refused.put("/gateway/doku/v1.0/a%zz", "path");
        refused.put("/gateway/doku/v1.0/a%4", "path");
        refused.put("/gateway/doku/v1.0/a^b", "path");
        refused.put("/gateway/doku/v1.0/a[0]", "path");
        refused.put("/gateway/doku//v1.0/x", "path");
        refused.put("/gateway/doku/v1.0//x", "path");
        refused.put("/gateway/doku/./v1.0/x", "path");
        refused.put("/gateway/doku/v1.0/../x", "path");
        refused.put("/gateway/doku/../klikoo/v1/open-api/account/inquiry", "path");
        refused.put("/gateway/doku/v1.0/%2e%2E/x", "path");
        refused.put("/gateway/doku/v1.0/.%2e/x", "path");
        refused.put("/gateway/doku/v1.0/%2E", "path");
        refused.put("/gateway/doku/v1.0/x?q=" + euro, "query");
        refused.put("/gateway/doku/v1.0/x?q=a|b", "query");
        refused.put("/gateway/doku/v1.0/x?q={{b2b.doku.client-secret}}", "query");
        refused.put("/gateway/doku/v1.0/x?q=%g1", "query");
        refused.put("/gateway/doku/v1.0/x?q=a\"b", "query");
        refused.put("/gateway/doku/v1.0/x?q=[1]", "query");
        try (TestApp app = TestApp.start(settings())) {
            for (Map.Entry<String, String> t : refused.entrySet()) {
                RawHttp.Response r = raw("GET", t.getKey(), null);
                JsonNode e = error(r, 400, "bad_request");
                assertEquals("doku", e.path("provider").asText(), t.getKey());
                mentions(e, t.getValue());
                assertFalse(r.text().contains(DOKU_SECRET), r.text());
            }
            assertEquals(List.of(), doku.received());
        }
    }

    @Test
    void everyOtherRfc3986CharacterIsSentExactlyAsSigned() throws Exception {
        String path = Rfc3986.PATH;
        String query = Rfc3986.QUERY;
        try (TestApp app = TestApp.start(settings())) {
            RawHttp.Response r = raw("GET", "/gateway/doku" + path + "?" + query, null);
            assertEquals(200, r.status(), r.text());
            RecordingProvider.Received got = doku.received().get(0);
            assertEquals(path + "?" + query, got.target());
            assertTrue(got.signatureValid());
        }
    }

    @Test
    void aTildeIsRefusedBecauseCamelsHttpClientWouldSendItAsPercent7E() throws Exception {
        try (TestApp app = TestApp.start(settings())) {
            mentions(error(raw("GET", "/gateway/doku/v1.0/a~b", null), 400, "bad_request"), "path", "~", "%7E");
            mentions(error(raw("GET", "/gateway/doku/v1.0/x?a=~", null), 400, "bad_request"), "query", "~", "%7E");
            assertEquals(List.of(), doku.received());
        }
    }

    @Test
    void methodsOtherThanGetPostPutPatchDeleteAre405() throws Exception {
        try (TestApp app = TestApp.start(settings())) {
            for (String method : List.of("FOO", "OPTIONS", "TRACE", "get")) {
                RawHttp.Response r = raw(method, "/gateway/doku/v1.0/x", null);
                JsonNode e = error(r, 405, "method_not_allowed");
                assertEquals("GET, POST, PUT, PATCH, DELETE", r.header("Allow"));
                mentions(e, "method");
            }
            assertEquals(List.of(), doku.received());
            byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
            assertEquals(200, raw("PUT", "/gateway/doku/v1.0/x", body, "Content-Type", "application/json").status());
            assertEquals(200, raw("PATCH", "/gateway/doku/v1.0/x", body, "Content-Type", "application/json").status());
            assertTrue(doku.received().stream().allMatch(RecordingProvider.Received::signatureValid));
        }
    }

    @Test
    void callerHeadersMustBeOneShortValueOfVisibleAscii() throws Exception {
        try (TestApp app = TestApp.start(settings())) {
            for (String name : List.of("X-EXTERNAL-ID", "CHANNEL-ID", "X-PARTNER-ID")) {
                mentions(error(raw("GET", "/gateway/doku/v1.0/x", null, name, "111", name, "222"), 400, "bad_request"),
                        name);
                mentions(error(raw("GET", "/gateway/doku/v1.0/x", null, name, "12\u00C3\u00A93"), 400, "bad_request"),
                        name);
                mentions(error(raw("GET", "/gateway/doku/v1.0/x", null, name, "12\t3"), 400, "bad_request"), name);
                mentions(error(raw("GET", "/gateway/doku/v1.0/x", null, name, "1".repeat(65)), 400, "bad_request"),
                        name);
            }
            assertEquals(List.of(), doku.received());
            assertEquals(200, raw("GET", "/gateway/doku/v1.0/x", null, "X-EXTERNAL-ID", "123456789012",
                    "CHANNEL-ID", "95999", "X-PARTNER-ID", "partner-1").status());
            RecordingProvider.Received got = doku.received().get(0);
            assertEquals(List.of("123456789012"), got.headerValues("X-EXTERNAL-ID"));
            assertEquals(List.of("95999"), got.headerValues("CHANNEL-ID"));
            assertEquals(List.of("partner-1"), got.headerValues("X-PARTNER-ID"));
        }
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}

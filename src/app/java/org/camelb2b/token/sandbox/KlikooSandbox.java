package org.camelb2b.token.sandbox;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Klikoo-like B2B OpenAPI endpoints: the access token and transactional calls, whose signed path
 * leaves out the deployment prefix and whose body is hashed with its keys sorted.
 */
final class KlikooSandbox {

    static final String TOKEN_PATH = "/v1/open-api/access-token";

    private final SandboxProvider sandbox;

    KlikooSandbox(SandboxProvider sandbox) {
        this.sandbox = sandbox;
    }

    void token(SandboxExchange ex) throws IOException {
        JsonNode body = SandboxChecks.tree(ex.body());
        JsonNode info = body == null ? null : body.get("additional_info");
        String clientId = info == null || info.get("client_id") == null ? null : info.get("client_id").asText();
        String secret = info == null || info.get("client_secret") == null ? null : info.get("client_secret").asText();
        sandbox.countTokenRequest(clientId);
        if (!ex.method().equals("POST")) {
            fail(ex, 405, "01", "6510", "Method not allowed");
            return;
        }
        String timestamp = ex.header("Open-Api-Timestamp");
        String signature = ex.header("Open-Api-Signature");
        if (blank(timestamp) || blank(signature) || body == null || blank(clientId) || blank(secret)
                || body.get("grant_type") == null) {
            fail(ex, 400, "01", "6512", "Field tidak boleh kosong");
            return;
        }
        Instant instant = SandboxChecks.klikooTimestamp(timestamp);
        if (instant == null) {
            fail(ex, 400, "01", "6510", "Validasi gagal: Open-Api-Timestamp");
            return;
        }
        if (!SandboxChecks.withinSkew(instant)) {
            fail(ex, 400, "01", "6505", "Timestamp tidak sesuai");
            return;
        }
        if (!"client_credentials".equals(body.get("grant_type").asText())) {
            fail(ex, 400, "01", "6569", "Grant type salah");
            return;
        }
        SandboxClient client = sandbox.client("klikoo", clientId);
        if (client == null || client.clientSecret() == null || !client.clientSecret().equals(secret)) {
            fail(ex, 401, "01", "6570", "Kredensial salah");
            return;
        }
        if (!SandboxChecks.rsaValid(client.publicKey(), clientId + "|" + timestamp, signature)) {
            sandbox.countSignatureRejection();
            fail(ex, 400, "01", "6508", "Signature tidak valid");
            return;
        }
        String token = sandbox.tokens().issue(clientId);
        sandbox.countTokenIssued(clientId);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("access_token", token);
        data.put("token_type", "Bearer");
        data.put("expires_in", sandbox.tokens().lifetimeSeconds());
        ex.answer(200, Map.of("response_code", "200012000", "response_message", "Sukses", "data", data), Map.of());
    }

    /** @param path the request path without the deployment prefix */
    void payment(SandboxExchange ex, String path) throws IOException {
        String service = path.contains("/account/") ? "03" : path.contains("/transaction") ? "02"
                : path.contains("/product") ? "04" : "00";
        String auth = ex.header("Authorization");
        String timestamp = ex.header("Open-Api-Timestamp");
        String signature = ex.header("Open-Api-Signature");
        if (blank(auth) || blank(timestamp) || blank(signature)) {
            fail(ex, 400, service, "6512", "Field tidak boleh kosong");
            return;
        }
        String token = auth.startsWith("Bearer ") ? auth.substring(7) : null;
        String clientId = sandbox.tokens().clientOf(token);
        if (clientId == null) {
            sandbox.countTokenRejection();
            fail(ex, 401, "01", "6500", "Token tidak valid");
            return;
        }
        SandboxClient client = sandbox.client("klikoo", clientId);
        Instant instant = SandboxChecks.klikooTimestamp(timestamp);
        if (instant == null) {
            fail(ex, 400, service, "6510", "Validasi gagal: Open-Api-Timestamp");
            return;
        }
        if (!SandboxChecks.withinSkew(instant)) {
            fail(ex, 400, service, "6505", "Timestamp tidak sesuai");
            return;
        }
        byte[] sorted = SandboxChecks.minified(ex.body(), true);
        if (sorted == null || client == null || client.clientSecret() == null) {
            fail(ex, 400, service, "6510", "Validasi gagal");
            return;
        }
        String expected = SandboxChecks.hmacSha512Base64(client.clientSecret(), ex.method() + ":" + path + ":" + token
                + ":" + SandboxChecks.sha256Hex(sorted) + ":" + timestamp);
        if (!SandboxChecks.sameSignature(expected, signature)) {
            sandbox.countSignatureRejection();
            fail(ex, 400, service, "6508", "Signature tidak valid");
            return;
        }
        sandbox.countPaymentAccepted(clientId);
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("method", ex.method());
        echo.put("path", path);
        echo.put("query", ex.query());
        echo.put("body", SandboxChecks.tree(ex.body()));
        Map<String, Object> ok = new LinkedHashMap<>();
        ok.put("response_code", "200" + service + "2000");
        ok.put("response_message", "Sukses");
        ok.put("data", echo);
        ex.answer(200, ok, Map.of());
    }

    private void fail(SandboxExchange ex, int status, String service, String caseCode, String message) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("response_code", status + service + caseCode);
        body.put("response_message", message);
        body.put("data", null);
        sandbox.countRejection();
        ex.answer(status, body, Map.of());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

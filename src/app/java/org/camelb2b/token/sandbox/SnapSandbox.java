package org.camelb2b.token.sandbox;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * DOKU-like SNAP endpoints: the B2B token call (service 73) and payment calls (create VA 27,
 * update 28, delete 31, status 26, anything else 00), checked the way a SNAP provider checks them.
 */
final class SnapSandbox {

    static final Set<String> TOKEN_PATHS = Set.of("/authorization/v1/access-token/b2b", "/v1.0/access-token/b2b",
            "/openapi/v1.0/access-token/b2b", "/snap/v1.0/access-token/b2b", "/snap/v1/access-token/b2b");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[0-9]{1,36}");

    private final SandboxProvider sandbox;
    private final Set<String> externalIds = ConcurrentHashMap.newKeySet();

    SnapSandbox(SandboxProvider sandbox) {
        this.sandbox = sandbox;
    }

    void token(SandboxExchange ex) throws IOException {
        token(ex, null);
    }

    /** The token call, with a preset's rules (null: any SNAP timestamp, any body with grantType). */
    void token(SandboxExchange ex, SandboxRules rules) throws IOException {
        String clientId = ex.header("X-CLIENT-KEY");
        sandbox.countTokenRequest(clientId);
        if (!ex.method().equals("POST")) {
            fail(ex, 405, "73", "00", "Method Not Allowed");
            return;
        }
        for (String h : new String[] {"X-CLIENT-KEY", "X-TIMESTAMP", "X-SIGNATURE"}) {
            if (ex.header(h) == null || ex.header(h).isBlank()) {
                fail(ex, 400, "73", "02", "Invalid Mandatory Field " + h);
                return;
            }
        }
        String timestamp = ex.header("X-TIMESTAMP");
        Instant instant = SandboxChecks.snapTimestamp(timestamp);
        if (instant == null || rules != null && !rules.timestampAsRequired(timestamp)) {
            fail(ex, 400, "73", "01", "Invalid Field Format X-TIMESTAMP");
            return;
        }
        if (!SandboxChecks.withinSkew(instant)) {
            fail(ex, 401, "73", "00", "Unauthorized. Timestamp out of range");
            return;
        }
        SandboxClient client = sandbox.client("snap", clientId);
        if (client == null) {
            fail(ex, 401, "73", "00", "Unauthorized. Unknown Client");
            return;
        }
        if (!SandboxChecks.rsaValid(client.publicKey(), clientId + "|" + timestamp, ex.header("X-SIGNATURE"))) {
            sandbox.countSignatureRejection();
            fail(ex, 401, "73", "00", "Unauthorized. Signature");
            return;
        }
        JsonNode body = SandboxChecks.tree(ex.body());
        if (body == null || !body.isObject()) {
            fail(ex, 400, "73", "00", "Bad Request");
            return;
        }
        JsonNode grant = body.get("grantType");
        if (grant == null || grant.isNull() || grant.asText().isEmpty()) {
            fail(ex, 400, "73", "02", "Invalid Mandatory Field grantType");
            return;
        }
        if (!"client_credentials".equals(grant.asText())) {
            fail(ex, 400, "73", "01", "Invalid Field Format grantType");
            return;
        }
        if (rules != null && rules.additionalInfo() && (body.get("additionalInfo") == null
                || !body.get("additionalInfo").isObject())) {
            fail(ex, 400, "73", "02", "Invalid Mandatory Field additionalInfo");
            return;
        }
        String token = sandbox.tokens().issue(clientId);
        sandbox.countTokenIssued(clientId);
        Map<String, Object> ok = new LinkedHashMap<>();
        ok.put("responseCode", "2007300");
        ok.put("responseMessage", "Successful");
        ok.put("accessToken", token);
        long lifetime = sandbox.tokens().lifetimeSeconds();
        SandboxRules.Answer answer = rules == null ? SandboxRules.Answer.STANDARD : rules.answer();
        switch (answer) {
            case LOWER_CASE_TEXT_LIFETIME -> {
                ok.put("tokenType", "bearer");
                ok.put("expiresIn", String.valueOf(lifetime));
            }
            case TEXT_LIFETIME -> {
                ok.put("tokenType", "Bearer");
                ok.put("expiresIn", String.valueOf(lifetime));
            }
            case BEARER_TOKEN_DATE_TIME -> {
                ok.put("tokenType", "BearerToken");
                ok.put("expiresIn", java.time.OffsetDateTime.now(ZoneOffset.ofHours(7)).plusSeconds(lifetime)
                        .withNano(0).toString());
            }
            default -> {
                ok.put("tokenType", "Bearer");
                ok.put("expiresIn", lifetime);
            }
        }
        ok.put("additionalInfo", "");
        ex.answer(200, ok, Map.of("X-CLIENT-KEY", clientId, "X-TIMESTAMP", timestamp));
    }

    void payment(SandboxExchange ex) throws IOException {
        payment(ex, null);
    }

    /** A payment call, with a preset's rules (null: any SNAP timestamp, the query signed as sent). */
    void payment(SandboxExchange ex, SandboxRules rules) throws IOException {
        String service = serviceCode(ex.path());
        for (String h : new String[] {"Authorization", "X-TIMESTAMP", "X-SIGNATURE", "X-PARTNER-ID", "X-EXTERNAL-ID",
                "CHANNEL-ID"}) {
            if (ex.header(h) == null || ex.header(h).isBlank()) {
                fail(ex, 400, service, "02", "Invalid Mandatory Field " + h);
                return;
            }
        }
        String auth = ex.header("Authorization");
        String token = auth.startsWith("Bearer ") ? auth.substring(7) : null;
        String clientId = sandbox.tokens().clientOf(token);
        if (clientId == null) {
            sandbox.countTokenRejection();
            fail(ex, 401, service, "01", "Invalid Token (B2B)");
            return;
        }
        SandboxClient client = sandbox.client("snap", clientId);
        if (client == null || !clientId.equals(ex.header("X-PARTNER-ID"))) {
            fail(ex, 401, service, "00", "Unauthorized. Unknown Client");
            return;
        }
        String timestamp = ex.header("X-TIMESTAMP");
        Instant instant = SandboxChecks.snapTimestamp(timestamp);
        if (instant == null || rules != null && !rules.timestampAsRequired(timestamp)) {
            fail(ex, 400, service, "01", "Invalid Field Format X-TIMESTAMP");
            return;
        }
        if (!SandboxChecks.withinSkew(instant)) {
            fail(ex, 401, service, "00", "Unauthorized. Timestamp out of range");
            return;
        }
        byte[] minified = SandboxChecks.minified(ex.body(), false);
        if (minified == null) {
            fail(ex, 400, service, "00", "Bad Request");
            return;
        }
        String query = rules == null ? ex.query() : rules.signedQuery(ex.query());
        String relativeUrl = ex.path() + (query == null ? "" : "?" + query);
        // a client given no secret signs its calls with its key (ASPI's asymmetric transaction
        // signature, no token in the string); one with a secret with HMAC-SHA512
        boolean valid = client.clientSecret() == null
                ? SandboxChecks.rsaValid(client.publicKey(), ex.method() + ":" + relativeUrl + ":"
                        + SandboxChecks.sha256Hex(minified) + ":" + timestamp, ex.header("X-SIGNATURE"))
                : SandboxChecks.sameSignature(SandboxChecks.hmacSha512Base64(client.clientSecret(), ex.method() + ":"
                        + relativeUrl + ":" + token + ":" + SandboxChecks.sha256Hex(minified) + ":" + timestamp),
                        ex.header("X-SIGNATURE"));
        if (!valid) {
            sandbox.countSignatureRejection();
            fail(ex, 401, service, "00", "Unauthorized. Signature");
            return;
        }
        String externalId = ex.header("X-EXTERNAL-ID");
        if (!EXTERNAL_ID.matcher(externalId).matches()) {
            fail(ex, 400, service, "01", "Invalid Field Format X-EXTERNAL-ID");
            return;
        }
        if (!externalIds.add(clientId + "|" + LocalDate.now(ZoneOffset.ofHours(7)) + "|" + externalId)) {
            fail(ex, 409, service, "00", "Conflict");
            return;
        }
        sandbox.countPaymentAccepted(clientId);
        Map<String, Object> ok = new LinkedHashMap<>();
        ok.put("responseCode", "200" + service + "00");
        ok.put("responseMessage", "Successful");
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("method", ex.method());
        echo.put("path", ex.path());
        echo.put("query", ex.query());
        echo.put("body", SandboxChecks.tree(ex.body()));
        ok.put(service.equals("27") ? "virtualAccountData" : "additionalInfo", echo);
        ex.answer(200, ok, Map.of());
        if (service.equals("27")) {
            // the account is "paid" at once: the sandbox calls the merchant back
            sandbox.created(clientId, SandboxChecks.tree(ex.body()));
        }
    }

    private static String serviceCode(String path) {
        if (path.endsWith("/create-va")) {
            return "27";
        }
        if (path.endsWith("/update-va")) {
            return "28";
        }
        if (path.endsWith("/delete-va")) {
            return "31";
        }
        if (path.endsWith("/transfer-va/status")) {
            return "26";
        }
        if (path.endsWith("/transfer-va/inquiry")) {
            return "24";
        }
        return "00";
    }

    /** A token path of another provider asked of a preset's provider. */
    void notFound(SandboxExchange ex) throws IOException {
        fail(ex, 404, "73", "00", "Not Found");
    }

    private void fail(SandboxExchange ex, int status, String service, String caseCode, String message) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("responseCode", status + service + caseCode);
        body.put("responseMessage", message);
        sandbox.countRejection();
        ex.answer(status, body, Map.of());
    }
}

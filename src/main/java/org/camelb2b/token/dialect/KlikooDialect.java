package org.camelb2b.token.dialect;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Message;
import org.camelb2b.token.signature.JsonBodies;
import org.camelb2b.token.signature.RelativeUrls;
import org.camelb2b.token.token.ResponseCode;
import org.camelb2b.token.token.TokenResponseFormat;

/**
 * Klikoo's B2B OpenAPI: {@code Open-Api-*} headers (no {@code X-} prefix), snake_case fields with
 * the token under {@code data}, 9-digit response codes, timestamps in WIB ({@code +07:00}). The
 * client secret goes into the token body, so it is required; payment calls sign the bare path
 * and the body with its keys sorted.
 *
 * <p>Reached only through {@link Dialect} ({@link Dialects#named}).
 */
final class KlikooDialect implements Dialect {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TokenResponseFormat TOKEN_RESPONSE = new TokenResponseFormat("response_code",
            "response_message", "data", "access_token", "token_type", "expires_in", "200012000");
    private static final ZoneId WIB = ZoneOffset.ofHours(7);

    KlikooDialect() {
    }

    @Override
    public String name() {
        return "klikoo";
    }

    @Override
    public String defaultTokenPath() {
        return "/v1/open-api/access-token";
    }

    @Override
    public ZoneId defaultTimestampZone() {
        return WIB;
    }

    /** The private key signs; the client secret is part of the token request's body. */
    @Override
    public Set<String> requiredSettings() {
        return Set.of("private-key", "client-secret");
    }

    @Override
    public String timestampHeader() {
        return "Open-Api-Timestamp";
    }

    @Override
    public String signatureHeader() {
        return "Open-Api-Signature";
    }

    @Override
    public void tokenRequestHeaders(Message message, String clientId, String clientSecret, String timestamp) {
        message.setHeader("Open-Api-Timestamp", timestamp);
    }

    /** {@code {"grant_type":"client_credentials","additional_info":{"client_id":...,"client_secret":...}}}. */
    @Override
    public String tokenRequestBody(String clientId, String clientSecret, boolean additionalInfo) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("client_id", clientId);
        info.put("client_secret", clientSecret);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("grant_type", "client_credentials");
        body.put("additional_info", info);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write Klikoo's token request body", e);
        }
    }

    @Override
    public TokenResponseFormat tokenResponse() {
        return TOKEN_RESPONSE;
    }

    @Override
    public boolean sendsPartnerHeaders() {
        return false;
    }

    @Override
    public void paymentHeaders(Message message, String timestamp, String signature, String partnerId, String externalId,
                               String channelId) {
        message.setHeader("Open-Api-Timestamp", timestamp);
        message.setHeader("Open-Api-Signature", signature);
    }

    /** The bare path, without the base URL's deployment prefix ({@code /klikoo-b2b}) and without any query. */
    @Override
    public String signedRelativeUrl(String basePath, String path, String query, boolean sortQuery) {
        return RelativeUrls.klikooPath(basePath, path);
    }

    /** Compact JSON with the keys of every object sorted, as Klikoo's server hashes it. */
    @Override
    public byte[] canonicalBody(String json) {
        return JsonBodies.compactSortedKeys(json);
    }

    @Override
    public String responseCodeField() {
        return "response_code";
    }

    @Override
    public String responseMessageField() {
        return "response_message";
    }

    /** {@code 401xx6500} invalid token and {@code 401xx6535} token expired. */
    @Override
    public boolean isTokenRejected(int httpStatus, ResponseCode code, String message) {
        if (code == null || !code.isSplit() || code.httpStatus() != 401) {
            return false;
        }
        return "6500".equals(code.caseCode()) || "6535".equals(code.caseCode());
    }

    @Override
    public String toString() {
        return name();
    }
}

package org.camelb2b.token.dialect;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;

import org.apache.camel.Message;
import org.camelb2b.token.signature.JsonBodies;
import org.camelb2b.token.signature.RelativeUrls;
import org.camelb2b.token.token.ResponseCode;
import org.camelb2b.token.token.TokenResponseFormat;

/**
 * Bank Indonesia's SNAP standard (DOKU, BCA, BRI, Mandiri, ...): {@code X-} headers, camelCase
 * fields, 7-digit response codes. DOKU's page asks for UTC timestamps
 * ({@code 2020-09-22T01:51:00Z}), the default; banks that show {@code +07:00} set the zone.
 *
 * <p>Reached only through {@link Dialect} ({@link Dialects#named}).
 */
final class SnapDialect implements Dialect {

    private static final TokenResponseFormat TOKEN_RESPONSE = new TokenResponseFormat("responseCode", "responseMessage",
            null, "accessToken", "tokenType", "expiresIn", "2007300");
    private static final String TOKEN_REQUEST_BODY = "{\"grantType\":\"client_credentials\"}";
    static final String TOKEN_REQUEST_BODY_ADDITIONAL_INFO = "{\"grantType\":\"client_credentials\",\"additionalInfo\":{}}";

    SnapDialect() {
    }

    @Override
    public String name() {
        return "snap";
    }

    @Override
    public String defaultTokenPath() {
        return "/authorization/v1/access-token/b2b";
    }

    @Override
    public ZoneId defaultTimestampZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Set<String> requiredSettings() {
        return Set.of("private-key");
    }

    @Override
    public String timestampHeader() {
        return "X-TIMESTAMP";
    }

    @Override
    public String signatureHeader() {
        return "X-SIGNATURE";
    }

    @Override
    public void tokenRequestHeaders(Message message, String clientId, String clientSecret, String timestamp) {
        message.setHeader("X-TIMESTAMP", timestamp);
        message.setHeader("X-CLIENT-KEY", clientId);
    }

    /**
     * {@code {"grantType":"client_credentials"}}: the client is named by {@code X-CLIENT-KEY}; with
     * {@code additionalInfo}, {@code {"grantType":"client_credentials","additionalInfo":{}}}.
     */
    @Override
    public String tokenRequestBody(String clientId, String clientSecret, boolean additionalInfo) {
        return additionalInfo ? TOKEN_REQUEST_BODY_ADDITIONAL_INFO : TOKEN_REQUEST_BODY;
    }

    @Override
    public TokenResponseFormat tokenResponse() {
        return TOKEN_RESPONSE;
    }

    @Override
    public boolean sendsPartnerHeaders() {
        return true;
    }

    @Override
    public void paymentHeaders(Message message, String timestamp, String signature, String partnerId, String externalId,
                               String channelId) {
        message.setHeader("X-TIMESTAMP", timestamp);
        message.setHeader("X-SIGNATURE", signature);
        message.setHeader("X-PARTNER-ID", partnerId);
        message.setHeader("X-EXTERNAL-ID", externalId);
        if (!channelId.isEmpty()) {
            message.setHeader("CHANNEL-ID", channelId);
        }
    }

    /** The path from the host on (base path included) with the query as sent, or sorted by name (BCA). */
    @Override
    public String signedRelativeUrl(String basePath, String path, String query, boolean sortQuery) {
        String url = basePath + path + (query == null ? "" : "?" + query);
        return sortQuery && query != null ? RelativeUrls.sortedQuery(url) : RelativeUrls.snap(url);
    }

    /** Compact JSON, members in the order given. */
    @Override
    public byte[] canonicalBody(String json) {
        return JsonBodies.compact(json);
    }

    @Override
    public String responseCodeField() {
        return "responseCode";
    }

    @Override
    public String responseMessageField() {
        return "responseMessage";
    }

    /**
     * HTTP 401 with case {@code 01} (invalid token (B2B)) or {@code 03} (token not found), or case
     * {@code 00} when the message is about the token (case 00 is also "Unauthorized. Signature",
     * which a new token does not fix).
     */
    @Override
    public boolean isTokenRejected(int httpStatus, ResponseCode code, String message) {
        if (code == null || !code.isSplit() || code.httpStatus() != 401) {
            return false;
        }
        String caseCode = code.caseCode();
        if ("01".equals(caseCode) || "03".equals(caseCode)) {
            return true;
        }
        return "00".equals(caseCode) && message != null && message.toLowerCase(Locale.ROOT).contains("token");
    }

    @Override
    public String toString() {
        return name();
    }
}

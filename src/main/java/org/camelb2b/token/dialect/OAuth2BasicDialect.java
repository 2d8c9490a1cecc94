package org.camelb2b.token.dialect;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;

import org.apache.camel.Message;
import org.camelb2b.token.signature.JsonBodies;
import org.camelb2b.token.token.ResponseCode;
import org.camelb2b.token.token.TokenResponseFormat;

/**
 * Plain OAuth2 client credentials (RFC 6749 section 4.4) with HTTP Basic client authentication and
 * no signature: the token request is {@code grant_type=client_credentials} as a form, the client
 * named by {@code Authorization: Basic base64(clientId:clientSecret)}; the answer is
 * {@code access_token}, {@code token_type}, {@code expires_in} at the top level, its success the
 * HTTP status 200 (an error is {@code error} / {@code error_description} with a 4xx). Payment calls
 * carry the Bearer token and nothing else of the bundle's. For providers such as Tokopedia and the
 * legacy BCA and BNI APIs; the same token cache and guarantees as the signing dialects.
 *
 * <p>Reached only through {@link Dialect} ({@link Dialects#named}).
 */
final class OAuth2BasicDialect implements Dialect {

    private static final TokenResponseFormat TOKEN_RESPONSE = new TokenResponseFormat(null, "error_description", null,
            "access_token", "token_type", "expires_in", "200");

    OAuth2BasicDialect() {
    }

    @Override
    public String name() {
        return "oauth2-basic";
    }

    /** Tokopedia's and the legacy banks' form; set {@code token-path} for others. */
    @Override
    public String defaultTokenPath() {
        return "/oauth/token";
    }

    /** No timestamp is sent; UTC for completeness. */
    @Override
    public ZoneId defaultTimestampZone() {
        return ZoneOffset.UTC;
    }

    /** The client secret authenticates the token request; no private key is used. */
    @Override
    public Set<String> requiredSettings() {
        return Set.of("client-secret");
    }

    @Override
    public boolean signs() {
        return false;
    }

    @Override
    public String tokenRequestContentType() {
        return "application/x-www-form-urlencoded";
    }

    /** None: nothing is signed. */
    @Override
    public String timestampHeader() {
        return null;
    }

    /** None: nothing is signed. */
    @Override
    public String signatureHeader() {
        return null;
    }

    /**
     * {@code Authorization: Basic}, the client id and secret form-encoded first as RFC 6749
     * section 2.3.1 asks, then joined by {@code :} and base64-encoded; the timestamp is not sent.
     */
    @Override
    public void tokenRequestHeaders(Message message, String clientId, String clientSecret, String timestamp) {
        String credentials = formEncode(clientId) + ":" + formEncode(clientSecret);
        message.setHeader("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    private static String formEncode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Override
    public String tokenRequestBody(String clientId, String clientSecret, boolean additionalInfo) {
        return "grant_type=client_credentials";
    }

    @Override
    public TokenResponseFormat tokenResponse() {
        return TOKEN_RESPONSE;
    }

    @Override
    public boolean sendsPartnerHeaders() {
        return false;
    }

    /** Nothing: the Bearer token (set by the signer) is all the provider checks. */
    @Override
    public void paymentHeaders(Message message, String timestamp, String signature, String partnerId, String externalId,
                               String channelId) {
    }

    @Override
    public String signedRelativeUrl(String basePath, String path, String query, boolean sortQuery) {
        return basePath + path + (query == null || query.isEmpty() ? "" : "?" + query);
    }

    @Override
    public byte[] canonicalBody(String json) {
        return JsonBodies.compact(json);
    }

    /** No response code of the bundle's kind: the HTTP status decides. */
    @Override
    public String responseCodeField() {
        return null;
    }

    @Override
    public String responseMessageField() {
        return null;
    }

    /** RFC 6750: a rejected token is a 401. */
    @Override
    public boolean isTokenRejected(int httpStatus, ResponseCode code, String message) {
        return httpStatus == 401;
    }

    @Override
    public String toString() {
        return name();
    }
}

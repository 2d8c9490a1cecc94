package org.camelb2b.token.dialect;

import java.time.ZoneId;
import java.util.Set;

import org.apache.camel.Message;
import org.camelb2b.token.token.ResponseCode;
import org.camelb2b.token.token.TokenResponseFormat;

/**
 * The protocol family a provider speaks ({@code b2b.<p>.dialect}): everything that differs
 * between, say, SNAP and Klikoo, and nothing else. The route steps, the payment signer, the
 * settings loader and the signature tool ask the provider's dialect and never test which one it
 * is; the signing primitives ({@code signature}, {@code crypto}) stay shared and the dialects
 * call them.
 *
 * <p>A dialect is one class registered by name in {@link Dialects}. Implementations are stateless
 * singletons, safe to share between threads; the payment-call methods run on every call and must
 * not allocate beyond what their result needs.
 */
public interface Dialect {

    /** Its name in configuration ({@code b2b.<p>.dialect}), lower case: {@code snap}, {@code klikoo}. */
    String name();

    // ---- settings

    /** The token path below the base URL when {@code b2b.<p>.token-path} is not set. */
    String defaultTokenPath();

    /** The timestamp zone when {@code b2b.<p>.timestamp-zone} is not set. */
    ZoneId defaultTimestampZone();

    /**
     * The settings (names below {@code b2b.<p>.}) that are optional for other dialects but this one
     * requires, such as Klikoo's {@code client-secret}; empty for none.
     */
    Set<String> requiredSettings();

    // ---- token request

    /**
     * Whether token requests are signed with the private key and payment calls with the client
     * secret (SNAP, Klikoo); when not (plain OAuth2), no key is needed and no signature is made.
     */
    default boolean signs() {
        return true;
    }

    /** The {@code Content-Type} of a token request's body. */
    default String tokenRequestContentType() {
        return "application/json";
    }

    /** The header carrying the request timestamp, both on token requests and payment calls ({@code X-TIMESTAMP}); null when none is sent. */
    String timestampHeader();

    /** The header carrying the signature, both on token requests and payment calls ({@code X-SIGNATURE}); null when none is sent. */
    String signatureHeader();

    /**
     * Sets the dialect's headers of a token request: the timestamp header (exactly {@code timestamp},
     * which is also what is signed) and whatever names the client ({@code X-CLIENT-KEY}, or HTTP
     * Basic with {@code clientSecret}).
     */
    void tokenRequestHeaders(Message message, String clientId, String clientSecret, String timestamp);

    /**
     * The JSON body of a token request ({@code clientSecret} is empty when not set);
     * {@code additionalInfo}: the provider wants an {@code additionalInfo} object in it (snap: BNI).
     */
    String tokenRequestBody(String clientId, String clientSecret, boolean additionalInfo);

    // ---- token response

    /** Where the token response carries the code, message, token, type and lifetime, and the success code. */
    TokenResponseFormat tokenResponse();

    // ---- payment calls

    /**
     * Whether payment calls carry the caller's (or defaulted) {@code X-PARTNER-ID}, {@code X-EXTERNAL-ID}
     * and {@code CHANNEL-ID} (SNAP); when not, they are neither read nor checked.
     */
    boolean sendsPartnerHeaders();

    /**
     * Sets the dialect's headers of a signed payment call: the timestamp and signature headers
     * and, when {@link #sendsPartnerHeaders()}, the partner headers ({@code channelId} only when
     * not empty). {@code Authorization} and {@code Content-Type} are the caller's.
     */
    void paymentHeaders(Message message, String timestamp, String signature, String partnerId, String externalId,
                        String channelId);

    /**
     * The relative URL a payment signature covers.
     *
     * @param basePath  the path of the provider's base URL (its deployment prefix), {@code ""} for none
     * @param path      the path called below the base URL, starting with {@code /}
     * @param query     the query as sent, without {@code ?}; null for none
     * @param sortQuery {@code b2b.<p>.sign-sorted-query}: sign the query parameters sorted by name
     */
    String signedRelativeUrl(String basePath, String path, String query, boolean sortQuery);

    /**
     * The bytes of a JSON body as signed and sent (compact; Klikoo: keys sorted).
     *
     * @throws IllegalArgumentException when {@code json} is not JSON
     */
    byte[] canonicalBody(String json);

    /** The top-level field of a payment answer's response code ({@code responseCode}). */
    String responseCodeField();

    /** The top-level field of a payment answer's response message ({@code responseMessage}). */
    String responseMessageField();

    /**
     * Whether a payment call's answer says its access token was rejected (revoked, expired early,
     * unknown), so a new token may help; every other failure must not be retried.
     *
     * @param code    the answer's response code, or null
     * @param message the answer's response message, or null
     */
    boolean isTokenRejected(int httpStatus, ResponseCode code, String message);
}

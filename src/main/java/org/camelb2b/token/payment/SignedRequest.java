package org.camelb2b.token.payment;

import java.util.Objects;

/**
 * A payment call as it is to be sent: what the signature covers, fixed once, so that the one
 * retry after a rejected token sends the same method, URL, bytes and {@code X-EXTERNAL-ID}.
 *
 * @param provider    the provider id
 * @param method      the HTTP method, upper case
 * @param url         the full URL that is called
 * @param signedPath  the relative URL that is signed (dialect rules)
 * @param body        the exact body bytes that are signed and sent (empty for none)
 * @param externalId  {@code X-EXTERNAL-ID} (SNAP; null for Klikoo)
 * @param partnerId   {@code X-PARTNER-ID} (SNAP; null for Klikoo)
 * @param channelId   {@code CHANNEL-ID} (SNAP; may be empty)
 */
public record SignedRequest(String provider, String method, String url, String signedPath, byte[] body,
                            String externalId, String partnerId, String channelId) {

    public SignedRequest {
        Objects.requireNonNull(provider);
        Objects.requireNonNull(method);
        Objects.requireNonNull(url);
        Objects.requireNonNull(signedPath);
        Objects.requireNonNull(body);
    }

    @Override
    public String toString() {
        return "SignedRequest[" + provider + " " + method + " " + url + ", " + body.length + " body bytes, externalId="
                + externalId + "]";
    }
}

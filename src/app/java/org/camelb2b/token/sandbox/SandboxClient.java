package org.camelb2b.token.sandbox;

import java.security.PublicKey;
import java.util.Objects;

/**
 * A client registered with the sandbox: what a provider's dashboard holds for a merchant.
 *
 * @param dialect      {@code snap} or {@code klikoo}
 * @param clientId     the client id ({@code X-CLIENT-KEY} / Klikoo {@code client_id})
 * @param clientSecret the HMAC key of payment calls (and Klikoo's token body); null if none
 * @param publicKey    the public key that verifies the client's token-request signatures
 */
public record SandboxClient(String dialect, String clientId, String clientSecret, PublicKey publicKey) {

    public SandboxClient {
        if (!"snap".equals(dialect) && !"klikoo".equals(dialect)) {
            throw new IllegalArgumentException("dialect must be snap or klikoo, was " + dialect);
        }
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(publicKey, "publicKey");
    }

    @Override
    public String toString() {
        return "SandboxClient[" + dialect + ", " + clientId + ", clientSecret="
                + (clientSecret == null ? "none" : clientSecret.substring(0, Math.min(2, clientSecret.length())) + "***")
                + "]";
    }
}

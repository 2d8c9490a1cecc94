package org.camelb2b.token.provider;

import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Objects;

import org.camelb2b.token.crypto.RsaVerifier;
import org.camelb2b.token.crypto.Secrets;

/**
 * What one provider calls us with ({@code b2b.<id>.inbound.*}, checked): the public key that
 * verifies its token requests and asymmetric notifications, how it signs notifications, the
 * client id it presents, the client secret of symmetric ones, our token path, the timestamp
 * window and the lifetime of the tokens we issue it. Made only by {@link ProviderConfigLoader},
 * for an enabled provider. {@link #toString()} never shows the secret.
 */
public final class InboundConfig {

    /** How the provider signs its notifications. */
    public enum Signature {
        /** HMAC-SHA512 with the client secret over {@code METHOD:path:token:hash:timestamp} (DOKU, BRI, BCA). */
        SYMMETRIC,
        /** SHA256withRSA with the provider's key over {@code METHOD:path:hash:timestamp}, no token (Midtrans, DANA). */
        ASYMMETRIC
    }

    private final String provider;
    private final RSAPublicKey publicKey;
    private final Signature signature;
    private final String clientId;
    private final String clientSecret;
    private final String tokenPath;
    private final Duration timestampWindow;
    private final Duration tokenLifetime;

    InboundConfig(String provider, RSAPublicKey publicKey, Signature signature, String clientId, String clientSecret,
                  String tokenPath, Duration timestampWindow, Duration tokenLifetime) {
        this.provider = Objects.requireNonNull(provider);
        this.publicKey = Objects.requireNonNull(publicKey);
        this.signature = Objects.requireNonNull(signature);
        this.clientId = Objects.requireNonNull(clientId);
        this.clientSecret = clientSecret == null ? "" : clientSecret;
        this.tokenPath = Objects.requireNonNull(tokenPath);
        this.timestampWindow = Objects.requireNonNull(timestampWindow);
        this.tokenLifetime = Objects.requireNonNull(tokenLifetime);
    }

    public String provider() {
        return provider;
    }

    /** Verifies what the provider signs with its private key. */
    public RsaVerifier verifier() {
        return new RsaVerifier(publicKey);
    }

    public Signature signature() {
        return signature;
    }

    /** The {@code X-CLIENT-KEY} and {@code X-PARTNER-ID} the provider presents. */
    public String clientId() {
        return clientId;
    }

    /** The HMAC key of symmetric notifications; empty for asymmetric ones. */
    public String clientSecret() {
        return clientSecret;
    }

    /** Our token endpoint's path below {@code /<provider>}. */
    public String tokenPath() {
        return tokenPath;
    }

    public Duration timestampWindow() {
        return timestampWindow;
    }

    public Duration tokenLifetime() {
        return tokenLifetime;
    }

    @Override
    public String toString() {
        return "InboundConfig[provider=" + provider + ", signature=" + signature + ", clientId=" + clientId
                + ", key=" + publicKey.getModulus().bitLength() + "-bit RSA, clientSecret=" + Secrets.mask(clientSecret)
                + ", tokenPath=" + tokenPath + ", timestampWindow=" + timestampWindow.toSeconds() + "s]";
    }
}

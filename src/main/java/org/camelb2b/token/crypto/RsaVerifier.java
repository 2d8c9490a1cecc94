package org.camelb2b.token.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Objects;

/**
 * Checks a base64 SHA256withRSA (PKCS#1 v1.5) signature with a provider's public key: what SNAP
 * providers send when they ask for our token ({@code clientId|timestamp}) and with asymmetric
 * notifications. The JCA's verify compares the whole decoded block, not byte by byte as it goes.
 */
public final class RsaVerifier {

    private final RSAPublicKey key;

    public RsaVerifier(RSAPublicKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    /**
     * Whether {@code base64Signature} (standard alphabet, padded) signs the UTF-8 of {@code text};
     * false for a signature that is not base64 or not of the key's length.
     */
    public boolean verify(String text, String base64Signature) {
        if (text == null || base64Signature == null) {
            return false;
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(base64Signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(text.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "RsaVerifier[" + key.getModulus().bitLength() + "-bit RSA public key]";
    }
}

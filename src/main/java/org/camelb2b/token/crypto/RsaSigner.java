package org.camelb2b.token.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.util.Base64;
import java.util.Objects;

/**
 * SHA256withRSA (PKCS#1 v1.5) over {@code clientId + "|" + timestamp}, base64-encoded: the
 * asymmetric signature of the SNAP and Klikoo token calls. PKCS#1 v1.5 is deterministic, so the
 * same key and input always give the same signature.
 */
public final class RsaSigner {

    private final RSAPrivateKey key;

    public RsaSigner(RSAPrivateKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    /** The exact text that is signed for a token request. */
    public static String stringToSign(String clientId, String timestamp) {
        return clientId + "|" + timestamp;
    }

    public String sign(String clientId, String timestamp) {
        return signBase64(stringToSign(clientId, timestamp));
    }

    public String signBase64(String text) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA256withRSA signing failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "RsaSigner[" + key.getModulus().bitLength() + "-bit RSA key]";
    }
}

package org.camelb2b.token.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;

import org.camelb2b.token.sandbox.SandboxProvider;

/** The fixture keys in src/test/resources/keys (all four private-key files hold one key). */
public final class Keys {

    public static final String PKCS8 = "classpath:keys/rsa-pkcs8.pem";
    public static final String PKCS1 = "classpath:keys/rsa-pkcs1.pem";
    public static final String ENCRYPTED_3DES = "classpath:keys/rsa-pkcs8-encrypted-3des.pem";
    public static final String PASSPHRASE = "doku-sandbox-pass";

    private Keys() {
    }

    public static String text(String resource) {
        try (InputStream in = Keys.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public half of the fixture key. */
    public static PublicKey publicKey() {
        return SandboxProvider.readPublicKey(text("keys/rsa-public.pem"));
    }

    /** The public half of the sandbox's DOKU key: a key the fixture private key does not match. */
    public static PublicKey otherPublicKey() {
        return SandboxProvider.readPublicKey(text("camel-b2b-token/sandbox/doku-public-key.pem"));
    }
}

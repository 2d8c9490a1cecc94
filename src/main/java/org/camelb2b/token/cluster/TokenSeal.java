package org.camelb2b.token.cluster;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * Seals tokens for the shared map with keys derived from {@code b2b.cluster.secret} (HKDF-SHA256):
 * AES-256-GCM with a random 96-bit IV per write and the map key and the token's clear metadata as
 * associated data, so a process without the secret reads nothing usable and cannot move a sealed
 * token to another key; and an HMAC-SHA256 of the token, to tell whether a rejected token is
 * still the shared one without the token itself in the map. Holds no secret in {@link #toString()}.
 */
final class TokenSeal {

    private static final byte[] SALT = "camel-b2b-token/cluster/v1".getBytes(StandardCharsets.US_ASCII);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec aesKey;
    private final SecretKeySpec macKey;
    private final SecureRandom random = new SecureRandom();

    TokenSeal(String secret) {
        byte[] ikm = secret.getBytes(StandardCharsets.UTF_8);
        this.aesKey = new SecretKeySpec(derive(ikm, "token-store aes-256-gcm"), "AES");
        this.macKey = new SecretKeySpec(derive(ikm, "token-store hmac-sha256"), "HmacSHA256");
        Arrays.fill(ikm, (byte) 0);
    }

    private static byte[] derive(byte[] ikm, String info) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(ikm, SALT, info.getBytes(StandardCharsets.US_ASCII)));
        byte[] key = new byte[32];
        hkdf.generateBytes(key, 0, key.length);
        return key;
    }

    /** IV followed by the ciphertext and its tag. */
    byte[] seal(byte[] plaintext, String associated) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, aesKey, new GCMParameterSpec(TAG_BITS, iv));
            gcm.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = gcm.doFinal(plaintext);
            return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a token: " + e.getClass().getSimpleName());
        }
    }

    /** The plaintext, or null when it was not sealed with this secret for this key (or was altered). */
    byte[] open(byte[] sealed, String associated) {
        if (sealed == null || sealed.length <= IV_BYTES) {
            return null;
        }
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, aesKey, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            gcm.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
            return gcm.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    /** HMAC-SHA256 of a token, base64: compares tokens without holding them. */
    String mac(String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(macKey);
            return Base64.getEncoder().withoutPadding().encodeToString(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot hash a token: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public String toString() {
        return "TokenSeal[AES-256-GCM, HKDF-SHA256]";
    }
}

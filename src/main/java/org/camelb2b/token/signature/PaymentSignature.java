package org.camelb2b.token.signature;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The symmetric signature of payment calls, SNAP and Klikoo alike:
 * {@code base64(HMAC-SHA512(clientSecret, METHOD:relativeUrl:accessToken:hex(sha256(body)):timestamp))},
 * the hash in lower-case hex, an empty (or null) body hashing the empty byte array, the method in
 * upper case, every other part exactly as given (the token without "Bearer ", the timestamp
 * byte-identical to the header). Strings are UTF-8 for the HMAC, key and data alike.
 *
 * <p>Arguments that are missing or malformed are refused with an {@link IllegalArgumentException}
 * that names the argument and never quotes the secret or the token.
 *
 * <p>Runs on every payment call, so nothing is looked up per call: the SHA-256 digest and the
 * HMAC-SHA512 instance are kept per thread. The {@link Mac} is keyed with the last secret its
 * thread used and re-keyed only when the secret changes. That is cheap (one key spec and two
 * SHA-512 blocks) and happens only on a thread that alternates between providers, and it needs no
 * shared map, no lock and no bound: a per-secret cache shared between threads would need
 * {@code Mac.clone()} per call or a pool, which cost more than the re-key they save. The secret is
 * then referenced by the threads that used it, as it already is by the configuration.
 */
public final class PaymentSignature {

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    });
    private static final ThreadLocal<KeyedMac> HMAC = ThreadLocal.withInitial(KeyedMac::new);
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] EMPTY = new byte[0];

    private PaymentSignature() {
    }

    /**
     * {@code METHOD:relativeUrl:accessToken:hex(sha256(bodyBytes)):timestamp}.
     *
     * @param method      an HTTP method (an RFC 9110 token; surrounding white space is dropped), upper-cased
     * @param relativeUrl the path from the host on, starting with {@code /}, as the dialect signs it (see {@link RelativeUrls})
     * @param accessToken the access token, without "Bearer "
     * @param bodyBytes   the exact bytes sent; null or empty for a call without a body
     * @param timestamp   the timestamp header's value, byte for byte
     */
    public static String stringToSign(String method, String relativeUrl, String accessToken, byte[] bodyBytes,
                                      String timestamp) {
        String verb = httpMethod(method);
        require(relativeUrl, "relativeUrl");
        if (relativeUrl.charAt(0) != '/') {
            throw new IllegalArgumentException("relativeUrl must start with '/'");
        }
        require(accessToken, "accessToken");
        require(timestamp, "timestamp");
        return verb + ":" + relativeUrl + ":" + accessToken + ":" + bodyHash(bodyBytes) + ":" + timestamp;
    }

    /**
     * {@code METHOD:relativeUrl:hex(sha256(bodyBytes)):timestamp}: what SNAP providers that sign
     * without a token (Midtrans SNAP-BI, DANA) sign with SHA256withRSA, the same parts as
     * {@link #stringToSign} checked the same way, less the token.
     */
    public static String asymmetricStringToSign(String method, String relativeUrl, byte[] bodyBytes, String timestamp) {
        String verb = httpMethod(method);
        require(relativeUrl, "relativeUrl");
        if (relativeUrl.charAt(0) != '/') {
            throw new IllegalArgumentException("relativeUrl must start with '/'");
        }
        require(timestamp, "timestamp");
        return verb + ":" + relativeUrl + ":" + bodyHash(bodyBytes) + ":" + timestamp;
    }

    /** Lower-case hex SHA-256 of the body bytes (of the empty array, for a null body). */
    public static String bodyHash(byte[] bodyBytes) {
        MessageDigest sha = SHA256.get();
        sha.reset();
        return HEX.formatHex(sha.digest(bodyBytes == null ? EMPTY : bodyBytes));
    }

    /** {@code base64(HMAC-SHA512(key = UTF-8 of clientSecret, data = UTF-8 of stringToSign))}, standard alphabet, padded. */
    public static String hmacSha512Base64(String clientSecret, String stringToSign) {
        require(clientSecret, "clientSecret");
        if (stringToSign == null) {
            throw new IllegalArgumentException("stringToSign is missing");
        }
        return Base64.getEncoder().encodeToString(HMAC.get().mac(clientSecret)
                .doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    }

    /** {@link #hmacSha512Base64} of {@link #stringToSign}; the secret is checked first. */
    public static String sign(String clientSecret, String method, String relativeUrl, String accessToken,
                              byte[] bodyBytes, String timestamp) {
        require(clientSecret, "clientSecret");
        return hmacSha512Base64(clientSecret, stringToSign(method, relativeUrl, accessToken, bodyBytes, timestamp));
    }

    /** The method upper-cased; refused if missing or not a token (a ':' would shift the fields). */
    private static String httpMethod(String method) {
        require(method, "method");
        String verb = method.strip();
        for (int k = 0; k < verb.length(); k++) {
            char c = verb.charAt(k);
            boolean tchar = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!tchar) {
                throw new IllegalArgumentException("method must be an HTTP method name");
            }
        }
        return verb.toUpperCase(Locale.ROOT);
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is missing");
        }
    }

    /** One HMAC-SHA512 per thread, keyed with the last secret it was given. */
    private static final class KeyedMac {
        private Mac mac;
        private String secret;

        Mac mac(String clientSecret) {
            try {
                if (mac == null) {
                    mac = Mac.getInstance("HmacSHA512");
                }
                if (!clientSecret.equals(secret)) {
                    secret = null; // if init fails, the next call keys again
                    mac.init(new SecretKeySpec(clientSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
                    secret = clientSecret;
                }
                mac.reset();
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA512 unavailable: " + e.getClass().getSimpleName(), e);
            }
        }
    }
}

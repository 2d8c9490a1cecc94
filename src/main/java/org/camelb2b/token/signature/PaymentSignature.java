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
 * the hash in lower-case hex and an empty body hashing the empty string.
 *
 * <p>Runs on every payment call: the SHA-256 digest and the HMAC instance are reused per thread
 * (a {@link Mac} is re-keyed only when the secret changes), so a call allocates little beyond its
 * strings.
 */
public final class PaymentSignature {

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });
    private static final ThreadLocal<KeyedMac> HMAC = ThreadLocal.withInitial(KeyedMac::new);
    private static final HexFormat HEX = HexFormat.of();

    private PaymentSignature() {
    }

    public static String stringToSign(String method, String relativeUrl, String accessToken, byte[] body,
                                      String timestamp) {
        require(method, "method");
        require(relativeUrl, "relativeUrl");
        if (!relativeUrl.startsWith("/")) {
            throw new IllegalArgumentException("relativeUrl must start with '/'");
        }
        require(accessToken, "accessToken");
        require(timestamp, "timestamp");
        return method.strip().toUpperCase(Locale.ROOT) + ":" + relativeUrl + ":" + accessToken + ":"
                + bodyHash(body) + ":" + timestamp;
    }

    /** Lower-case hex SHA-256 of the body bytes (of nothing, for a null body). */
    public static String bodyHash(byte[] body) {
        MessageDigest sha = SHA256.get();
        sha.reset();
        return HEX.formatHex(sha.digest(body == null ? new byte[0] : body));
    }

    public static String hmacSha512Base64(String clientSecret, String stringToSign) {
        require(clientSecret, "clientSecret");
        return Base64.getEncoder().encodeToString(HMAC.get().mac(clientSecret)
                .doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    }

    public static String sign(String clientSecret, String method, String relativeUrl, String accessToken, byte[] body,
                              String timestamp) {
        return hmacSha512Base64(clientSecret, stringToSign(method, relativeUrl, accessToken, body, timestamp));
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

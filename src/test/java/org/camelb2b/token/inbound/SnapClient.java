package org.camelb2b.token.inbound;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A provider calling us, written without any of the bundle's code: the JDK's HttpClient,
 * Signature (SHA256withRSA), Mac (HmacSHA512) and MessageDigest (SHA-256), as a provider's own
 * implementation of SNAP would be. It signs exactly what it sends.
 */
final class SnapClient {

    static final DateTimeFormatter WIB = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    /** @param base {@code http://host:port} of our inbound listener */
    SnapClient(String base) {
        this.base = base;
    }

    static String now() {
        return OffsetDateTime.now(ZoneOffset.ofHours(7)).format(WIB);
    }

    /** A PKCS#8 PEM private key, read with the JDK alone. */
    static PrivateKey privateKey(String pkcs8Pem) throws Exception {
        String b64 = pkcs8Pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(b64)));
    }

    static String rsa(PrivateKey key, String text) throws Exception {
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(key);
        s.update(text.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(s.sign());
    }

    static String hmac(String secret, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA512");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
        return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    static String sha256Hex(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The token request headers: X-CLIENT-KEY, X-TIMESTAMP, X-SIGNATURE over clientId|timestamp. */
    static Map<String, String> tokenHeaders(PrivateKey key, String clientId, String timestamp) throws Exception {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("X-CLIENT-KEY", clientId);
        h.put("X-TIMESTAMP", timestamp);
        h.put("X-SIGNATURE", rsa(key, clientId + "|" + timestamp));
        return h;
    }

    /** Symmetric notification headers: Bearer token, HMAC-SHA512 over POST:path:token:sha256(signedBody):timestamp. */
    static Map<String, String> symmetricHeaders(String secret, String token, String path, String signedBody,
                                                String timestamp, String partnerId, String externalId) throws Exception {
        Map<String, String> h = common(timestamp, partnerId, externalId);
        h.put("Authorization", "Bearer " + token);
        h.put("X-SIGNATURE", hmac(secret, "POST:" + path + ":" + token + ":" + sha256Hex(signedBody) + ":" + timestamp));
        return h;
    }

    /** Asymmetric notification headers: SHA256withRSA over POST:path:sha256(signedBody):timestamp, no token. */
    static Map<String, String> asymmetricHeaders(PrivateKey key, String path, String signedBody, String timestamp,
                                                 String partnerId, String externalId) throws Exception {
        Map<String, String> h = common(timestamp, partnerId, externalId);
        h.put("X-SIGNATURE", rsa(key, "POST:" + path + ":" + sha256Hex(signedBody) + ":" + timestamp));
        return h;
    }

    private static Map<String, String> common(String timestamp, String partnerId, String externalId) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("X-TIMESTAMP", timestamp);
        h.put("X-PARTNER-ID", partnerId);
        h.put("X-EXTERNAL-ID", externalId);
        h.put("CHANNEL-ID", "VA004");
        return h;
    }

    HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json");
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}

package org.camelb2b.token.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the sandbox verifies, written the way a provider would and independently of the client
 * code: RSA with the JDK's {@link Signature}, HMAC with {@link Mac}, bodies re-serialised with a
 * Jackson tree (exact decimals), timestamps by pattern and a 5-minute window.
 */
final class SandboxChecks {

    static final Duration MAX_SKEW = Duration.ofMinutes(5);
    private static final Pattern SNAP_TIMESTAMP =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern KLIKOO_TIMESTAMP =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{3})?\\+07:00");
    private static final ObjectMapper TREE = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private SandboxChecks() {
    }

    /** A SNAP timestamp: ISO-8601 with seconds and a zone ({@code Z} or an offset, never {@code -00:00}). */
    static Instant snapTimestamp(String text) {
        if (text == null || !SNAP_TIMESTAMP.matcher(text).matches() || text.endsWith("-00:00")) {
            return null;
        }
        return parse(text);
    }

    /** A Klikoo timestamp: {@code yyyy-MM-dd'T'HH:mm:ss[.SSS]+07:00}. */
    static Instant klikooTimestamp(String text) {
        if (text == null || !KLIKOO_TIMESTAMP.matcher(text).matches()) {
            return null;
        }
        return parse(text);
    }

    static boolean withinSkew(Instant instant) {
        return Duration.between(instant, Instant.now()).abs().compareTo(MAX_SKEW) <= 0;
    }

    static boolean rsaValid(PublicKey key, String text, String base64Signature) {
        try {
            byte[] signature = Base64.getDecoder().decode(base64Signature.strip());
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(text.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    static String rsaSign(java.security.PrivateKey key, String text) {
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hmacSha512Base64(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean sameSignature(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.strip().getBytes(StandardCharsets.US_ASCII));
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body as a provider minifies it before hashing; empty stays empty. Null when not JSON. */
    static byte[] minified(byte[] body, boolean sortKeys) {
        if (body.length == 0 || SandboxExchange.utf8(body).isBlank()) {
            return new byte[0];
        }
        try {
            JsonNode tree = TREE.readTree(body);
            return TREE.writeValueAsBytes(sortKeys ? sorted(tree) : tree);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    static JsonNode tree(byte[] body) {
        try {
            return body.length == 0 ? null : TREE.readTree(body);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            ObjectNode out = TREE.createObjectNode();
            for (String name : names) {
                out.set(name, sorted(node.get(name)));
            }
            return out;
        }
        if (node.isArray()) {
            var out = TREE.createArrayNode();
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                out.add(sorted(it.next()));
            }
            return out;
        }
        return node;
    }

    private static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

package org.camelb2b.token.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the signature tool prints for payment calls, per dialect. */
class SignatureToolTest {

    static final String VECTOR_BODY = "{\"partnerReferenceNo\":\"2020102900000000000001\",\"amount\":{\"value\":\"12345678.00\","
            + "\"currency\":\"IDR\"},\"feeAmount\":{\"value\":\"12345678.00\",\"currency\":\"IDR\"},\"merchantId\":"
            + "\"00007100010926\",\"terminalId\":\"213141251124\",\"validityPeriod\":\"2009-07-03T12:08:56-07:00\"}";

    @TempDir
    Path dir;

    Map<String, String> payment(String... extra) throws Exception {
        Path body = dir.resolve("body.json");
        Files.writeString(body, VECTOR_BODY, StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of("payment", "--secret", "myclientsecret", "--method", "POST",
                "--token", "myaccesstoken", "--timestamp", "2024-03-05T10:37:16.196Z", "--body-file", body.toString()));
        args.addAll(List.of(extra));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SignatureTool.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        Map<String, String> lines = new LinkedHashMap<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            int eq = line.indexOf('=');
            lines.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return lines;
    }

    @Test
    void snapPublishedVector() throws Exception {
        Map<String, String> p = payment("--dialect", "snap", "--url", "/v1.0/qr/qr-mpm-generate");
        assertEquals("snap", p.get("dialect"));
        assertEquals("/v1.0/qr/qr-mpm-generate", p.get("relativeUrl"));
        assertEquals(VECTOR_BODY, p.get("body"));
        assertEquals("X-TIMESTAMP", p.get("timestampHeader"));
        assertEquals("X-SIGNATURE", p.get("signatureHeader"));
        assertTrue(p.get("signature").startsWith("wmzT7yjg1SxxCsxN"), p.get("signature"));
        assertEquals(p, payment("--url", "/v1.0/qr/qr-mpm-generate"), "snap is the default");
    }

    @Test
    void snapRelativeUrls() throws Exception {
        assertEquals("/a?b=2&a=1", payment("--url", "/a?b=2&a=1").get("relativeUrl"));
        assertEquals("/a?a=1&b=2", payment("--url", "/a?b=2&a=1", "--sorted-query").get("relativeUrl"));
        assertEquals("/a?b=2", payment("--url", "https://api.example/a?b=2").get("relativeUrl"));
        assertEquals("/p/a?b=2", payment("--url", "/p/a?b=2", "--base-path", "/p").get("relativeUrl"));
    }

    @Test
    void klikooRelativeUrlsAndSortedBody() throws Exception {
        Map<String, String> k = payment("--dialect", "klikoo", "--url", "/klikoo-b2b/v1/open-api/account/inquiry?x=1",
                "--base-path", "/klikoo-b2b");
        assertEquals("klikoo", k.get("dialect"));
        assertEquals("/v1/open-api/account/inquiry", k.get("relativeUrl"));
        assertTrue(k.get("body").startsWith("{\"amount\":{\"currency\":\"IDR\",\"value\":\"12345678.00\"},\"feeAmount\""),
                k.get("body"));
        assertEquals("Open-Api-Timestamp", k.get("timestampHeader"));
        assertEquals("Open-Api-Signature", k.get("signatureHeader"));
        assertEquals("/v1/open-api/account/inquiry", payment("--dialect", "klikoo", "--url",
                "/v1/open-api/account/inquiry", "--base-path", "/klikoo-b2b").get("relativeUrl"));
        assertEquals("/v1/x", payment("--dialect", "klikoo", "--url", "https://h/klikoo-b2b/v1/x",
                "--base-path", "https://h/klikoo-b2b/").get("relativeUrl"));
    }

    /** Runs the tool; the exit status and its name=value lines. */
    record Run(int status, Map<String, String> lines, String err) {
    }

    Run run(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SignatureTool.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        Map<String, String> lines = new LinkedHashMap<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                lines.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return new Run(status, lines, err.toString(StandardCharsets.UTF_8));
    }

    /** The published Midtrans SNAP-BI asymmetric notification (src/test/resources/vectors, from /work/shared). */
    JsonNode vector() throws Exception {
        try (var in = getClass().getClassLoader().getResourceAsStream("vectors/snap-asymmetric-notification.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    Run verifyAsymmetric(JsonNode v, String body, String signature, String timestamp) throws Exception {
        Path key = dir.resolve("provider-public.pem");
        Files.writeString(key, v.get("publicKeyPem").asText(), StandardCharsets.US_ASCII);
        Path bodyFile = dir.resolve("notification.json");
        Files.writeString(bodyFile, body, StandardCharsets.UTF_8);
        return run(List.of("verify", "--public-key", key.toString(), "--method", v.get("method").asText(), "--url",
                v.get("path").asText(), "--timestamp", timestamp, "--body-file", bodyFile.toString(), "--signature",
                signature));
    }

    @Test
    void verifiesThePublishedAsymmetricNotification() throws Exception {
        JsonNode v = vector();
        Run r = verifyAsymmetric(v, v.get("body").asText(), v.get("signature").asText(), v.get("timestamp").asText());
        assertEquals("true", r.lines().get("valid"), r.err());
        assertEquals(0, r.status());
        assertEquals(v.get("bodySha256").asText(), r.lines().get("bodySha256"));
        assertEquals("POST:/v1.0/debit/notify:" + v.get("bodySha256").asText() + ":2024-05-02T14:43:08+07:00",
                r.lines().get("stringToSign"));
        assertEquals("SHA256withRSA", r.lines().get("algorithm"));
        // the same body pretty-printed hashes to the same canonical bytes
        String pretty = new ObjectMapper().readTree(v.get("body").asText()).toPrettyString();
        assertEquals("true", verifyAsymmetric(v, pretty, v.get("signature").asText(), v.get("timestamp").asText())
                .lines().get("valid"));
    }

    @Test
    void aTamperedNotificationIsNotValid() throws Exception {
        JsonNode v = vector();
        String body = v.get("body").asText();
        String signature = v.get("signature").asText();
        String timestamp = v.get("timestamp").asText();
        Run amount = verifyAsymmetric(v, body.replace("102800.00", "102800.01"), signature, timestamp);
        assertEquals("false", amount.lines().get("valid"));
        assertEquals(1, amount.status());
        Run time = verifyAsymmetric(v, body, signature, "2024-05-02T14:43:09+07:00");
        assertEquals("false", time.lines().get("valid"));
        assertEquals(1, time.status());
        char c = signature.charAt(10);
        Run sig = verifyAsymmetric(v, body, signature.substring(0, 10) + (c == 'A' ? 'B' : 'A') + signature.substring(11),
                timestamp);
        assertEquals("false", sig.lines().get("valid"));
        assertEquals(1, sig.status());
        Run notBase64 = verifyAsymmetric(v, body, "%%%", timestamp);
        assertEquals("false", notBase64.lines().get("valid"));
        assertEquals(1, notBase64.status());
    }

    @Test
    void verifiesASymmetricNotification() throws Exception {
        Path body = dir.resolve("body.json");
        Files.writeString(body, VECTOR_BODY, StandardCharsets.UTF_8);
        String toSign = "POST:/v1.0/qr/qr-mpm-generate:myaccesstoken:" + HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(VECTOR_BODY.getBytes(StandardCharsets.UTF_8)))
                + ":2024-03-05T10:37:16.196Z";
        Mac mac = Mac.getInstance("HmacSHA512");
        mac.init(new SecretKeySpec("myclientsecret".getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
        assertTrue(signature.startsWith("wmzT7yjg1SxxCsxN"), "the published SNAP HMAC vector");
        List<String> args = new ArrayList<>(List.of("verify", "--secret", "myclientsecret", "--token", "myaccesstoken",
                "--method", "POST", "--url", "/v1.0/qr/qr-mpm-generate", "--timestamp", "2024-03-05T10:37:16.196Z",
                "--body-file", body.toString(), "--signature", signature));
        Run ok = run(args);
        assertEquals("true", ok.lines().get("valid"), ok.err());
        assertEquals(0, ok.status());
        assertEquals(toSign, ok.lines().get("stringToSign"));
        args.set(2, "another-secret");
        Run wrong = run(args);
        assertEquals("false", wrong.lines().get("valid"));
        assertEquals(1, wrong.status());
        args.set(2, "myclientsecret");
        args.set(args.size() - 1, signature.toLowerCase(java.util.Locale.ROOT));
        assertEquals(1, run(args).status(), "compared exactly, case included");
    }

    @Test
    void verifyNeedsOneKindOfKey() {
        Run neither = run(List.of("verify", "--method", "POST", "--url", "/x", "--timestamp", "t", "--signature", "s"));
        assertEquals(2, neither.status());
        assertTrue(neither.err().contains("--public-key"), neither.err());
    }
}

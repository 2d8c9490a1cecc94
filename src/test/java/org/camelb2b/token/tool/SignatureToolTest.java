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
}

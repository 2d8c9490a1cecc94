package org.camelb2b.token.signature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Expected values computed independently: {@code sha256sum} for the body hash and
 * {@code printf '%s' "$stringToSign" | openssl dgst -sha512 -hmac "$secret" -binary | base64 -w0}
 * for the signature.
 */
class PaymentSignatureTest {

    static final String QR_BODY = "{\"partnerReferenceNo\":\"2020102900000000000001\",\"amount\":{\"value\":\"12345678.00\","
            + "\"currency\":\"IDR\"},\"feeAmount\":{\"value\":\"12345678.00\",\"currency\":\"IDR\"},\"merchantId\":"
            + "\"00007100010926\",\"terminalId\":\"213141251124\",\"validityPeriod\":\"2009-07-03T12:08:56-07:00\"}";
    static final String QR_SIGNATURE =
            "wmzT7yjg1SxxCsxNsFgCR9SYXiZGGbceF6fV8xe97sAMHxZ+7OEBMIBmvb6Sj6GcksGp3iv77DiomgSbcST3XQ==";
    static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void publishedSnapVectorByteForByte() {
        byte[] body = JsonBodies.compact(QR_BODY);
        assertArrayEquals(QR_BODY.getBytes(StandardCharsets.UTF_8), body);
        assertEquals("01463f60dbb6ca538581579dd95b31c8ba9fc6600eca750e4d8460ca4e402111", PaymentSignature.bodyHash(body));
        String toSign = PaymentSignature.stringToSign("POST", "/v1.0/qr/qr-mpm-generate", "myaccesstoken", body,
                "2024-03-05T10:37:16.196Z");
        assertEquals("POST:/v1.0/qr/qr-mpm-generate:myaccesstoken:"
                + "01463f60dbb6ca538581579dd95b31c8ba9fc6600eca750e4d8460ca4e402111:2024-03-05T10:37:16.196Z", toSign);
        String signature = PaymentSignature.sign("myclientsecret", "POST", "/v1.0/qr/qr-mpm-generate", "myaccesstoken",
                body, "2024-03-05T10:37:16.196Z");
        assertTrue(signature.startsWith("wmzT7yjg1SxxCsxN"), "the published prefix: " + signature);
        assertEquals(QR_SIGNATURE, signature);
        assertEquals(signature, PaymentSignature.hmacSha512Base64("myclientsecret", toSign));
    }

    @Test
    void thePublishedBodyPrettyPrintedSignsTheSame() {
        String pretty = """
                {
                    "partnerReferenceNo": "2020102900000000000001",
                    "amount": {
                        "value": "12345678.00",
                        "currency": "IDR"
                    },
                    "feeAmount": { "value": "12345678.00", "currency": "IDR" },
                    "merchantId": "00007100010926",
                    "terminalId": "213141251124",
                    "validityPeriod": "2009-07-03T12:08:56-07:00"
                }
                """;
        assertEquals(QR_SIGNATURE, PaymentSignature.sign("myclientsecret", "POST", "/v1.0/qr/qr-mpm-generate",
                "myaccesstoken", JsonBodies.compact(pretty), "2024-03-05T10:37:16.196Z"));
    }

    @Test
    void getWithQueryAndNoBodyHashesTheEmptyString() {
        String toSign = PaymentSignature.stringToSign("get", RelativeUrls.snap("/orders/v1.0/transfer-va/status?b=2&a=1%2F"),
                "myaccesstoken", JsonBodies.compact(null), "2024-03-05T10:37:16+07:00");
        assertEquals("GET:/orders/v1.0/transfer-va/status?b=2&a=1%2F:myaccesstoken:" + EMPTY_SHA256
                + ":2024-03-05T10:37:16+07:00", toSign);
        assertEquals("oGrUmaAAgq3PIAhcP6Bi80d+WIF6EclQU8hHEBUMC2vSIWbPAEzMwgS41d8jixUzg3fjlDJDT4KG0NZ1MIqm4g==",
                PaymentSignature.hmacSha512Base64("myclientsecret", toSign));
        assertEquals(EMPTY_SHA256, PaymentSignature.bodyHash(null));
        assertEquals(EMPTY_SHA256, PaymentSignature.bodyHash(new byte[0]));
    }

    @Test
    void bcaGetWithSortedQuery() {
        String url = RelativeUrls.sortedQuery(
                "/openapi/v1.0/accounts/balance?CorporateID=BCAAPI2016&AccountNumber=0201245680&CorporateID=AAA%20B");
        assertEquals("/openapi/v1.0/accounts/balance?AccountNumber=0201245680&CorporateID=AAA%20B&CorporateID=BCAAPI2016", url);
        assertEquals("dsu8roMEGhUYWf1WA1qP/5a6PtMRh8FrqcLBBdakhrdq+jcOKTm/HG84HzXSVY+zdaRtZd73z3P7lKivAuSzhQ==",
                PaymentSignature.sign("myclientsecret", "GET", url, "myaccesstoken", null, "2024-03-05T17:37:16.196+07:00"));
    }

    @Test
    void unicodeBodyTokenAndSecretAreSignedAsUtf8() {
        String pretty = "{\n  \"partnerReferenceNo\": \"INV/2024/03/0001\",\n  \"additionalInfo\": {\n"
                + "    \"description\": \"Pembayaran café ü 日本\",\n    \"note\": \"say \\\"hi\\\"  twice\\t\\\\ back\\/slash\"\n  },\n"
                + "  \"amount\": {\"value\": \"150000.00\", \"currency\": \"IDR\"},\n"
                + "  \"items\": [1, 2.50, {\"sku\": \"A-1\", \"qty\": 1e3}],\n  \"paid\": false,\n  \"memo\": null\n}\n";
        byte[] body = JsonBodies.compact(pretty);
        String toSign = PaymentSignature.stringToSign("POST", "/snap/v1.0/transfer-va/payment", "tok-Ünï/+=", body,
                "2024-03-05T17:37:16+07:00");
        assertEquals("POST:/snap/v1.0/transfer-va/payment:tok-Ünï/+=:"
                + "a492ca5c34326f545f1d8c99de80362d002519d6984bac4e826b6a2e545071fa:2024-03-05T17:37:16+07:00", toSign);
        assertEquals("MLpVXXvo+Qr6efqll1JiCj2jdSkFM+4okCIulYk/DjW9Vo3xPXVW50rqG0gafeRbN/nGcx6WNNu411bdJEGEDg==",
                PaymentSignature.hmacSha512Base64("sëcret-ü日", toSign));
    }

    @Test
    void klikooCallWithSortedBodyAndBarePath() {
        byte[] body = JsonBodies.compactSortedKeys("{\"bank_code\":\"000\",\"account_number\":true}");
        String path = RelativeUrls.klikooPath("/klikoo-b2b", "/klikoo-b2b/v1/open-api/account/inquiry");
        String toSign = PaymentSignature.stringToSign("POST", path, "eyJhbGciOi.klikoo.token", body,
                "2024-03-05T17:37:16+07:00");
        assertEquals("POST:/v1/open-api/account/inquiry:eyJhbGciOi.klikoo.token:"
                + "7791c19c8a1031a23713d71ef8d5a76c62beef20a5ed3b9c6731d108ac70af6e:2024-03-05T17:37:16+07:00", toSign);
        assertEquals("4nZ5fSwXLCdTaJpCom5cSiNtS9PVAUwKn1LrQH6TAKKqsCTyade3kVUGU9zIRLAWqcxKDw97vjgBHBfzYeF0gg==",
                PaymentSignature.hmacSha512Base64("klikoo-client-secret-32-chars-xx", toSign));
    }

    @Test
    void theMethodIsUpperCasedAndEverythingElseKeptAsGiven() {
        assertEquals("DELETE:/a?x=%2f:Tok:" + EMPTY_SHA256 + ":ts", PaymentSignature.stringToSign(" delete ", "/a?x=%2f",
                "Tok", null, "ts"));
        assertNotEquals(PaymentSignature.sign("s", "POST", "/a", "t", null, "ts"),
                PaymentSignature.sign("s", "POST", "/A", "t", null, "ts"), "the path is case-sensitive");
    }

    @Test
    void aThreadReusingItsMacWithAnotherSecretStillSignsCorrectly() {
        String a = PaymentSignature.hmacSha512Base64("secret-a", "text");
        String b = PaymentSignature.hmacSha512Base64("secret-b", "text");
        assertNotEquals(a, b);
        assertEquals(a, PaymentSignature.hmacSha512Base64("secret-a", "text"));
        assertEquals(QR_SIGNATURE, PaymentSignature.sign("myclientsecret", "POST", "/v1.0/qr/qr-mpm-generate",
                "myaccesstoken", QR_BODY.getBytes(StandardCharsets.UTF_8), "2024-03-05T10:37:16.196Z"));
        assertEquals(b, PaymentSignature.hmacSha512Base64("secret-b", "text"));
    }

    @Test
    void manyThreadsWithAlternatingSecretsGetTheSameSignatures() throws Exception {
        String[] secrets = {"myclientsecret", "secret-a", "sëcret-ü日", "klikoo-client-secret-32-chars-xx"};
        byte[][] bodies = {QR_BODY.getBytes(StandardCharsets.UTF_8), new byte[0], "{\"a\":1}".getBytes(StandardCharsets.UTF_8)};
        String[][] expected = new String[secrets.length][bodies.length];
        for (int s = 0; s < secrets.length; s++) {
            for (int b = 0; b < bodies.length; b++) {
                expected[s][b] = PaymentSignature.sign(secrets[s], "POST", "/p", "tok", bodies[b], "ts");
            }
        }
        assertEquals(QR_SIGNATURE, PaymentSignature.sign("myclientsecret", "POST", "/v1.0/qr/qr-mpm-generate",
                "myaccesstoken", bodies[0], "2024-03-05T10:37:16.196Z"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int seed = t;
                Callable<Integer> task = () -> {
                    int checked = 0;
                    for (int k = 0; k < 2_000; k++) {
                        int s = (k + seed) % secrets.length;
                        int b = (k * 7 + seed) % bodies.length;
                        assertEquals(expected[s][b], PaymentSignature.sign(secrets[s], "POST", "/p", "tok", bodies[b], "ts"));
                        checked++;
                    }
                    return checked;
                };
                results.add(pool.submit(task));
            }
            for (Future<Integer> result : results) {
                assertEquals(2_000, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void everyMissingOrMalformedArgumentIsRefusedByName() {
        byte[] none = new byte[0];
        refused("method is missing", () -> PaymentSignature.stringToSign(null, "/a", "t", none, "ts"));
        refused("method is missing", () -> PaymentSignature.stringToSign(" ", "/a", "t", none, "ts"));
        refused("method must be an HTTP method name", () -> PaymentSignature.stringToSign("PO:ST", "/a", "t", none, "ts"));
        refused("method must be an HTTP method name", () -> PaymentSignature.stringToSign("GET /a", "/a", "t", none, "ts"));
        refused("relativeUrl is missing", () -> PaymentSignature.stringToSign("POST", null, "t", none, "ts"));
        refused("relativeUrl is missing", () -> PaymentSignature.stringToSign("POST", "", "t", none, "ts"));
        refused("relativeUrl must start with '/'", () -> PaymentSignature.stringToSign("POST", "a/b", "t", none, "ts"));
        refused("relativeUrl must start with '/'",
                () -> PaymentSignature.stringToSign("POST", "https://api.doku.com/a", "t", none, "ts"));
        refused("accessToken is missing", () -> PaymentSignature.stringToSign("POST", "/a", null, none, "ts"));
        refused("accessToken is missing", () -> PaymentSignature.stringToSign("POST", "/a", " \t", none, "ts"));
        refused("timestamp is missing", () -> PaymentSignature.stringToSign("POST", "/a", "t", none, null));
        refused("timestamp is missing", () -> PaymentSignature.stringToSign("POST", "/a", "t", none, ""));
        refused("clientSecret is missing", () -> PaymentSignature.hmacSha512Base64(null, "x"));
        refused("clientSecret is missing", () -> PaymentSignature.hmacSha512Base64(" ", "x"));
        refused("stringToSign is missing", () -> PaymentSignature.hmacSha512Base64("s3cr3t-value", null));
        refused("clientSecret is missing", () -> PaymentSignature.sign("", "POST", "/a", "t", none, "ts"));
        // sign checks every part too, and the messages never carry the secret or the token
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PaymentSignature.sign("s3cr3t-value", "POST", "relative", "tok-4f9a-value", none, "ts"));
        assertEquals("relativeUrl must start with '/'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> PaymentSignature.sign("s3cr3t-value", "POST", "/a", "tok-4f9a-value", none, " "));
        assertEquals("timestamp is missing", e.getMessage());
        assertFalse(e.getMessage().contains("s3cr3t") || e.getMessage().contains("tok-4f9a"));
    }

    private static void refused(String message, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(message, e.getMessage());
    }
}

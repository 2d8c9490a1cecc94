package org.camelb2b.token.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Expected values computed independently with sha256sum and openssl dgst -sha512 -hmac. */
class PaymentSignatureTest {

    static final String QR_BODY = "{\"partnerReferenceNo\":\"2020102900000000000001\",\"amount\":{\"value\":\"12345678.00\","
            + "\"currency\":\"IDR\"},\"feeAmount\":{\"value\":\"12345678.00\",\"currency\":\"IDR\"},\"merchantId\":"
            + "\"00007100010926\",\"terminalId\":\"213141251124\",\"validityPeriod\":\"2009-07-03T12:08:56-07:00\"}";

    @Test
    void publishedSnapVectorByteForByte() {
        byte[] body = JsonBodies.compact(QR_BODY);
        assertEquals(QR_BODY, new String(body, StandardCharsets.UTF_8));
        String toSign = PaymentSignature.stringToSign("POST", "/v1.0/qr/qr-mpm-generate", "myaccesstoken", body,
                "2024-03-05T10:37:16.196Z");
        assertEquals("POST:/v1.0/qr/qr-mpm-generate:myaccesstoken:"
                + "01463f60dbb6ca538581579dd95b31c8ba9fc6600eca750e4d8460ca4e402111:2024-03-05T10:37:16.196Z", toSign);
        String signature = PaymentSignature.sign("myclientsecret", "POST", "/v1.0/qr/qr-mpm-generate", "myaccesstoken",
                body, "2024-03-05T10:37:16.196Z");
        assertTrue(signature.startsWith("wmzT7yjg1SxxCsxN"), signature);
        assertEquals("wmzT7yjg1SxxCsxNsFgCR9SYXiZGGbceF6fV8xe97sAMHxZ+7OEBMIBmvb6Sj6GcksGp3iv77DiomgSbcST3XQ==",
                signature);
    }

    @Test
    void getWithQueryAndNoBodyHashesTheEmptyString() {
        String toSign = PaymentSignature.stringToSign("get", "/orders/v1.0/transfer-va/status?b=2&a=1%2F",
                "myaccesstoken", new byte[0], "2024-03-05T10:37:16+07:00");
        assertEquals("GET:/orders/v1.0/transfer-va/status?b=2&a=1%2F:myaccesstoken:"
                + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855:2024-03-05T10:37:16+07:00", toSign);
        assertEquals("oGrUmaAAgq3PIAhcP6Bi80d+WIF6EclQU8hHEBUMC2vSIWbPAEzMwgS41d8jixUzg3fjlDJDT4KG0NZ1MIqm4g==",
                PaymentSignature.hmacSha512Base64("myclientsecret", toSign));
        assertEquals(PaymentSignature.bodyHash(new byte[0]), PaymentSignature.bodyHash(null));
    }

    @Test
    void aThreadReusingItsMacWithAnotherSecretStillSignsCorrectly() {
        String a = PaymentSignature.hmacSha512Base64("secret-a", "text");
        String b = PaymentSignature.hmacSha512Base64("secret-b", "text");
        assertFalse(a.equals(b));
        assertEquals(a, PaymentSignature.hmacSha512Base64("secret-a", "text"));
    }

    @Test
    void missingPartsAreRefusedWithoutEchoingSecrets() {
        byte[] none = new byte[0];
        assertThrows(IllegalArgumentException.class, () -> PaymentSignature.stringToSign("", "/a", "t", none, "ts"));
        assertThrows(IllegalArgumentException.class, () -> PaymentSignature.stringToSign("POST", "a", "t", none, "ts"));
        assertThrows(IllegalArgumentException.class, () -> PaymentSignature.stringToSign("POST", "/a", " ", none, "ts"));
        assertThrows(IllegalArgumentException.class, () -> PaymentSignature.stringToSign("POST", "/a", "t", none, ""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PaymentSignature.hmacSha512Base64(" ", "x"));
        assertEquals("clientSecret is missing", e.getMessage());
    }
}

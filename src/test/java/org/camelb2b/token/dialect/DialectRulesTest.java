package org.camelb2b.token.dialect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultMessage;
import org.camelb2b.token.token.ResponseCode;
import org.junit.jupiter.api.Test;

/** What differs between SNAP and Klikoo, each rule asked of the {@link Dialect} interface. */
class DialectRulesTest {

    final Dialect snap = Dialects.named("snap");
    final Dialect klikoo = Dialects.named("klikoo");

    static Message message() {
        return new DefaultMessage(new DefaultCamelContext());
    }

    @Test
    void settings() {
        assertEquals("/authorization/v1/access-token/b2b", snap.defaultTokenPath());
        assertEquals("/v1/open-api/access-token", klikoo.defaultTokenPath());
        assertEquals(ZoneOffset.UTC, snap.defaultTimestampZone());
        assertEquals(ZoneOffset.ofHours(7), klikoo.defaultTimestampZone());
        assertEquals(Set.of("private-key"), snap.requiredSettings());
        assertEquals(Set.of("private-key", "client-secret"), klikoo.requiredSettings());
        assertEquals(Set.of("client-secret"), Dialects.named("oauth2-basic").requiredSettings());
    }

    @Test
    void tokenRequest() {
        Message m = message();
        snap.tokenRequestHeaders(m, "MCH-1", "s", "2020-09-22T01:51:00Z");
        assertEquals(Map.of("X-TIMESTAMP", "2020-09-22T01:51:00Z", "X-CLIENT-KEY", "MCH-1"), m.getHeaders());
        assertEquals("{\"grantType\":\"client_credentials\"}", snap.tokenRequestBody("MCH-1", "s", false));
        // BNI (b2b.<p>.token-request-additional-info, its preset)
        assertEquals("{\"grantType\":\"client_credentials\",\"additionalInfo\":{}}", snap.tokenRequestBody("MCH-1", "s", true));
        assertEquals("X-SIGNATURE", snap.signatureHeader());

        Message k = message();
        klikoo.tokenRequestHeaders(k, "3f9c", "a\"b", "2020-09-22T08:51:00+07:00");
        assertEquals(Map.of("Open-Api-Timestamp", "2020-09-22T08:51:00+07:00"), k.getHeaders());
        assertEquals("{\"grant_type\":\"client_credentials\",\"additional_info\":{\"client_id\":\"3f9c\","
                + "\"client_secret\":\"a\\\"b\"}}", klikoo.tokenRequestBody("3f9c", "a\"b", false));
        assertEquals("Open-Api-Signature", klikoo.signatureHeader());

        // oauth2-basic: RFC 6749 client credentials, the id and secret form-encoded, then Basic; nothing signed
        Dialect oauth2 = Dialects.named("oauth2-basic");
        Message o = message();
        oauth2.tokenRequestHeaders(o, "client id", "p@ss:word", "2020-09-22T01:51:00Z");
        assertEquals(Map.of("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                "client+id:p%40ss%3Aword".getBytes(java.nio.charset.StandardCharsets.UTF_8))), o.getHeaders());
        assertEquals("grant_type=client_credentials", oauth2.tokenRequestBody("client id", "p@ss:word", true));
        assertEquals("application/x-www-form-urlencoded", oauth2.tokenRequestContentType());
        assertFalse(oauth2.signs());
    }

    @Test
    void tokenResponse() {
        assertEquals("2007300", snap.tokenResponse().successCode());
        assertNull(snap.tokenResponse().dataField());
        assertEquals("accessToken", snap.tokenResponse().tokenField());
        assertEquals("200012000", klikoo.tokenResponse().successCode());
        assertEquals("data", klikoo.tokenResponse().dataField());
        assertEquals("expires_in", klikoo.tokenResponse().expiresField());
    }

    @Test
    void paymentHeaders() {
        Message m = message();
        snap.paymentHeaders(m, "ts", "sig", "partner", "ext", "");
        assertEquals(Map.of("X-TIMESTAMP", "ts", "X-SIGNATURE", "sig", "X-PARTNER-ID", "partner", "X-EXTERNAL-ID", "ext"),
                m.getHeaders());
        snap.paymentHeaders(m, "ts", "sig", "partner", "ext", "95221");
        assertEquals("95221", m.getHeader("CHANNEL-ID"));
        assertTrue(snap.sendsPartnerHeaders());

        Message k = message();
        klikoo.paymentHeaders(k, "ts", "sig", null, null, "");
        assertEquals(Map.of("Open-Api-Timestamp", "ts", "Open-Api-Signature", "sig"), k.getHeaders());
        assertFalse(klikoo.sendsPartnerHeaders());
    }

    @Test
    void signedRelativeUrl() {
        assertEquals("/base/v1/x?b=2&a=1", snap.signedRelativeUrl("/base", "/v1/x", "b=2&a=1", false));
        assertEquals("/base/v1/x?a=1&b=2", snap.signedRelativeUrl("/base", "/v1/x", "b=2&a=1", true));
        assertEquals("/v1/x", snap.signedRelativeUrl("", "/v1/x", null, true));
        assertEquals("/v1/open-api/account/inquiry",
                klikoo.signedRelativeUrl("/klikoo-b2b", "/v1/open-api/account/inquiry", "a=1", true));
        assertEquals("/v1/x", klikoo.signedRelativeUrl("", "/v1/x", null, false));
    }

    @Test
    void canonicalBody() {
        String body = "{ \"bank_code\": \"000\", \"account_number\": true }";
        assertArrayEquals("{\"bank_code\":\"000\",\"account_number\":true}".getBytes(StandardCharsets.UTF_8),
                snap.canonicalBody(body));
        assertArrayEquals("{\"account_number\":true,\"bank_code\":\"000\"}".getBytes(StandardCharsets.UTF_8),
                klikoo.canonicalBody(body));
        assertThrows(IllegalArgumentException.class, () -> snap.canonicalBody("{ nope }"));
        assertThrows(IllegalArgumentException.class, () -> klikoo.canonicalBody("{ nope }"));
    }

    @Test
    void paymentResponseFields() {
        assertEquals("responseCode", snap.responseCodeField());
        assertEquals("responseMessage", snap.responseMessageField());
        assertEquals("response_code", klikoo.responseCodeField());
        assertEquals("response_message", klikoo.responseMessageField());
    }

    @Test
    void tokenRejection() {
        assertTrue(snap.isTokenRejected(401, ResponseCode.parse("4012701"), "Invalid Token (B2B)"));
        assertTrue(snap.isTokenRejected(401, ResponseCode.parse("4012703"), null));
        assertTrue(snap.isTokenRejected(401, ResponseCode.parse("4012700"), "Unauthorized. Token expired"));
        assertFalse(snap.isTokenRejected(401, ResponseCode.parse("4012700"), "Unauthorized. Signature"));
        assertFalse(snap.isTokenRejected(401, ResponseCode.parse("401016500"), null));
        assertFalse(snap.isTokenRejected(401, null, "token"));
        assertTrue(klikoo.isTokenRejected(401, ResponseCode.parse("401016500"), null));
        assertTrue(klikoo.isTokenRejected(401, ResponseCode.parse("401016535"), null));
        assertFalse(klikoo.isTokenRejected(401, ResponseCode.parse("401016570"), "bad credentials"));
        assertFalse(klikoo.isTokenRejected(401, ResponseCode.parse("4012701"), "Invalid Token"));
    }
}

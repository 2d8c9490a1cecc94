package org.camelb2b.token.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.camelb2b.token.sandbox.SandboxProvider;
import org.camelb2b.token.testing.FreePort;
import org.camelb2b.token.testing.Keys;
import org.camelb2b.token.testing.LogCapture;
import org.camelb2b.token.testing.SandboxSetup;
import org.camelb2b.token.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The inbound flow of the standalone app over real HTTP, called by {@link SnapClient} (a provider
 * written without our code): every answer of the token endpoint and of notifications, both
 * signature kinds, and that nothing refused reaches the application's route.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboundTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String DOKU = SandboxSetup.DOKU_CLIENT;
    static final String DOKU_SECRET = SandboxSetup.DOKU_SECRET;
    static final String MIDTRANS = "G099333790";
    static final String BRI = "BRI-PARTNER-01";
    static final String BRI_SECRET = "bri-inbound-client-secret";
    static final String PAYMENT = "/doku/v1.0/transfer-va/payment";
    static final String DEBIT = "/midtrans/v1.0/debit/notify";
    static final String VA_BODY = "{\"partnerServiceId\":\"  888994\",\"customerNo\":\"00000000000000000001\","
            + "\"virtualAccountNo\":\"  88899400000000000000000001\",\"virtualAccountName\":\"Budi  Santoso \","
            + "\"paidAmount\":{\"value\":\"12500.00\",\"currency\":\"IDR\"},\"trxId\":\"INV-1\"}";

    final AtomicLong ids = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 1000);
    final List<Exchange> delivered = new CopyOnWriteArrayList<>();
    SandboxProvider sandbox;
    TestApp app;
    SnapClient client;
    PrivateKey providerKey;
    PrivateKey otherKey;

    @BeforeAll
    void start() throws Exception {
        sandbox = SandboxSetup.start();
        int port = FreePort.find();
        Map<String, String> p = SandboxSetup.settings(sandbox);
        p.put("b2b.inbound.enabled", "true");
        p.put("b2b.inbound.port", String.valueOf(port));
        p.put("b2b.doku.inbound.enabled", "true");
        p.put("b2b.doku.inbound.public-key", "classpath:keys/rsa-public.pem");
        p.put("b2b.midtrans.inbound.enabled", "true");
        p.put("b2b.midtrans.inbound.signature", "asymmetric");
        p.put("b2b.midtrans.inbound.client-id", MIDTRANS);
        p.put("b2b.midtrans.inbound.public-key", "classpath:keys/rsa-public.pem");
        p.put("b2b.bri.inbound.enabled", "true");
        p.put("b2b.bri.inbound.client-id", BRI);
        p.put("b2b.bri.client-secret", BRI_SECRET);
        p.put("b2b.bri.inbound.public-key", "classpath:keys/rsa-public.pem");
        p.put("b2b.bri.inbound.token-lifetime-s", "1");
        app = TestApp.start(p);
        app.context().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:b2b-inbound-doku").process(e -> delivered.add(e.copy()))
                        .filter(body().contains("\"FAIL\"")).throwException(new IllegalStateException("database down"))
                        .end()
                        .choice()
                            .when(body().contains("UNKNOWN-VA")).setBody(constant("{\"responseCode\":\"4042412\","
                                    + "\"responseMessage\":\"Invalid Bill/Virtual Account\"}"))
                            .otherwise().setBody(constant(
                                    "{\"virtualAccountData\":{\"paymentFlagReason\":{\"english\":\"Success\"}}}"))
                        .end();
                from("direct:b2b-inbound-midtrans").process(e -> delivered.add(e.copy())).setBody(constant(null));
            }
        });
        client = new SnapClient("http://127.0.0.1:" + port);
        providerKey = SnapClient.privateKey(Keys.text("keys/rsa-pkcs8.pem"));
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        otherKey = g.generateKeyPair().getPrivate();
    }

    @AfterAll
    void stop() throws Exception {
        app.close();
        sandbox.close();
    }

    @BeforeEach
    void clear() {
        delivered.clear();
    }

    String externalId() {
        return String.valueOf(ids.incrementAndGet());
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    static void assertCode(String code, HttpResponse<String> r) throws Exception {
        assertEquals(code, json(r).path("responseCode").asText(), r.body());
        assertEquals(Integer.parseInt(code.substring(0, 3)), r.statusCode(), r.body());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
    }

    HttpResponse<String> token(String provider, PrivateKey key, String clientId, String timestamp) throws Exception {
        return client.post("/" + provider + "/v1.0/access-token/b2b", "{\"grantType\":\"client_credentials\","
                + "\"additionalInfo\":{}}", SnapClient.tokenHeaders(key, clientId, timestamp));
    }

    String tokenOf(String provider, String clientId) throws Exception {
        HttpResponse<String> r = token(provider, providerKey, clientId, SnapClient.now());
        assertCode("2007300", r);
        return json(r).get("accessToken").asText();
    }

    HttpResponse<String> pay(String token, String body, String signedBody, String timestamp, String externalId)
            throws Exception {
        return client.post(PAYMENT, body, SnapClient.symmetricHeaders(DOKU_SECRET, token, PAYMENT, signedBody, timestamp,
                DOKU, externalId));
    }

    @Test
    void symmetricTokenThenNotificationIsDeliveredAndAnswered() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            HttpResponse<String> t = token("doku", providerKey, DOKU, SnapClient.now());
            assertCode("2007300", t);
            JsonNode answer = json(t);
            assertEquals("Successful", answer.get("responseMessage").asText());
            assertEquals("Bearer", answer.get("tokenType").asText());
            assertEquals("900", answer.get("expiresIn").asText());
            String token = answer.get("accessToken").asText();
            assertTrue(token.matches("[A-Za-z0-9_-]{43,}"), "256 random bits, base64url");
            assertFalse(t.headers().firstValue("X-SIGNATURE").isPresent(), "no request header comes back");

            String id = externalId();
            HttpResponse<String> r = pay(token, VA_BODY, VA_BODY, SnapClient.now(), id);
            assertCode("2002500", r);
            assertEquals("Success", json(r).at("/virtualAccountData/paymentFlagReason/english").asText(),
                    "the application's reply is the answer");
            assertEquals("Successful", json(r).get("responseMessage").asText());
            assertEquals(1, delivered.size());
            Exchange e = delivered.get(0);
            assertEquals(VA_BODY, e.getMessage().getBody(String.class), "the body as received");
            assertEquals(id, e.getMessage().getHeader("X-EXTERNAL-ID"));
            assertEquals(DOKU, e.getMessage().getHeader("X-PARTNER-ID"));
            assertEquals("VA004", e.getMessage().getHeader("CHANNEL-ID"));
            assertEquals("doku", e.getMessage().getHeader("B2bProvider"));
            assertEquals("25", e.getMessage().getHeader("B2bServiceCode"));
            assertNull(e.getMessage().getHeader("Authorization"), "the token stays with us");
            assertNull(e.getMessage().getHeader("X-SIGNATURE"));

            List<String> lines = logs.lines("INFO", "org.camelb2b.token.inbound");
            assertTrue(lines.stream().anyMatch(l -> l.contains("provider=doku path=/doku/v1.0/access-token/b2b"
                    + " outcome=accepted responseCode=2007300")), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.contains("provider=doku path=" + PAYMENT
                    + " outcome=accepted responseCode=2002500")), lines.toString());
            assertTrue(logs.lines().stream().noneMatch(l -> l.contains(token) || l.contains(DOKU_SECRET)),
                    "neither token nor secret is logged");
        }
    }

    @Test
    void asymmetricNotificationIsDeliveredWithoutAToken() throws Exception {
        String body = "{\"originalPartnerReferenceNo\":\"GP24043015193402809\",\"latestTransactionStatus\":\"00\","
                + "\"amount\":{\"value\":\"102800.00\",\"currency\":\"IDR\"},\"additionalInfo\":{\"refundHistory\":[]}}";
        HttpResponse<String> r = client.post(DEBIT, body, SnapClient.asymmetricHeaders(providerKey, DEBIT, body,
                SnapClient.now(), MIDTRANS, externalId()));
        assertCode("2005600", r);
        assertEquals("Successful", json(r).get("responseMessage").asText());
        assertEquals(1, delivered.size());
        assertEquals(body, delivered.get(0).getMessage().getBody(String.class));
        assertEquals("56", delivered.get(0).getMessage().getHeader("B2bServiceCode"));
    }

    @Test
    void withoutAnApplicationRouteTheNotificationIsAcknowledged() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            String token = tokenOf("bri", BRI);
            String path = "/bri/snap/v1.0/transfer-va/notify-payment-intrabank";
            HttpResponse<String> r = client.post(path, VA_BODY, SnapClient.symmetricHeaders(BRI_SECRET, token, path,
                    VA_BODY, SnapClient.now(), BRI, externalId()));
            assertCode("2003400", r);
            assertTrue(logs.lines("INFO", "provider=bri path=" + path + " outcome=accepted responseCode=2003400"
                    + " delivered=none").size() == 1, logs.lines().toString());
        }
    }

    @Test
    void forgedSignatureIsRefused() throws Exception {
        String token = tokenOf("doku", DOKU);
        HttpResponse<String> r = client.post(PAYMENT, VA_BODY, SnapClient.symmetricHeaders("not-the-secret", token,
                PAYMENT, VA_BODY, SnapClient.now(), DOKU, externalId()));
        assertCode("4012500", r);
        assertEquals("Unauthorized. Signature", json(r).get("responseMessage").asText());
        // the body changed after signing
        String id = externalId();
        r = pay(token, VA_BODY.replace("12500.00", "99999.00"), VA_BODY, SnapClient.now(), id);
        assertCode("4012500", r);
        // the signature in another case: compared exactly
        Map<String, String> h = SnapClient.symmetricHeaders(DOKU_SECRET, token, PAYMENT, VA_BODY, SnapClient.now(), DOKU,
                externalId());
        h.put("X-SIGNATURE", swapCase(h.get("X-SIGNATURE")));
        assertCode("4012500", client.post(PAYMENT, VA_BODY, h));
        // signed for another path
        r = client.post(PAYMENT, VA_BODY, SnapClient.symmetricHeaders(DOKU_SECRET, token, "/v1.0/transfer-va/payment",
                VA_BODY, SnapClient.now(), DOKU, externalId()));
        assertCode("4012500", r);
        assertEquals(0, delivered.size(), "nothing refused reaches the application");
        // a refused X-EXTERNAL-ID was not used up
        assertCode("2002500", pay(token, VA_BODY, VA_BODY, SnapClient.now(), id));
    }

    static String swapCase(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return b.toString();
    }

    @Test
    void signatureByAnotherKeyIsRefused() throws Exception {
        HttpResponse<String> t = token("doku", otherKey, DOKU, SnapClient.now());
        assertCode("4017300", t);
        assertEquals("Unauthorized. Signature", json(t).get("responseMessage").asText());
        assertFalse(json(t).has("accessToken"));
        String body = "{\"latestTransactionStatus\":\"00\"}";
        HttpResponse<String> r = client.post(DEBIT, body, SnapClient.asymmetricHeaders(otherKey, DEBIT, body,
                SnapClient.now(), MIDTRANS, externalId()));
        assertCode("4015600", r);
        assertEquals(0, delivered.size());
    }

    @Test
    void unknownClientIsRefused() throws Exception {
        assertCode("4017300", token("doku", providerKey, "SOMEONE-ELSE", SnapClient.now()));
        assertEquals("Unauthorized. Unknown Client", json(token("doku", providerKey, "SOMEONE-ELSE",
                SnapClient.now())).get("responseMessage").asText());
        String token = tokenOf("doku", DOKU);
        HttpResponse<String> r = client.post(PAYMENT, VA_BODY, SnapClient.symmetricHeaders(DOKU_SECRET, token, PAYMENT,
                VA_BODY, SnapClient.now(), "SOMEONE-ELSE", externalId()));
        assertCode("4012500", r);
        assertEquals(0, delivered.size());
    }

    @Test
    void tokenOfAnotherProviderIsRefused() throws Exception {
        String briToken = tokenOf("bri", BRI);
        HttpResponse<String> r = pay(briToken, VA_BODY, VA_BODY, SnapClient.now(), externalId());
        assertCode("4012501", r);
        assertEquals("Invalid Token (B2B)", json(r).get("responseMessage").asText());
        assertCode("4012501", pay("never-issued-token", VA_BODY, VA_BODY, SnapClient.now(), externalId()));
        assertEquals(0, delivered.size());
    }

    @Test
    void expiredTokenIsRefused() throws Exception {
        String token = tokenOf("bri", BRI); // b2b.bri.inbound.token-lifetime-s = 1
        Thread.sleep(1500);
        String path = "/bri/v1.0/transfer-va/payment";
        HttpResponse<String> r = client.post(path, VA_BODY, SnapClient.symmetricHeaders(BRI_SECRET, token, path, VA_BODY,
                SnapClient.now(), BRI, externalId()));
        assertCode("4012501", r);
    }

    @Test
    void timestampOutsideTheWindowIsRefused() throws Exception {
        String stale = OffsetDateTime.now(ZoneOffset.ofHours(7)).minusMinutes(6).format(SnapClient.WIB);
        String ahead = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(6).format(SnapClient.WIB);
        assertCode("4017300", token("doku", providerKey, DOKU, stale));
        String token = tokenOf("doku", DOKU);
        assertCode("4012500", pay(token, VA_BODY, VA_BODY, stale, externalId()));
        assertCode("4012500", pay(token, VA_BODY, VA_BODY, ahead, externalId()));
        assertEquals("Unauthorized. Timestamp", json(pay(token, VA_BODY, VA_BODY, stale, externalId()))
                .get("responseMessage").asText());
        String body = "{\"latestTransactionStatus\":\"00\"}";
        assertCode("4015600", client.post(DEBIT, body, SnapClient.asymmetricHeaders(providerKey, DEBIT, body, stale,
                MIDTRANS, externalId())));
        assertEquals(0, delivered.size());
    }

    @Test
    void badTimestampFormatIsRefused() throws Exception {
        for (String ts : new String[] {"2024-05-02 14:43:08", "2024-05-02T14:43:08", "1714635788",
                "2024-13-02T14:43:08+07:00"}) {
            HttpResponse<String> t = token("doku", providerKey, DOKU, ts);
            assertCode("4007301", t);
            assertEquals("Invalid Field Format X-TIMESTAMP", json(t).get("responseMessage").asText());
            String token = tokenOf("doku", DOKU);
            assertCode("4002501", pay(token, VA_BODY, VA_BODY, ts, externalId()));
        }
        assertEquals(0, delivered.size());
    }

    @Test
    void missingHeadersAreRefused() throws Exception {
        for (String header : new String[] {"X-CLIENT-KEY", "X-TIMESTAMP", "X-SIGNATURE"}) {
            Map<String, String> h = SnapClient.tokenHeaders(providerKey, DOKU, SnapClient.now());
            h.remove(header);
            HttpResponse<String> r = client.post("/doku/v1.0/access-token/b2b", "{\"grantType\":\"client_credentials\"}", h);
            assertCode("4007302", r);
            assertEquals("Invalid Mandatory Field " + header, json(r).get("responseMessage").asText());
        }
        HttpResponse<String> noGrant = client.post("/doku/v1.0/access-token/b2b", "{\"additionalInfo\":{}}",
                SnapClient.tokenHeaders(providerKey, DOKU, SnapClient.now()));
        assertCode("4007302", noGrant);
        assertCode("4007301", client.post("/doku/v1.0/access-token/b2b", "{\"grantType\":\"password\"}",
                SnapClient.tokenHeaders(providerKey, DOKU, SnapClient.now())));
        String token = tokenOf("doku", DOKU);
        String id = externalId();
        for (String header : new String[] {"Authorization", "X-TIMESTAMP", "X-SIGNATURE", "X-PARTNER-ID",
                "X-EXTERNAL-ID", "CHANNEL-ID"}) {
            Map<String, String> h = SnapClient.symmetricHeaders(DOKU_SECRET, token, PAYMENT, VA_BODY, SnapClient.now(),
                    DOKU, id);
            h.remove(header);
            HttpResponse<String> r = client.post(PAYMENT, VA_BODY, h);
            assertCode("4002502", r);
            assertEquals("Invalid Mandatory Field " + header, json(r).get("responseMessage").asText());
        }
        assertEquals(0, delivered.size());
        // refused at the first check: none of them used up the X-EXTERNAL-ID
        assertCode("2002500", pay(token, VA_BODY, VA_BODY, SnapClient.now(), id));
    }

    @Test
    void replayedExternalIdIsRefused() throws Exception {
        String token = tokenOf("doku", DOKU);
        String id = externalId();
        Map<String, String> h = SnapClient.symmetricHeaders(DOKU_SECRET, token, PAYMENT, VA_BODY, SnapClient.now(), DOKU, id);
        assertCode("2002500", client.post(PAYMENT, VA_BODY, h));
        HttpResponse<String> again = client.post(PAYMENT, VA_BODY, h);
        assertCode("4092500", again);
        assertEquals("Conflict", json(again).get("responseMessage").asText());
        // signed afresh (new timestamp), same X-EXTERNAL-ID the same day: still a replay
        assertCode("4092500", pay(token, VA_BODY, VA_BODY, SnapClient.now(), id));
        assertEquals(1, delivered.size(), "delivered once");
        assertCode("2002500", pay(token, VA_BODY, VA_BODY, SnapClient.now(), externalId()));
    }

    @Test
    void bodyThatIsNotJsonIsRefused() throws Exception {
        String token = tokenOf("doku", DOKU);
        for (String body : new String[] {"partnerServiceId=888994", "{\"a\":1", "[1,2]", "{\"a\":1}{\"b\":2}"}) {
            HttpResponse<String> r = pay(token, body, body, SnapClient.now(), externalId());
            assertCode("4002501", r);
            assertEquals("Invalid Field Format body", json(r).get("responseMessage").asText());
        }
        assertCode("4002502", pay(token, "", "", SnapClient.now(), externalId()));
        assertCode("4007301", client.post("/doku/v1.0/access-token/b2b", "grantType=client_credentials",
                SnapClient.tokenHeaders(providerKey, DOKU, SnapClient.now())));
        assertEquals(0, delivered.size());
    }

    @Test
    void whiteSpaceInsideStringsIsSignedAndKept() throws Exception {
        String token = tokenOf("doku", DOKU);
        // sent pretty-printed, signed in its minified form, which keeps the spaces inside strings
        String pretty = "{\n  \"partnerServiceId\": \"  888994\",\n  \"virtualAccountName\": \"Budi  Santoso \",\n"
                + "  \"paidAmount\": { \"value\": \"12500.00\", \"currency\": \"IDR\" }\n}";
        String minified = "{\"partnerServiceId\":\"  888994\",\"virtualAccountName\":\"Budi  Santoso \","
                + "\"paidAmount\":{\"value\":\"12500.00\",\"currency\":\"IDR\"}}";
        assertCode("2002500", pay(token, pretty, minified, SnapClient.now(), externalId()));
        assertEquals(pretty, delivered.get(0).getMessage().getBody(String.class), "delivered exactly as received");
        // a signer that strips the spaces inside strings (the minifier bug SDKs had) signs another body
        String stripped = minified.replace("  888994", "888994").replace("Budi  Santoso ", "BudiSantoso");
        assertCode("4012500", pay(token, pretty, stripped, SnapClient.now(), externalId()));
        assertEquals(1, delivered.size());
    }

    @Test
    void onlyPathsBelowTheProviderArePosted() throws Exception {
        String token = tokenOf("doku", DOKU);
        for (String path : new String[] {"/doku", "/dokux/v1.0/transfer-va/payment"}) {
            HttpResponse<String> r = client.post(path, VA_BODY, SnapClient.symmetricHeaders(DOKU_SECRET, token, path,
                    VA_BODY, SnapClient.now(), DOKU, externalId()));
            assertEquals(404, r.statusCode(), path + ": " + r.body());
        }
        java.net.http.HttpResponse<String> get = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://127.0.0.1:" + app.context().resolvePropertyPlaceholders("{{b2b.inbound.port}}") + PAYMENT))
                        .GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode());
        assertEquals(0, delivered.size());
    }

    @Test
    void theApplicationsOwnResponseCodeStands() throws Exception {
        String token = tokenOf("doku", DOKU);
        String unknown = VA_BODY.replace("INV-1", "UNKNOWN-VA");
        HttpResponse<String> r = pay(token, unknown, unknown, SnapClient.now(), externalId());
        assertCode("4042412", r);
        assertEquals("Invalid Bill/Virtual Account", json(r).get("responseMessage").asText());
        assertEquals(1, delivered.size());
    }

    @Test
    void aFailingApplicationRouteIsAnsweredGeneralErrorAndTheIdMaySendAgain() throws Exception {
        String token = tokenOf("doku", DOKU);
        String id = externalId();
        String failing = VA_BODY.replace("INV-1", "FAIL");
        try (LogCapture logs = new LogCapture()) {
            HttpResponse<String> r = pay(token, failing, failing, SnapClient.now(), id);
            assertCode("5002500", r);
            assertEquals("General Error", json(r).get("responseMessage").asText());
            assertFalse(r.body().contains("database down"), "no exception text goes back");
            assertEquals(1, logs.lines("INFO", "outcome=rejected responseCode=5002500 reason=General Error:"
                    + " java.lang.IllegalStateException in direct:b2b-inbound-doku").size(), logs.lines().toString());
        }
        // the X-EXTERNAL-ID was released: the provider's retry is taken
        assertCode("2002500", pay(token, VA_BODY, VA_BODY, SnapClient.now(), id));
    }
}

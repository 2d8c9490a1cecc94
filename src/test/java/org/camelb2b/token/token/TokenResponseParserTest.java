package org.camelb2b.token.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.camelb2b.token.dialect.Dialect;
import org.camelb2b.token.dialect.Dialects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenResponseParserTest {

    static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJleHAiOjE2NjUxMjc3OTEsIm5iZiI6MTY2NTEyNjg5MSwiaXNzIjoiRE9LVSIsImlhdCI6";
    static final Dialect SNAP = Dialects.named("snap");
    static final Dialect KLIKOO = Dialects.named("klikoo");
    final TokenResponseParser snap = new TokenResponseParser("doku", SNAP.tokenResponse());
    final TokenResponseParser klikoo = new TokenResponseParser("klikoo", KLIKOO.tokenResponse());

    static String snapBody(String code, String message, String extra) {
        return "{\"responseCode\":\"" + code + "\",\"responseMessage\":\"" + message + "\"" + extra + "}";
    }

    static String snapSuccess(String expiresIn, String tokenType) {
        return snapBody("2007300", "Successful", ",\"accessToken\":\"" + TOKEN + "\",\"tokenType\":" + tokenType
                + ",\"expiresIn\":" + expiresIn + ",\"additionalInfo\":\"\"");
    }

    TokenAcquisitionException snapFails(int status, String body) {
        return assertThrows(TokenAcquisitionException.class, () -> snap.parse(status, body, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"900", "\"900\"", "900.0", "\" 900 \""})
    void snapSuccessWithExpiresInAsNumberOrString(String expiresIn) {
        AccessToken token = snap.parse(200, snapSuccess(expiresIn, "\"Bearer\""), 1_000L);
        assertEquals("doku", token.provider());
        assertEquals(TOKEN, token.value());
        assertEquals("Bearer", token.tokenType());
        assertEquals(Duration.ofSeconds(900), token.lifetime());
        assertEquals(1_000L, token.requestedAtNanos());
        assertEquals(1_000L + 900_000_000_000L, token.expiresAtNanos());
        assertEquals("Bearer " + TOKEN, token.authorizationHeader());
        assertFalse(token.toString().contains(TOKEN.substring(4, 24)), token.toString());
    }

    @Test
    void klikooSuccessReadsTheDataObject() {
        AccessToken token = klikoo.parse(200, "{\"response_code\":\"200012000\",\"response_message\":\"Sukses\","
                + "\"data\":{\"access_token\":\"user_access_token_0123456789\",\"token_type\":\"Bearer\",\"expires_in\":900}}", 5L);
        assertEquals("klikoo", token.provider());
        assertEquals("user_access_token_0123456789", token.value());
        assertEquals(Duration.ofSeconds(900), token.lifetime());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "401|4017300|Unauthorized. Signature|401|73|00",
            "401|4017300|Unauthorized. Unknown Client|401|73|00",
            "400|4007301|Invalid Field Format X-TIMESTAMP|400|73|01",
            "400|4007302|Invalid Mandatory Field X-CLIENT-KEY|400|73|02",
            "429|4297300|Too Many Requests|429|73|00",
            "500|5007300|General Error|500|73|00",
            "504|5047300|Timeout|504|73|00",
    })
    void snapErrorCodesAreTypedWithTheirParts(int status, String code, String message, int http, String service,
                                              String caseCode) {
        TokenAcquisitionException e = snapFails(status, snapBody(code, message, ""));
        assertEquals("doku", e.provider());
        assertEquals(status, e.httpStatus());
        assertEquals(code, e.responseCode().raw());
        assertEquals(http, e.responseCode().httpStatus());
        assertEquals(service, e.responseCode().serviceCode());
        assertEquals(caseCode, e.responseCode().caseCode());
        assertEquals(message, e.providerMessage());
        assertTrue(e.getMessage().contains("'doku'") && e.getMessage().contains(code), e.getMessage());
    }

    @Test
    void http200WithAFailingCodeIsAFailure() {
        TokenAcquisitionException e = snapFails(200, snapBody("4017300", "Unauthorized. Signature", ""));
        assertEquals(200, e.httpStatus());
        assertEquals("4017300", e.responseCode().raw());
    }

    @Test
    void successCodeWithANon200StatusIsAFailure() {
        TokenAcquisitionException e = snapFails(500, snapSuccess("900", "\"Bearer\""));
        assertTrue(e.getMessage().contains("non-200"), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN), "the token must not be in the message");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "401016570|Kredensial salah|401|01|6570",
            "400016508|Signature tidak valid|400|01|6508",
            "403016571|IP not whitelisted|403|01|6571",
            "4010165|short code from the docs|401|01|65",
    })
    void klikooErrorCodes(String code, String message, int http, String service, String caseCode) {
        TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class, () -> klikoo.parse(http,
                "{\"response_code\":\"" + code + "\",\"response_message\":\"" + message + "\",\"data\":null}", 0));
        assertEquals("klikoo", e.provider());
        assertEquals(http, e.responseCode().httpStatus());
        assertEquals(service, e.responseCode().serviceCode());
        assertEquals(caseCode, e.responseCode().caseCode());
        assertEquals(message, e.providerMessage());
    }

    @Test
    void bodiesThatAreNotATokenResponse() {
        TokenAcquisitionException html = snapFails(502, "<html><body>Bad Gateway</body></html>");
        assertEquals(502, html.httpStatus());
        assertNull(html.responseCode());
        assertTrue(html.getMessage().contains("not JSON"), html.getMessage());
        assertTrue(snapFails(200, "{\"responseCode\":\"2007300\",\"accessTo").getMessage().contains("truncated"));
        assertTrue(snapFails(200, "").getMessage().contains("empty"));
        assertTrue(snapFails(200, null).getMessage().contains("empty"));
        assertTrue(snapFails(200, "[1,2]").getMessage().contains("not an object"));
        assertTrue(snapFails(200, "{\"accessToken\":\"x\"}").getMessage().contains("no responseCode"));
        assertTrue(snapFails(200, "{\"responseCode\":{\"a\":1}}").getMessage().contains("no responseCode"));
        assertTrue(assertThrows(TokenAcquisitionException.class, () -> klikoo.parse(200,
                "{\"response_code\":\"200012000\",\"response_message\":\"Sukses\"}", 0)).getMessage().contains("no data"));
    }

    @Test
    void missingOrBlankTokenAndWrongType() {
        assertTrue(snapFails(200, snapBody("2007300", "Successful", ",\"tokenType\":\"Bearer\",\"expiresIn\":900"))
                .getMessage().contains("no accessToken"));
        assertTrue(snapFails(200, snapBody("2007300", "Successful", ",\"accessToken\":\"  \",\"tokenType\":\"Bearer\","
                + "\"expiresIn\":900")).getMessage().contains("no accessToken"));
        assertTrue(snapFails(200, snapSuccess("900", "\"Mac\"")).getMessage().contains("'Mac', expected Bearer"));
        assertTrue(snapFails(200, snapSuccess("900", "null")).getMessage().contains("missing, expected Bearer"));
        assertEquals("Bearer", snap.parse(200, snapSuccess("900", "\"bearer\""), 0).tokenType());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "null|expiresIn is missing",
            "0|not a positive lifetime",
            "-5|not a positive lifetime",
            "\"abc\"|not a number",
            "1.5|not a whole number",
            "99999999999|not a whole number of seconds up to a year",
            "true|not a number",
    })
    void badLifetimes(String expiresIn, String expected) {
        TokenAcquisitionException e = snapFails(200, snapSuccess(expiresIn, "\"Bearer\""));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals("2007300", e.responseCode().raw());
        assertFalse(e.getMessage().contains(TOKEN));
    }

    @Test
    void expiresInAbsentAltogether() {
        assertTrue(snapFails(200, snapBody("2007300", "Successful", ",\"accessToken\":\"" + TOKEN
                + "\",\"tokenType\":\"Bearer\"")).getMessage().contains("expiresIn is missing"));
    }

    /** A success answer in either dialect carrying {@code tokenJson} (the JSON text of the string's content). */
    static String success(Dialect dialect, String tokenJson) {
        return dialect == SNAP
                ? snapBody("2007300", "Successful", ",\"accessToken\":\"" + tokenJson + "\",\"tokenType\":\"Bearer\",\"expiresIn\":900")
                : "{\"response_code\":\"200012000\",\"response_message\":\"Sukses\",\"data\":{\"access_token\":\""
                + tokenJson + "\",\"token_type\":\"Bearer\",\"expires_in\":900}}";
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "SNAP|secretpart\\r\\nX-Injected: 1|a line break (character 11 of",
            "SNAP|secretpart\\nmore|a line break",
            "SNAP|secretpart more|a space (character 11 of 15)",
            "SNAP|secretpart\\u0007more|a control character",
            "SNAP|secretpart\\u007fmore|a control character",
            "SNAP|secretpart-t\u00f6ken|a non-ASCII character (character 13 of 16)",
            "SNAP|secretpart-\\u65e5\\u672c|a non-ASCII character",
            "SNAP|secretpart\\u00a0more|a non-ASCII character",
            "KLIKOO|secretpart\\r\\nX-Injected: 1|a line break",
            "KLIKOO|secretpart-t\u00f6ken|a non-ASCII character",
            "KLIKOO|secretpart\\tmore|a control character",
    })
    void tokensAnAuthorizationHeaderCannotCarryAreFailures(String dialectName, String tokenJson, String expected) {
        Dialect dialect = Dialects.named(dialectName);
        TokenResponseParser parser = dialect == SNAP ? snap : klikoo;
        TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class,
                () -> parser.parse(200, success(dialect, tokenJson), 0));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains("only visible ASCII (0x21-0x7E)"), e.getMessage());
        assertTrue(e.getMessage().contains(dialect == SNAP ? "accessToken" : "access_token"), e.getMessage());
        assertTrue(e.getMessage().contains(dialect == SNAP ? "'doku'" : "'klikoo'"), e.getMessage());
        assertFalse(e.getMessage().contains("secret") || e.getMessage().contains("more") || e.getMessage().contains("Injected")
                || e.getMessage().contains("t\u00f6") || e.getMessage().contains("\u65e5"),
                "no part of the token in the message: " + e.getMessage());
        assertTrue(e.retryable(), "a malformed success: asking again may help");
    }

    @Test
    void tokensLongerThanTheMaximumAreFailures() {
        String atLimit = "a".repeat(TokenResponseParser.DEFAULT_MAX_TOKEN_LENGTH);
        assertEquals(atLimit, snap.parse(200, success(SNAP, atLimit), 0).value());
        for (Dialect dialect : Dialects.all()) {
            TokenResponseParser parser = dialect == SNAP ? snap : klikoo;
            String twoMegabytes = "Q".repeat(2 * 1024 * 1024);
            TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class,
                    () -> parser.parse(200, success(dialect, twoMegabytes), 0));
            assertTrue(e.getMessage().contains("is 2097152 characters long, longer than the 4096 allowed (token.max-length)"),
                    e.getMessage());
            assertFalse(e.getMessage().contains("QQQQ"), e.getMessage());
        }
        TokenResponseParser strict = new TokenResponseParser("doku", SNAP.tokenResponse(), 20);
        assertTrue(assertThrows(TokenAcquisitionException.class, () -> strict.parse(200, success(SNAP,
                "a".repeat(21)), 0)).getMessage().contains("21 characters long, longer than the 20 allowed"));
    }

    @Test
    void everyVisibleAsciiCharacterIsAccepted() {
        StringBuilder all = new StringBuilder();
        StringBuilder json = new StringBuilder();
        for (char c = 0x21; c <= 0x7E; c++) {
            all.append(c);
            json.append(c == '"' || c == '\\' ? "\\" + c : String.valueOf(c));
        }
        assertEquals(all.toString(), snap.parse(200, success(SNAP, json.toString()), 0).value());
        assertEquals(all.toString(), klikoo.parse(200, success(KLIKOO, json.toString()), 0).value());
    }

    /** Durianpay's sample: tokenType BearerToken and expiresIn the expiry's date-time, only where the preset says so. */
    @Test
    void tokenTypesAndADateTimeLifetimeOnlyWhereTheProviderSaysSo() {
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-11-23T03:00:00Z"), java.time.ZoneOffset.UTC);
        TokenResponseParser durianpay = new TokenResponseParser("durianpay", SNAP.tokenResponse(), 4096,
                java.util.List.of("Bearer", "BearerToken"), true, clock);
        AccessToken t = durianpay.parse(200, snapSuccess("\"2026-11-23T10:15:00+07:00\"", "\"BearerToken\""), 0);
        assertEquals(java.time.Duration.ofMinutes(15), t.lifetime());
        assertEquals("Bearer " + TOKEN, t.authorizationHeader(), "sent as Bearer whatever the answer called it");
        assertEquals(java.time.Duration.ofSeconds(900), durianpay.parse(200, snapSuccess("900", "\"bearer\""), 0).lifetime());

        // the generic snap provider takes neither
        assertTrue(snapFails(200, snapSuccess("900", "\"BearerToken\"")).getMessage()
                .contains("tokenType is 'BearerToken', expected Bearer"));
        assertTrue(snapFails(200, snapSuccess("\"2026-11-23T10:15:00+07:00\"", "\"Bearer\"")).getMessage()
                .contains("expiresIn is not a number"));
        // an expiry already past is no lifetime
        assertThrows(TokenAcquisitionException.class,
                () -> durianpay.parse(200, snapSuccess("\"2026-11-23T09:00:00+07:00\"", "\"Bearer\""), 0));
    }
}

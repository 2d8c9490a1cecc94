package org.camelb2b.token.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camelb2b.token.cache.CachePolicy;
import org.camelb2b.token.dialect.Dialects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderConfigLoaderTest {

    static final String SECRET = "super-secret-client-secret-value";
    static final String PASS = "doku-sandbox-pass";
    final Map<String, String> props = new HashMap<>();

    ProviderConfig load(String id) {
        return new ProviderConfigLoader(k -> Optional.ofNullable(props.get(k))).load(id);
    }

    ConfigurationException fails(String id) {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> load(id));
        assertFalse(e.getMessage().contains(SECRET) || e.getMessage().contains(PASS), e.getMessage());
        return e;
    }

    void doku() {
        props.put("b2b.doku.base-url", "https://api-sandbox.doku.com/");
        props.put("b2b.doku.client-id", "MCH-0008-1296507211683");
        props.put("b2b.doku.private-key", "classpath:keys/rsa-pkcs8-encrypted-3des.pem");
        props.put("b2b.doku.private-key-passphrase", PASS);
        props.put("b2b.doku.client-secret", SECRET);
    }

    @Test
    void snapDefaults() {
        doku();
        ProviderConfig c = load("doku");
        assertEquals(Dialects.named("snap"), c.dialect());
        assertEquals("https://api-sandbox.doku.com/authorization/v1/access-token/b2b", c.tokenUrl());
        assertEquals(ZoneOffset.UTC, c.timestampFormat().zone());
        assertFalse(c.timestampFormat().millis());
        assertFalse(c.signSortedQuery());
        assertEquals(64, c.keyFingerprint().length());
        assertFalse(c.toString().contains(SECRET), c.toString());
    }

    @Test
    void klikooDefaultsAndRequiredSecret() {
        props.put("b2b.klikoo.dialect", "klikoo");
        props.put("b2b.klikoo.base-url", "https://b2b.klikoo.id/klikoo-b2b");
        props.put("b2b.klikoo.client-id", "3f9c8962-4c4b-4bb6-b3c1-8fc883519c02");
        props.put("b2b.klikoo.private-key", "classpath:keys/rsa-pkcs8.pem");
        assertEquals("b2b.klikoo.client-secret: is not set", fails("klikoo").problems().get(0));
        props.put("b2b.klikoo.client-secret", SECRET);
        ProviderConfig c = load("klikoo");
        assertEquals("https://b2b.klikoo.id/klikoo-b2b/v1/open-api/access-token", c.tokenUrl());
        assertEquals(ZoneOffset.ofHours(7), c.timestampFormat().zone());
    }

    @Test
    void overrides() {
        doku();
        props.put("b2b.doku.token-path", "/snap/v1.0/access-token/b2b");
        props.put("b2b.doku.timestamp-zone", "+07:00");
        props.put("b2b.doku.timestamp-millis", "TRUE");
        props.put("b2b.doku.sign-sorted-query", "true");
        ProviderConfig c = load("doku");
        assertEquals("https://api-sandbox.doku.com/snap/v1.0/access-token/b2b", c.tokenUrl());
        assertEquals(ZoneOffset.ofHours(7), c.timestampFormat().zone());
        assertTrue(c.timestampFormat().millis());
        assertTrue(c.signSortedQuery());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "b2b.doku.client-id|''|b2b.doku.client-id: is empty",
            "b2b.doku.base-url|ftp://x|b2b.doku.base-url: must be an http:// or https:// URL",
            "b2b.doku.base-url|localhost:8080|b2b.doku.base-url: must be an http:// or https:// URL",
            "b2b.doku.base-url|https://x/?a=1|b2b.doku.base-url: must not carry a query",
            "b2b.doku.private-key|/no/such/key.pem|b2b.doku.private-key: no such key file: '/no/such/key.pem'",
            "b2b.doku.private-key|classpath:keys/rsa-public.pem|b2b.doku.private-key: classpath resource 'keys/rsa-public.pem' holds a public key",
            "b2b.doku.private-key-passphrase|wrong|b2b.doku.private-key: classpath resource 'keys/rsa-pkcs8-encrypted-3des.pem' cannot be decrypted",
            "b2b.doku.dialect|soap|b2b.doku.dialect: unknown dialect 'soap'",
            "b2b.doku.timestamp-zone|+25:00|b2b.doku.timestamp-zone:",
            "b2b.doku.timestamp-millis|yes|b2b.doku.timestamp-millis: must be true or false",
            "b2b.doku.token-path|access-token|b2b.doku.token-path: must be a path starting with '/'",
    })
    void eachBadSettingIsNamed(String key, String value, String expected) {
        doku();
        props.put(key, value);
        ConfigurationException e = fails("doku");
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).startsWith(expected), e.problems().get(0));
    }

    @Test
    void missingSettingsAreAllReportedTogether() {
        ConfigurationException e = fails("bri");
        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(e.problems().contains("b2b.bri.base-url: is not set"));
        assertTrue(e.problems().contains("b2b.bri.client-id: is not set"));
        assertTrue(e.problems().contains("b2b.bri.private-key: is not set"));
    }

    @Test
    void providerIdsArePlain() {
        assertTrue(fails("Doku Prod").getMessage().contains("provider id 'Doku Prod'"));
    }

    @Test
    void tokenSettingsPerProviderWinOverGlobalOnesAndDefaultsFillTheRest() {
        doku();
        assertEquals(CachePolicy.DEFAULT, load("doku").cachePolicy());
        props.put("b2b.token.max-length", "2048");
        assertEquals(2048, load("doku").cachePolicy().maxTokenLength());
        props.put("b2b.doku.token.max-length", "8192");
        assertEquals(8192, load("doku").cachePolicy().maxTokenLength());
        props.put("b2b.token.min-request-interval-ms", "5000");
        assertEquals(java.time.Duration.ofSeconds(5), load("doku").cachePolicy().minRequestInterval());
        props.put("b2b.doku.token.probe-interval-ms", "750");
        assertEquals(java.time.Duration.ofMillis(750), load("doku").cachePolicy().probeInterval());
        assertEquals(8192, load("doku").cachePolicy().maxTokenLength());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "b2b.doku.token.max-length|abc|b2b.doku.token.max-length: must be a whole number of characters, was 'abc'",
            "b2b.doku.token.max-length|8|b2b.doku.token.max-length: must be between 16 and 65536 characters, was 8",
            "b2b.token.max-length|100000|b2b.token.max-length: must be between 16 and 65536 characters, was 100000",
            "b2b.doku.token.min-request-interval-ms|0|b2b.doku.token.min-request-interval-ms: must be between 100 and 60000 ms, was 0",
            "b2b.token.min-request-interval-ms|2s|b2b.token.min-request-interval-ms: must be a whole number of milliseconds, was '2s'",
            "b2b.doku.token.probe-interval-ms|50|b2b.doku.token.probe-interval-ms: must be between 100 and 600000 ms, was 50",
            "b2b.token.probe-interval-ms|-1|b2b.token.probe-interval-ms: must be between 100 and 600000 ms, was -1",
    })
    void badTokenSettingsAreNamedInFull(String key, String value, String expected) {
        doku();
        props.put(key, value);
        ConfigurationException e = fails("doku");
        assertEquals(List.of(expected), e.problems());
    }

    @Test
    void callLimitsPerProviderWinOverGlobalOnesAndDefaultsFillTheRest() {
        doku();
        assertEquals(CallLimits.DEFAULT, load("doku").callLimits());
        props.put("b2b.max-concurrent-calls", "8");
        props.put("b2b.http.response-timeout-ms", "2500");
        assertEquals(8, load("doku").callLimits().maxConcurrentCalls());
        props.put("b2b.doku.max-concurrent-calls", "3");
        props.put("b2b.doku.call-queue-timeout-ms", "0");
        CallLimits limits = load("doku").callLimits();
        assertEquals(3, limits.maxConcurrentCalls());
        assertEquals(java.time.Duration.ZERO, limits.queueTimeout());
        assertEquals(java.time.Duration.ofMillis(2500), limits.responseTimeout());
        assertEquals(CallLimits.DEFAULT.connectTimeout(), limits.connectTimeout());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "b2b.max-concurrent-calls|0|b2b.max-concurrent-calls: must be between 1 and 10000 calls, was 0",
            "b2b.doku.max-concurrent-calls|many|b2b.doku.max-concurrent-calls: must be a whole number of calls, was 'many'",
            "b2b.doku.call-queue-timeout-ms|60001|b2b.doku.call-queue-timeout-ms: must be between 0 and 60000 ms, was 60001",
            "b2b.http.connect-timeout-ms|5s|b2b.http.connect-timeout-ms: must be a whole number of milliseconds, was '5s'",
            "b2b.doku.http.response-timeout-ms|0|b2b.doku.http.response-timeout-ms: must be between 1 and 600000 ms, was 0",
            "b2b.token.refresh-to|1.5|b2b.token.refresh-to: must be between 0 and 1 (exclusive), was 1.5",
            "b2b.doku.token.refresh-from|most|b2b.doku.token.refresh-from: must be a fraction such as 0.75, was 'most'",
            "b2b.doku.token.refresh-from|0.9|b2b.doku.token.refresh-from: must not be after token.refresh-to (0.9 > 0.8)",
    })
    void badSharedSettingsAreNamedAsGiven(String key, String value, String expected) {
        doku();
        props.put(key, value);
        ConfigurationException e = fails("doku");
        assertEquals(List.of(expected), e.problems());
    }

    @Test
    void aProvidersOwnWrongValueIsNotReplacedByTheGlobalOne() {
        doku();
        props.put("b2b.max-concurrent-calls", "8");
        props.put("b2b.doku.max-concurrent-calls", "-1");
        assertEquals(List.of("b2b.doku.max-concurrent-calls: must be between 1 and 10000 calls, was -1"),
                fails("doku").problems());
    }

    @Test
    void blankValuesAreNotSet() {
        doku();
        props.put("b2b.doku.token-path", " ");
        props.put("b2b.doku.timestamp-zone", "");
        props.put("b2b.doku.max-concurrent-calls", " ");
        props.put("b2b.max-concurrent-calls", "5");
        ProviderConfig c = load("doku");
        assertEquals("https://api-sandbox.doku.com/authorization/v1/access-token/b2b", c.tokenUrl());
        assertEquals(ZoneOffset.UTC, c.timestampFormat().zone());
        assertEquals(5, c.callLimits().maxConcurrentCalls());
    }
}

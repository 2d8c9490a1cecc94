package org.camelb2b.token.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.camelb2b.token.testing.Await;
import org.camelb2b.token.testing.FreePort;
import org.camelb2b.token.provider.ConfigurationException;
import org.camelb2b.token.sandbox.SandboxClient;
import org.camelb2b.token.sandbox.SandboxProvider;
import org.camelb2b.token.testing.Keys;
import org.camelb2b.token.testing.TestApp;
import org.camelb2b.token.token.AccessToken;
import org.camelb2b.token.token.TokenAcquisitionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The YAML token routes of the standalone app, over real HTTP on loopback, against the sandbox
 * provider, which verifies every RSA signature with the registered public key.
 */
class TokenRouteTest {

    static final String DOKU_CLIENT = "MCH-0008-TEST-0001";
    static final String KLIKOO_CLIENT = "0b5b5e51-7a4c-4d2e-9d55-0e8f1a2b3c4d";
    static final String KLIKOO_SECRET = "0123456789abcdef0123456789abcdef";
    static final String BRI_CLIENT = "BRI-TEST-0001";
    static final String WRONG_KEY_CLIENT = "MCH-REGISTERED-WITH-ANOTHER-KEY";

    SandboxProvider sandbox;

    @BeforeEach
    void startSandbox() throws Exception {
        sandbox = SandboxProvider.start("127.0.0.1", 0, List.of(
                new SandboxClient("snap", DOKU_CLIENT, null, Keys.publicKey()),
                new SandboxClient("klikoo", KLIKOO_CLIENT, KLIKOO_SECRET, Keys.publicKey()),
                new SandboxClient("snap", BRI_CLIENT, null, Keys.publicKey()),
                new SandboxClient("snap", WRONG_KEY_CLIENT, null, Keys.otherPublicKey())));
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    /** DOKU with its encrypted PKCS#8 key, Klikoo with PKCS#8, and a third SNAP provider with PKCS#1. */
    Map<String, String> settings() {
        Map<String, String> p = new HashMap<>();
        p.put("camel.main.routes-include-pattern",
                "file:" + Path.of("routes").toAbsolutePath() + "/*.yaml,classpath:test-routes/bri.yaml");
        p.put("b2b.doku.base-url", sandbox.baseUrl());
        p.put("b2b.doku.client-id", DOKU_CLIENT);
        p.put("b2b.doku.private-key", Keys.ENCRYPTED_3DES);
        p.put("b2b.doku.private-key-passphrase", Keys.PASSPHRASE);
        p.put("b2b.klikoo.base-url", sandbox.baseUrl() + "/klikoo-b2b");
        p.put("b2b.klikoo.client-id", KLIKOO_CLIENT);
        p.put("b2b.klikoo.client-secret", KLIKOO_SECRET);
        p.put("b2b.klikoo.private-key", Keys.PKCS8);
        p.put("b2b.bri.base-url", sandbox.baseUrl());
        p.put("b2b.bri.client-id", BRI_CLIENT);
        p.put("b2b.bri.private-key", Keys.PKCS1);
        p.put("b2b.bri.token-path", "/snap/v1.0/access-token/b2b");
        p.put("b2b.bri.timestamp-zone", "+07:00");
        p.put("b2b.bri.timestamp-millis", "true");
        return p;
    }

    static AccessToken token(TestApp app, String provider) {
        Exchange result = app.template().send("direct:b2b-token-" + provider, e -> { });
        if (result.getException() != null) {
            throw (RuntimeException) result.getException();
        }
        return result.getMessage().getBody(AccessToken.class);
    }

    @Test
    void acquiresTokensFromEveryProviderWithEveryKeyFormat() throws Exception {
        try (TestApp app = TestApp.start(settings())) {
            for (String[] p : new String[][] {{"doku", DOKU_CLIENT}, {"klikoo", KLIKOO_CLIENT}, {"bri", BRI_CLIENT}}) {
                AccessToken token = token(app, p[0]);
                assertNotNull(token, p[0]);
                assertEquals(p[0], token.provider());
                assertEquals("Bearer", token.tokenType());
                assertEquals(Duration.ofSeconds(900), token.lifetime());
                assertTrue(sandbox.isValidToken(token.value()), p[0] + ": the sandbox did not issue " + token);
                assertEquals(1, sandbox.tokenRequests(p[1]), p[0] + " token requests");
                assertEquals(1, sandbox.tokensIssued(p[1]), p[0] + " tokens issued");
            }
        }
    }

    @Test
    void secondRequestIsServedFromTheCache() throws Exception {
        try (TestApp app = TestApp.start(settings())) {
            AccessToken first = token(app, "doku");
            AccessToken second = token(app, "doku");
            assertSame(first, second);
            assertEquals(1, sandbox.tokenRequests(DOKU_CLIENT));
        }
    }

    @Test
    void providerRejectionIsATypedErrorAndIsNotRepeated() throws Exception {
        Map<String, String> p = settings();
        p.put("b2b.doku.client-id", WRONG_KEY_CLIENT);
        try (TestApp app = TestApp.start(p)) {
            TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class, () -> token(app, "doku"));
            assertEquals("doku", e.provider());
            assertEquals(401, e.httpStatus());
            assertEquals("4017300", e.responseCode().raw());
            assertEquals("73", e.responseCode().serviceCode());
            assertEquals("00", e.responseCode().caseCode());
            assertEquals("Unauthorized. Signature", e.providerMessage());
            assertTrue(e.getMessage().contains("'doku'") && e.getMessage().contains("4017300"), e.getMessage());

            // a signature rejection cannot be fixed by asking again: the next caller fails at once,
            // with the same code, and the provider is not asked again until the hold-off ends
            TokenAcquisitionException again = assertThrows(TokenAcquisitionException.class, () -> token(app, "doku"));
            assertEquals("4017300", again.responseCode().raw());
            assertTrue(again.getMessage().contains("provider is failing"), again.getMessage());
            assertEquals(1, sandbox.tokenRequests(WRONG_KEY_CLIENT), "not hammered");
            assertEquals(0, sandbox.tokensIssued(WRONG_KEY_CLIENT));
        }
    }

    @Test
    void unknownClientCarriesTheProvidersCode() throws Exception {
        Map<String, String> p = settings();
        p.put("b2b.klikoo.client-id", "11111111-2222-4333-8444-555555555555");
        try (TestApp app = TestApp.start(p)) {
            TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class, () -> token(app, "klikoo"));
            assertEquals("klikoo", e.provider());
            assertEquals("401016570", e.responseCode().raw());
            assertEquals(401, e.responseCode().httpStatus());
            assertEquals("6570", e.responseCode().caseCode());
        }
    }

    @Test
    void unreachableProviderIsATypedErrorNamingIt() throws Exception {
        Map<String, String> p = settings();
        p.put("b2b.doku.base-url", "http://127.0.0.1:" + FreePort.find());
        try (TestApp app = TestApp.start(p)) {
            TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class, () -> token(app, "doku"));
            assertEquals("doku", e.provider());
            assertEquals(-1, e.httpStatus());
            assertTrue(e.getMessage().contains("no response from"), e.getMessage());
        }
    }

    @Test
    void warmUpAcquiresATokenForEveryProvider() throws Exception {
        Map<String, String> p = settings();
        p.put("b2b.warmup.enabled", "true");
        try (TestApp app = TestApp.start(p)) {
            Await.until(Duration.ofSeconds(30), () -> sandbox.tokensIssued(DOKU_CLIENT) >= 1
                    && sandbox.tokensIssued(KLIKOO_CLIENT) >= 1 && sandbox.tokensIssued(BRI_CLIENT) >= 1);
            assertEquals(1, sandbox.tokensIssued(DOKU_CLIENT));
            assertEquals(1, sandbox.tokensIssued(KLIKOO_CLIENT));
            assertEquals(1, sandbox.tokensIssued(BRI_CLIENT));
            token(app, "doku");
            assertEquals(1, sandbox.tokenRequests(DOKU_CLIENT), "the first call after warm-up is a cache hit");
        }
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "b2b.doku.private-key|keys/no-such-key.pem|b2b.doku.private-key: no such key file",
            "b2b.doku.client-id|''|b2b.doku.client-id: is empty",
            "b2b.klikoo.private-key|classpath:keys/rsa-public.pem|b2b.klikoo.private-key: classpath resource 'keys/rsa-public.pem' holds a public key",
            "b2b.bri.base-url|localhost:8080|b2b.bri.base-url: must be an http:// or https:// URL",
            "b2b.doku.private-key-passphrase|wrong|b2b.doku.private-key: classpath resource 'keys/rsa-pkcs8-encrypted-3des.pem' cannot be decrypted",
            "b2b.klikoo.timestamp-zone|+25:00|b2b.klikoo.timestamp-zone:",
            "b2b.doku.dialect|soap|b2b.doku.dialect: unknown dialect 'soap'",
    })
    void badSettingStopsStartupNamingIt(String setting, String value, String expected) {
        Map<String, String> p = settings();
        p.put(setting, value);
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> TestApp.start(p).close());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(!e.getMessage().contains(Keys.PASSPHRASE) && !e.getMessage().contains(KLIKOO_SECRET), e.getMessage());
    }

    @Test
    void everyBadSettingIsReportedAtOnce() {
        Map<String, String> p = settings();
        p.put("b2b.doku.client-id", "");
        p.put("b2b.klikoo.base-url", "ftp://example.com");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> TestApp.start(p).close());
        assertEquals(2, e.problems().size(), e.getMessage());
    }

    @Test
    void theApplicationsOwnSettingsAreReportedWithTheProviders() {
        Map<String, String> p = settings();
        p.put("b2b.doku.client-id", "");
        p.put("b2b.warmup.enabled", "yes");
        p.put("b2b.sandbox.enabled", "true");
        p.put("b2b.sandbox.port", "80000");
        p.put("b2b.sandbox.klikoo.public-key", "classpath:no/such/key.pem");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> TestApp.start(p).close());
        assertEquals(List.of("b2b.doku.client-id: is empty",
                "b2b.warmup.enabled: must be true or false, was 'yes'",
                "b2b.sandbox.port: must be a port number 0-65535, was '80000'",
                "b2b.sandbox.klikoo.public-key: no such classpath resource 'no/such/key.pem'"), e.problems());
    }

    @Test
    void builtInSandboxServesTheShippedConfiguration() throws Exception {
        int port = FreePort.find();
        try (TestApp app = TestApp.start(Map.of("b2b.sandbox.enabled", "true", "b2b.sandbox.port", String.valueOf(port)))) {
            AccessToken doku = token(app, "doku");
            AccessToken klikoo = token(app, "klikoo");
            assertInstanceOf(AccessToken.class, doku);
            assertEquals(Duration.ofSeconds(900), doku.lifetime());
            assertEquals(Duration.ofSeconds(900), klikoo.lifetime());
        }
    }
}

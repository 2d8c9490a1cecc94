package org.camelb2b.token.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.camelb2b.token.payment.PaymentHeaders;
import org.camelb2b.token.provider.Preset;
import org.camelb2b.token.testing.Keys;
import org.camelb2b.token.testing.SandboxSetup;
import org.camelb2b.token.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every preset against the sandbox configured with that provider's rules ({@code /presets/<name>},
 * {@link SandboxRules}; Klikoo's own sandbox): a token and a signed payment call that the sandbox
 * verifies, with the provider declared by {@code b2b.<p>.preset} and its credentials alone. And
 * what makes each preset necessary: the same call built with the generic SNAP settings
 * ({@code preset=snap}) refused by that provider's rules.
 */
class PresetSandboxTest {

    static final String CLIENT = "PRESET-CLIENT-1";
    static final String SECRET = "preset-client-secret-0123456789";
    static final String QUERY_PATH = "/v1.0/transfer-va/inquiry";

    static SandboxProvider sandbox;
    static TestApp app;

    @BeforeAll
    static void start() throws Exception {
        sandbox = SandboxSetup.start();
        sandbox.register(new SandboxClient("snap", CLIENT, SECRET, Keys.publicKey()));
        Map<String, String> p = SandboxSetup.settings(sandbox);
        for (Preset preset : Preset.values()) {
            boolean klikoo = preset == Preset.KLIKOO;
            String base = klikoo ? sandbox.baseUrl() + "/klikoo-b2b" : sandbox.baseUrl() + SandboxProvider.PRESETS + "/"
                    + preset.presetName();
            // by its preset and credentials alone (no YAML, no endpoint names it)
            credentials(p, "p-" + preset.presetName(), klikoo);
            p.put("b2b.p-" + preset.presetName() + ".preset", preset.presetName());
            p.put("b2b.p-" + preset.presetName() + ".base-url", base);
            // the same provider with the generic SNAP settings
            credentials(p, "g-" + preset.presetName(), klikoo);
            p.put("b2b.g-" + preset.presetName() + ".preset", "snap");
            p.put("b2b.g-" + preset.presetName() + ".base-url", base);
        }
        app = TestApp.start(p);
    }

    static void credentials(Map<String, String> p, String id, boolean klikoo) {
        p.put("b2b." + id + ".client-id", klikoo ? SandboxSetup.KLIKOO_CLIENT : CLIENT);
        p.put("b2b." + id + ".client-secret", klikoo ? SandboxSetup.KLIKOO_SECRET : SECRET);
        p.put("b2b." + id + ".private-key", Keys.PKCS8);
        p.put("b2b." + id + ".private-key-passphrase", "");
        p.put("b2b." + id + ".channel-id", "95221");
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
        sandbox.close();
    }

    static Exchange call(String provider, String path) {
        return app.template().send("direct:b2b-call", e -> {
            e.getMessage().setHeader(PaymentHeaders.PROVIDER, provider);
            e.getMessage().setHeader(PaymentHeaders.PATH, path);
            // parameters out of order: a provider that signs them sorted (BCA) sees the difference
            e.getMessage().setHeader(PaymentHeaders.QUERY, "page=2&channel=web");
            e.getMessage().setBody("{\"partnerServiceId\":\"  888994\",\"inquiryRequestId\":\"INQ-1\"}");
        });
    }

    static String failureOf(Exchange e) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = e.getException(); t != null; t = t.getCause()) {
            messages.add(t.getMessage());
        }
        return String.join(" | ", messages);
    }

    @ParameterizedTest
    @EnumSource(Preset.class)
    void thePresetGetsATokenAndMakesASignedCallTheProvidersRulesAccept(Preset preset) {
        String id = "p-" + preset.presetName();
        boolean klikoo = preset == Preset.KLIKOO;
        String client = klikoo ? SandboxSetup.KLIKOO_CLIENT : CLIENT;
        int accepted = sandbox.paymentsAccepted(client);
        Exchange e = call(id, klikoo ? "/v1/open-api/account/inquiry" : QUERY_PATH);
        assertNull(e.getException(), failureOf(e));
        assertEquals(true, e.getMessage().getHeader(PaymentHeaders.RESPONSE_SUCCESS), String.valueOf(
                e.getMessage().getHeader(PaymentHeaders.RESPONSE_CODE)));
        assertEquals(accepted + 1, sandbox.paymentsAccepted(client));
    }

    /**
     * The generic settings at each provider: what refuses them. DANA's documented facts are the
     * generic ones (its B2B token path is not documented: the preset assumes ASPI's), and the
     * snap preset is the generic form itself: both are accepted.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "doku      | 4047300",
        "bca       | 4047300",
        "bri       | 4047300",
        "bni       | 4047300",
        "btn       | 4047300",
        "mandiri   | 4047300",
        "midtrans  | 4007301",
        "nicepay   | 4047300",
        "paydia    | 4047300",
        "durianpay | tokenType is 'BearerToken', expected Bearer",
        "2c2p      | 4047300",
        "klikoo    | token",
    })
    void theGenericSettingsAreRefusedByTheProvidersRules(String preset, String refusal) {
        Exchange e = call("g-" + preset, QUERY_PATH);
        assertNotNull(e.getException(), "generic settings accepted by " + preset);
        assertTrue(failureOf(e).contains(refusal), failureOf(e));
    }

    @ParameterizedTest
    @CsvSource({"snap", "dana"})
    void whereThePresetIsTheGenericFormTheGenericSettingsPass(String preset) {
        Exchange e = call("g-" + preset, QUERY_PATH);
        assertNull(e.getException(), failureOf(e));
    }

    /** Past the token path, each rule on its own: the generic settings with only the path corrected. */
    @Test
    void eachRuleBeyondThePathRefusesOnItsOwn() throws Exception {
        Map<String, String> p = SandboxSetup.settings(sandbox);
        String[][] cases = {
            // provider, what is left generic, the refusal
            {"doku", "", "4007301"},                      // +07:00 where DOKU wants Z
            {"bri", "", "4007301"},                       // no milliseconds where BRI wants them
            {"bni", "", "4007302"},                       // no additionalInfo in the token request
            {"bca", "timestamp-millis=true", "4012400"},  // query signed as sent where BCA signs it sorted
        };
        for (String[] c : cases) {
            String id = "t-" + c[0];
            credentials(p, id, false);
            p.put("b2b." + id + ".preset", "snap");
            p.put("b2b." + id + ".base-url", sandbox.baseUrl() + SandboxProvider.PRESETS + "/" + c[0]);
            p.put("b2b." + id + ".token-path", Preset.named(c[0]).value(
                    org.camelb2b.token.provider.ProviderSetting.TOKEN_PATH, null).orElseThrow());
            if (!c[1].isEmpty()) {
                p.put("b2b." + id + "." + c[1].split("=")[0], c[1].split("=")[1]);
            }
        }
        try (TestApp rules = TestApp.start(p)) {
            for (String[] c : cases) {
                Exchange e = rules.template().send("direct:b2b-call", x -> {
                    x.getMessage().setHeader(PaymentHeaders.PROVIDER, "t-" + c[0]);
                    x.getMessage().setHeader(PaymentHeaders.PATH, QUERY_PATH);
                    x.getMessage().setHeader(PaymentHeaders.QUERY, "page=2&channel=web");
                    x.getMessage().setBody("{\"a\":1}");
                });
                assertNotNull(e.getException(), c[0]);
                assertTrue(failureOf(e).contains(c[2]), c[0] + ": " + failureOf(e));
            }
        }
    }

    /**
     * ASPI's asymmetric transaction signature: b2b.<p>.transaction-signature=rsa, no client secret.
     * The sandbox's client registered without a secret verifies calls with its public key; the
     * same call signed with HMAC is refused, and rsa is refused for a dialect it does not belong to.
     */
    @Test
    void rsaTransactionSignatureForProvidersThatSignCallsWithTheirKey() throws Exception {
        sandbox.register(new SandboxClient("snap", "RSA-CLIENT-1", null, Keys.publicKey()));
        Map<String, String> p = SandboxSetup.settings(sandbox);
        for (String id : new String[] {"neo", "neo-hmac"}) {
            p.put("b2b." + id + ".preset", "snap");
            p.put("b2b." + id + ".base-url", sandbox.baseUrl() + SandboxProvider.PRESETS + "/snap");
            p.put("b2b." + id + ".client-id", "RSA-CLIENT-1");
            p.put("b2b." + id + ".private-key", Keys.PKCS8);
            p.put("b2b." + id + ".private-key-passphrase", "");
            p.put("b2b." + id + ".channel-id", "95221");
        }
        p.put("b2b.neo.transaction-signature", "rsa");
        p.put("b2b.neo-hmac.client-secret", "a-secret-the-provider-never-gave");
        int accepted = sandbox.paymentsAccepted("RSA-CLIENT-1");
        try (TestApp rsa = TestApp.start(p)) {
            Exchange signedWithKey = rsa.template().send("direct:b2b-call", x -> {
                x.getMessage().setHeader(PaymentHeaders.PROVIDER, "neo");
                x.getMessage().setHeader(PaymentHeaders.PATH, QUERY_PATH);
                x.getMessage().setBody("{\"a\":1}");
            });
            assertNull(signedWithKey.getException(), failureOf(signedWithKey));
            assertEquals(accepted + 1, sandbox.paymentsAccepted("RSA-CLIENT-1"));

            Exchange signedWithHmac = rsa.template().send("direct:b2b-call", x -> {
                x.getMessage().setHeader(PaymentHeaders.PROVIDER, "neo-hmac");
                x.getMessage().setHeader(PaymentHeaders.PATH, QUERY_PATH);
                x.getMessage().setBody("{\"a\":1}");
            });
            assertTrue(failureOf(signedWithHmac).contains("4012400"), failureOf(signedWithHmac));
            assertEquals(accepted + 1, sandbox.paymentsAccepted("RSA-CLIENT-1"));
        }
        p.put("b2b.neo.dialect", "klikoo");
        p.put("b2b.neo.preset", "klikoo");
        p.put("b2b.neo.client-secret", "0123456789abcdef0123456789abcdef");
        org.camelb2b.token.provider.ConfigurationException refused = org.junit.jupiter.api.Assertions.assertThrows(
                org.camelb2b.token.provider.ConfigurationException.class, () -> TestApp.start(p).close());
        assertTrue(refused.getMessage().contains("b2b.neo.transaction-signature: rsa is ASPI's SNAP transaction signature"),
                refused.getMessage());
    }
}

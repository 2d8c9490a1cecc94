package org.camelb2b.token.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camelb2b.token.dialect.Dialects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code b2b.<p>.preset}: a known provider's protocol settings by one setting, an explicit one winning. */
class PresetTest {

    final Map<String, String> props = new HashMap<>();

    ProviderConfig load(String id) {
        return new ProviderConfigLoader(k -> Optional.ofNullable(props.get(k))).load(id);
    }

    List<String> problems(String id) {
        return assertThrows(ConfigurationException.class, () -> load(id)).problems();
    }

    void credentials(String id) {
        props.put("b2b." + id + ".client-id", "CLIENT-1");
        props.put("b2b." + id + ".client-secret", "a-client-secret-of-32-characters");
        props.put("b2b." + id + ".private-key", "classpath:keys/rsa-pkcs8.pem");
    }

    /** Every preset's facts are values its settings accept, and each one is what the provider gets. */
    @ParameterizedTest
    @EnumSource(Preset.class)
    void everyPresetGivesItsSettings(Preset preset) {
        credentials("p");
        props.put("b2b.p.preset", preset.presetName());
        props.put("b2b.p.base-url", "https://provider.example/prefix");
        ProviderConfig c = load("p");
        assertEquals(preset, c.preset());
        Map<ProviderSetting<?>, String> facts = preset.settings();
        assertEquals(Dialects.named(facts.get(ProviderSetting.DIALECT)), c.dialect());
        assertEquals("https://provider.example/prefix" + facts.get(ProviderSetting.TOKEN_PATH), c.tokenUrl());
        if (facts.containsKey(ProviderSetting.TIMESTAMP_ZONE)) {
            assertEquals(ZoneOffset.of(facts.get(ProviderSetting.TIMESTAMP_ZONE)), c.timestampFormat().zone());
        }
        assertEquals(Boolean.parseBoolean(facts.getOrDefault(ProviderSetting.TIMESTAMP_MILLIS, "false")),
                c.timestampFormat().millis());
        assertEquals(Boolean.parseBoolean(facts.getOrDefault(ProviderSetting.SIGN_SORTED_QUERY, "false")),
                c.signSortedQuery());
        assertEquals(Boolean.parseBoolean(facts.getOrDefault(ProviderSetting.TOKEN_REQUEST_ADDITIONAL_INFO, "false")),
                c.tokenRules().requestAdditionalInfo());
        for (ProviderSetting<?> s : facts.keySet()) {
            // what each fact is read as: the setting's own type, so no preset can hold a value a user could not
            assertTrue(ProviderSetting.all().contains(s), s.name());
            s.type().parse(facts.get(s));
        }
    }

    @Test
    void theFourteenPresetsOfTheIssue() {
        assertEquals(List.of("snap", "doku", "klikoo", "bca", "bri", "bni", "btn", "mandiri", "midtrans", "dana",
                "nicepay", "paydia", "durianpay", "2c2p"), Preset.names());
    }

    @Test
    void anExplicitSettingWinsOverThePreset() {
        credentials("bca");
        props.put("b2b.bca.preset", "bca");
        props.put("b2b.bca.base-url", "https://sandbox.bca.example");
        ProviderConfig preset = load("bca");
        assertTrue(preset.timestampFormat().millis());
        assertTrue(preset.signSortedQuery());
        assertEquals("https://sandbox.bca.example/openapi/v1.0/access-token/b2b", preset.tokenUrl());

        props.put("b2b.bca.timestamp-millis", "false");
        props.put("b2b.bca.token-path", "/v1.0/access-token/b2b");
        ProviderConfig explicit = load("bca");
        assertFalse(explicit.timestampFormat().millis());
        assertEquals("https://sandbox.bca.example/v1.0/access-token/b2b", explicit.tokenUrl());
        assertTrue(explicit.signSortedQuery(), "what is not given explicitly still comes from the preset");
    }

    @Test
    void aPresetWinsOverAGlobalSettingButNotOverTheProvidersOwn() {
        credentials("durian");
        props.put("b2b.durian.preset", "durianpay");
        props.put("b2b.durian.base-url", "https://api.durianpay.example");
        assertEquals(List.of("Bearer", "BearerToken"), load("durian").tokenRules().tokenTypes());
        assertTrue(load("durian").tokenRules().expiresInDateTime());
        props.put("b2b.durian.token-types", "Bearer");
        assertEquals(List.of("Bearer"), load("durian").tokenRules().tokenTypes());
    }

    @Test
    void theEnvironmentGivesTheBaseUrlWhereThePresetDocumentsIt() {
        credentials("doku");
        props.put("b2b.doku.preset", "doku");
        assertEquals(List.of("b2b.doku.base-url: is not set (or set b2b.doku.environment to sandbox or production)"),
                problems("doku"));
        props.put("b2b.doku.environment", "sandbox");
        assertEquals("https://api-sandbox.doku.com/authorization/v1/access-token/b2b", load("doku").tokenUrl());
        props.put("b2b.doku.environment", "production");
        assertEquals("https://api.doku.com/authorization/v1/access-token/b2b", load("doku").tokenUrl());
        props.put("b2b.doku.base-url", "http://127.0.0.1:9999");
        assertEquals("http://127.0.0.1:9999/authorization/v1/access-token/b2b", load("doku").tokenUrl());
    }

    @Test
    void aPresetThatDocumentsNoHostSaysSo() {
        credentials("bri");
        props.put("b2b.bri.preset", "bri");
        props.put("b2b.bri.environment", "sandbox");
        assertEquals(List.of("b2b.bri.base-url: is not set (preset bri documents no host: set it)"), problems("bri"));
    }

    @Test
    void anUnknownPresetIsRefusedNamingTheKnownOnesAndEveryOtherProblemToo() {
        credentials("x");
        props.put("b2b.x.preset", "bank-of-nowhere");
        props.put("b2b.x.environment", "staging");
        List<String> problems = problems("x");
        assertEquals("b2b.x.preset: is not a known preset: 'bank-of-nowhere'; the presets are snap, doku, klikoo, bca,"
                + " bri, bni, btn, mandiri, midtrans, dana, nicepay, paydia, durianpay, 2c2p", problems.get(0));
        assertEquals("b2b.x.environment: must be sandbox or production, was 'staging'", problems.get(1));
        assertEquals("b2b.x.base-url: is not set", problems.get(2));
    }

    @Test
    void withoutAPresetNothingChanges() {
        credentials("plain");
        props.put("b2b.plain.base-url", "https://plain.example");
        ProviderConfig c = load("plain");
        assertNull(c.preset());
        assertEquals(TokenRules.DEFAULT, c.tokenRules());
    }
}

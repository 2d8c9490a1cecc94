package org.camelb2b.token.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.spi.UriParam;
import org.camelb2b.token.provider.ProviderConfig;
import org.camelb2b.token.provider.ProviderConfigLoader;
import org.camelb2b.token.provider.ProviderSetting;
import org.junit.jupiter.api.Test;

/** The {@code b2b:} endpoint's provider options hand what they are given to the loader as settings. */
class ProviderOptionsTest {

    static final String SECRET = "options-client-secret-value";

    @Test
    void everySettingIsAnOptionWithGetterAndSetter() throws Exception {
        for (ProviderSetting<?> s : ProviderSetting.outbound()) {
            String property = Character.toUpperCase(s.option().charAt(0)) + s.option().substring(1);
            Class<?> type = s.type().optionType();
            ProviderOptions.class.getMethod("set" + property, type);
            assertEquals(type, ProviderOptions.class.getMethod("get" + property).getReturnType());
            UriParam param = ProviderOptions.class.getDeclaredField(s.option()).getAnnotation(UriParam.class);
            assertEquals(s.secret(), param.secret(), s.option());
            assertEquals(s.secret() ? "provider,security" : "provider", param.label(), s.option());
        }
    }

    /** The inbound settings are read by the inbound flow alone: an endpoint or outbound kamelet option would be inert. */
    @Test
    void noInboundSettingIsAnEndpointOrKameletOption() throws Exception {
        List<ProviderSetting<?>> inbound = ProviderSetting.all().stream().filter(ProviderSetting::inbound).toList();
        assertTrue(inbound.size() >= 5, "the inbound settings: " + inbound);
        for (ProviderSetting<?> s : inbound) {
            assertThrows(NoSuchFieldException.class, () -> ProviderOptions.class.getDeclaredField(s.option()), s.name());
        }
        for (String kamelet : List.of("kamelets/b2b-token-action.kamelet.yaml", "kamelets/b2b-payment-call-action.kamelet.yaml")) {
            try (var in = ProviderOptionsTest.class.getClassLoader().getResourceAsStream(kamelet)) {
                String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                for (ProviderSetting<?> s : inbound) {
                    assertFalse(text.contains(s.option() + ":"), s.option() + " in " + kamelet);
                }
            }
        }
    }

    @Test
    void theOptionsGivenAreReadAsTheSettings() {
        ProviderOptions o = new ProviderOptions();
        o.setBaseUrl("https://api-sandbox.doku.com");
        o.setClientId("MCH-0008");
        o.setPrivateKey("classpath:keys/rsa-pkcs8.pem");
        o.setClientSecret(SECRET);
        o.setTimestampZone("+07:00");
        o.setTimestampMillis(true);
        o.setTokenRefreshFrom(0.5);
        o.setTokenMaxLength(2048);
        o.setMaxConcurrentCalls(7);
        o.setHttpResponseTimeoutMs(2500L);
        o.setChannelId(" ");
        Map<String, String> given = o.settings();
        assertEquals(List.of("base-url", "client-id", "private-key", "client-secret", "timestamp-zone",
                "timestamp-millis", "token.refresh-from", "token.max-length", "max-concurrent-calls",
                "http.response-timeout-ms"), List.copyOf(given.keySet()));

        Map<String, String> props = new HashMap<>();
        given.forEach((name, value) -> props.put("b2b.doku." + name, value));
        ProviderConfig c = new ProviderConfigLoader(k -> Optional.ofNullable(props.get(k))).load("doku");
        assertEquals(ZoneOffset.ofHours(7), c.timestampFormat().zone());
        assertTrue(c.timestampFormat().millis());
        assertEquals(0.5, c.cachePolicy().refreshFrom());
        assertEquals(2048, c.cachePolicy().maxTokenLength());
        assertEquals(7, c.callLimits().maxConcurrentCalls());
        assertEquals(Duration.ofMillis(2500), c.callLimits().responseTimeout());
        assertEquals(SECRET, c.clientSecret());
    }

    @Test
    void toStringNamesTheOptionsGivenWithoutTheirValues() {
        ProviderOptions o = new ProviderOptions();
        o.setClientSecret(SECRET);
        o.setPrivateKeyPassword("key-passphrase-value");
        o.setBaseUrl("https://x");
        String text = o.toString();
        assertEquals("ProviderOptions[base-url, private-key-passphrase, client-secret]", text);
        assertFalse(text.contains(SECRET) || text.contains("key-passphrase-value") || text.contains("https://x"));
    }
}

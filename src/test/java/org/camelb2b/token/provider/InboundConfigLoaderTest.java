package org.camelb2b.token.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** {@code b2b.<p>.inbound.*}: what a provider that calls us needs, read apart from its outbound settings. */
class InboundConfigLoaderTest {

    static final String SECRET = "inbound-loader-client-secret";

    static InboundConfig load(Map<String, String> props, List<String> problems) {
        return new ProviderConfigLoader(k -> Optional.ofNullable(props.get(k))).loadInbound("p", problems);
    }

    static Map<String, String> symmetric() {
        Map<String, String> p = new HashMap<>();
        p.put("b2b.p.inbound.enabled", "true");
        p.put("b2b.p.inbound.public-key", "classpath:keys/rsa-public.pem");
        p.put("b2b.p.client-id", "MCH-1");
        p.put("b2b.p.client-secret", SECRET);
        return p;
    }

    @Test
    void defaultsAndFallbacks() {
        List<String> problems = new ArrayList<>();
        InboundConfig c = load(symmetric(), problems);
        assertEquals(List.of(), problems);
        assertEquals(InboundConfig.Signature.SYMMETRIC, c.signature());
        assertEquals("MCH-1", c.clientId(), "inbound.client-id falls back to client-id");
        assertEquals(SECRET, c.clientSecret());
        assertEquals("/v1.0/access-token/b2b", c.tokenPath());
        assertEquals(Duration.ofSeconds(300), c.timestampWindow());
        assertEquals(Duration.ofSeconds(900), c.tokenLifetime());
        assertFalse(c.toString().contains(SECRET), c.toString());
    }

    @Test
    void anAsymmetricProviderNeedsNoSecretNorAnyOutboundSetting() {
        Map<String, String> p = new HashMap<>();
        p.put("b2b.p.inbound.enabled", "true");
        p.put("b2b.p.inbound.signature", "ASYMMETRIC");
        p.put("b2b.p.inbound.client-id", "G099333790");
        p.put("b2b.p.inbound.public-key", "classpath:keys/certificate.pem");
        p.put("b2b.p.inbound.token-path", "/snap/v1.0/access-token/b2b");
        List<String> problems = new ArrayList<>();
        InboundConfig c = load(p, problems);
        assertEquals(List.of(), problems);
        assertEquals(InboundConfig.Signature.ASYMMETRIC, c.signature());
        assertEquals("", c.clientSecret());
        assertEquals("/snap/v1.0/access-token/b2b", c.tokenPath());
    }

    @Test
    void everyProblemAtOnce() {
        Map<String, String> p = new HashMap<>();
        p.put("b2b.p.inbound.enabled", "true");
        p.put("b2b.p.dialect", "klikoo");
        p.put("b2b.p.inbound.token-lifetime-s", "90000");
        List<String> problems = new ArrayList<>();
        assertNull(load(p, problems));
        assertEquals(List.of(
                "b2b.p.inbound.token-lifetime-s: must be between 1 and 86400 seconds, was 90000",
                "b2b.p.inbound.enabled: inbound calls are SNAP's (X-SIGNATURE, X-TIMESTAMP); provider 'p' has dialect klikoo",
                "b2b.p.inbound.client-id: is not set (nor b2b.p.client-id)",
                "b2b.p.client-secret: is not set; b2b.p.inbound.signature=symmetric verifies the provider's notifications"
                        + " with it",
                "b2b.p.inbound.public-key: is not set; it verifies the provider's token requests"), problems);
    }

    @Test
    void aProviderReceivedMustBeEnabled() {
        Map<String, String> p = symmetric();
        p.remove("b2b.p.inbound.enabled");
        List<String> problems = new ArrayList<>();
        assertNull(load(p, problems));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("b2b.p.inbound.enabled: must be true"), problems.toString());
    }

    @Test
    void outboundLoadingIgnoresInboundSettings() {
        Map<String, String> p = new HashMap<>();
        p.put("b2b.p.base-url", "https://api.example");
        p.put("b2b.p.client-id", "MCH-1");
        p.put("b2b.p.private-key", "classpath:keys/rsa-pkcs8.pem");
        p.put("b2b.p.inbound.timestamp-window-s", "not a number");
        ProviderConfig c = new ProviderConfigLoader(k -> Optional.ofNullable(p.get(k))).load("p");
        assertEquals("MCH-1", c.clientId(), "an inbound problem is the inbound flow's to report, once");
    }
}

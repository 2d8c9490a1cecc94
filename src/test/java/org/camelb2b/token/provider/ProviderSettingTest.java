package org.camelb2b.token.provider;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camelb2b.token.dialect.Dialect;
import org.camelb2b.token.dialect.Dialects;
import org.junit.jupiter.api.Test;

/** The catalogue is complete and consistent: the generated files and the loader rely on it. */
class ProviderSettingTest {

    @Test
    void everyConstantIsInTheCatalogueOnce() throws Exception {
        List<ProviderSetting<?>> constants = new ArrayList<>();
        for (Field f : ProviderSetting.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == ProviderSetting.class) {
                constants.add((ProviderSetting<?>) f.get(null));
            }
        }
        assertEquals(Set.copyOf(constants), Set.copyOf(ProviderSetting.all()));
        assertEquals(constants.size(), ProviderSetting.all().size());
        Set<String> names = new HashSet<>();
        Set<String> options = new HashSet<>();
        for (ProviderSetting<?> s : ProviderSetting.all()) {
            assertTrue(names.add(s.name()), "two settings named " + s.name());
            assertTrue(options.add(s.option()), "two options named " + s.option());
            assertTrue(!s.title().isBlank() && s.description().endsWith("."), s.name());
        }
    }

    @Test
    void optionsAreTheNamesInCamelCaseButThePassphrase() {
        assertEquals("tokenRefreshFrom", ProviderSetting.TOKEN_REFRESH_FROM.option());
        assertEquals("httpConnectTimeoutMs", ProviderSetting.HTTP_CONNECT_TIMEOUT_MS.option());
        // Camel masks options it knows as secrets by name: "password" is one, "passphrase" is not
        assertEquals("privateKeyPassword", ProviderSetting.PRIVATE_KEY_PASSPHRASE.option());
        for (ProviderSetting<?> s : ProviderSetting.all()) {
            if (s != ProviderSetting.PRIVATE_KEY_PASSPHRASE) {
                assertEquals(ProviderSetting.camelCase(s.name()), s.option());
            }
        }
    }

    @Test
    void everyDefaultIsAValueTheSettingAccepts() {
        for (ProviderSetting<?> s : ProviderSetting.all()) {
            for (Dialect d : Dialects.all()) {
                check(s, d);
            }
        }
    }

    private static <T> void check(ProviderSetting<T> s, Dialect d) {
        T value = s.defaultFor(d);
        String text = value == null ? "" : s.type().write(value);
        if (!text.isEmpty()) {
            assertEquals(value, s.type().parse(text), s.name() + " default for " + d.name());
        }
    }

    @Test
    void secretsAreTakenAsGivenSoNoParserRepeatsThem() {
        for (ProviderSetting<?> s : ProviderSetting.all()) {
            if (s.secret()) {
                assertDoesNotThrow(() -> s.type().parse("not a PEM: s3cr3t"), s.name());
                assertTrue(s.type().kind() == SettingType.Kind.TEXT || s.type().kind() == SettingType.Kind.KEY,
                        s.name() + " must be text or a key");
            }
        }
    }

    @Test
    void whatTheDialectsRequire() {
        assertEquals(List.of("klikoo", "oauth2-basic"), ProviderSetting.CLIENT_SECRET.requiredBy());
        assertEquals(List.of("snap", "klikoo"), ProviderSetting.PRIVATE_KEY.requiredBy());
        assertEquals(List.of(), ProviderSetting.BASE_URL.requiredBy());
        assertTrue(ProviderSetting.CLIENT_SECRET.requiredFor(Dialects.named("klikoo")));
        assertTrue(!ProviderSetting.CLIENT_SECRET.requiredFor(Dialects.named("snap")));
        for (Dialect d : Dialects.all()) {
            for (String name : d.requiredSettings()) {
                assertTrue(ProviderSetting.all().stream().anyMatch(s -> s.name().equals(name)),
                        d.name() + " requires " + name + ", which is not a setting");
            }
        }
    }

    @Test
    void shownDefaults() {
        assertEquals("{=snap}", ProviderSetting.DIALECT.shownDefaults().toString());
        assertEquals("{snap=Z, klikoo=+07:00, oauth2-basic=Z}", ProviderSetting.TIMESTAMP_ZONE.shownDefaults().toString());
        assertEquals("{=0.70}", ProviderSetting.TOKEN_REFRESH_FROM.shownDefaults().toString());
        assertEquals("{=30000}", ProviderSetting.TOKEN_SKEW_MAX_MS.shownDefaults().toString());
        assertTrue(ProviderSetting.CLIENT_SECRET.shownDefaults().isEmpty());
        assertTrue(ProviderSetting.BASE_URL.shownDefaults().isEmpty());
        assertEquals("b2b.token.keep-warm-ms", ProviderSetting.TOKEN_KEEP_WARM_MS.globalName());
        assertEquals("b2b.http.connect-timeout-ms", ProviderSetting.HTTP_CONNECT_TIMEOUT_MS.globalName());
        assertEquals(null, ProviderSetting.CHANNEL_ID.globalName());
    }
}

package org.camelb2b.token.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camelb2b.token.provider.ProviderConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The registry by name, and dialects reachable only as {@link Dialect}. */
class DialectsTest {

    @Test
    void theKnownNames() {
        assertEquals(List.of("snap", "klikoo", "oauth2-basic"), List.copyOf(Dialects.names()));
        for (Dialect d : Dialects.all()) {
            assertSame(d, Dialects.named(d.name()));
            assertEquals(d.name(), d.toString());
        }
        assertSame(Dialects.named("snap"), Dialects.defaultDialect());
        assertEquals("snap", Dialects.DEFAULT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SNAP", " snap ", "Snap"})
    void namesAreReadInAnyCaseAndTrimmed(String name) {
        assertSame(Dialects.named("snap"), Dialects.named(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"soap", "", "snap-bi", "oauth2"})
    void anUnknownNameNamesTheKnownOnes(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Dialects.named(name));
        assertEquals("unknown dialect '" + name + "' (expected snap, klikoo or oauth2-basic)", e.getMessage());
        assertEquals("unknown dialect 'null' (expected snap, klikoo or oauth2-basic)",
                assertThrows(IllegalArgumentException.class, () -> Dialects.named(null)).getMessage());
    }

    @Test
    void anUnknownDialectSettingIsNamedWithTheKnownNames() {
        Map<String, String> props = Map.of(
                "b2b.acme.dialect", "oauth3",
                "b2b.acme.base-url", "https://acme.example",
                "b2b.acme.client-id", "c",
                "b2b.acme.private-key", "classpath:keys/rsa-pkcs8.pem");
        List<String> problems = new ArrayList<>();
        new ProviderConfigLoader(k -> Optional.ofNullable(props.get(k))).load("acme", problems);
        assertEquals(List.of("b2b.acme.dialect: unknown dialect 'oauth3' (expected snap, klikoo or oauth2-basic)"), problems);
    }

    /**
     * Nothing outside this package can name a dialect class, make one, or call a rule the
     * interface does not declare: the classes and their constructors are package-private, every
     * public method implements {@link Dialect} (or is {@code toString}), and the registry hands out
     * {@code Dialect}s only.
     */
    @Test
    void eachDialectsRulesAreReachableOnlyThroughTheInterface() throws Exception {
        for (Dialect d : Dialects.all()) {
            Class<?> type = d.getClass();
            assertFalse(Modifier.isPublic(type.getModifiers()), type + " is public");
            assertTrue(Modifier.isFinal(type.getModifiers()), type + " is not final");
            assertEquals(Dialect.class.getPackage(), type.getPackage());
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                assertFalse(Modifier.isPublic(c.getModifiers()) || Modifier.isProtected(c.getModifiers()), c.toString());
            }
            for (Method m : type.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic()) {
                    boolean declared = m.getName().equals("toString") && m.getParameterCount() == 0
                            || hasMethod(Dialect.class, m);
                    assertTrue(declared, type.getSimpleName() + "." + m.getName() + " is public but not a Dialect method");
                }
            }
            for (var f : type.getDeclaredFields()) {
                assertFalse(Modifier.isPublic(f.getModifiers()), f.toString());
            }
        }
        for (Method m : Dialects.class.getMethods()) {
            assertTrue(Dialects.all().stream().noneMatch(d -> m.getReturnType() == d.getClass()), m.toString());
        }
    }

    private static boolean hasMethod(Class<?> type, Method m) {
        return Arrays.stream(type.getMethods()).anyMatch(i -> i.getName().equals(m.getName())
                && Arrays.equals(i.getParameterTypes(), m.getParameterTypes()));
    }
}

package org.camelb2b.token.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;

import org.apache.camel.impl.DefaultCamelContext;
import org.camelb2b.token.provider.ConfigurationException;
import org.junit.jupiter.api.Test;

class ProviderDeclarationsTest {

    @Test
    void declaredSettingsAreLookedUpByTheirPropertyNamesAndBlankMeansNotGiven() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            ProviderDeclarations declarations = ProviderDeclarations.of(context);
            declarations.declare("doku", Map.of("base-url", "https://api.example", "client-id", " "));
            assertEquals(Optional.of("https://api.example"), declarations.setting("b2b.doku.base-url"));
            assertEquals(Optional.empty(), declarations.setting("b2b.doku.client-id"));
            assertEquals(java.util.Set.of("doku"), declarations.ids());
            assertTrue(declarations == ProviderDeclarations.of(context), "one per context");
        }
    }

    @Test
    void theSameValueTwiceIsFineAnotherValueIsAnErrorThatNamesTheSettingNotTheValues() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            ProviderDeclarations declarations = ProviderDeclarations.of(context);
            declarations.declare("doku", Map.of("client-secret", "first-secret", "client-id", "C1"));
            declarations.declare("doku", Map.of("client-secret", "first-secret"));
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> declarations.declare("doku", Map.of("client-secret", "second-secret", "client-id", "C1")));
            assertTrue(e.getMessage().contains("b2b.doku.client-secret: declared twice with different values"), e.getMessage());
            assertFalse(e.getMessage().contains("client-id"), "C1 was declared the same both times: " + e.getMessage());
            assertFalse(e.getMessage().contains("first-secret") || e.getMessage().contains("second-secret"), e.getMessage());
            assertEquals(Optional.of("first-secret"), declarations.setting("b2b.doku.client-secret"), "the first stays");
        }
    }

    @Test
    void providerIdsArePlainNames() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> ProviderDeclarations.of(context).declare("Doku Bank", Map.of()));
            assertTrue(e.getMessage().contains("provider id 'Doku Bank'"), e.getMessage());
        }
    }
}

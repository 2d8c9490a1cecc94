package org.camelb2b.token.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.apache.camel.support.CamelContextHelper;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;

/** Camel treats b2b.<p>.private-key-passphrase as a secret in any context with the library on its classpath. */
class SensitiveSettingsTest {

    @Test
    void everyContextKnowsThePassphraseAsSensitive() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            assertTrue(CamelContextHelper.containsSensitive(context, "b2b.doku.private-key-passphrase"));
            assertTrue(CamelContextHelper.containsSensitive(context, "klikoo.private-key-passphrase"));
            assertFalse(CamelContextHelper.containsSensitive(context, "b2b.doku.channel-id"));
            assertEquals("http://x?privateKeyPassphrase=xxxxxx",
                    URISupport.sanitizeUri("http://x?privateKeyPassphrase=s3cret"));
        }
    }

    @Test
    void theApplicationsOwnKeywordsAreKept() throws Exception {
        Main main = new Main();
        Properties p = new Properties();
        p.put("camel.main.additional-sensitive-keywords", "pin,otp");
        p.put("camel.main.auto-configuration-log-summary", "false");
        main.setOverrideProperties(p);
        main.start();
        try {
            CamelContext context = main.getCamelContext();
            assertEquals("pin,otp,privatekeypassphrase", context.getCamelContextExtension().getAdditionalSensitiveKeywords());
            assertTrue(CamelContextHelper.containsSensitive(context, "b2b.doku.private-key-passphrase"));
            assertTrue(CamelContextHelper.containsSensitive(context, "app.otp"));
            SensitiveSettings.addTo(context);
            assertEquals("pin,otp,privatekeypassphrase", context.getCamelContextExtension().getAdditionalSensitiveKeywords(),
                    "added once");
        } finally {
            main.stop();
        }
    }
}

package org.camelb2b.token.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.camelb2b.token.sandbox.SandboxProvider;
import org.camelb2b.token.testing.SandboxSetup;
import org.camelb2b.token.testing.TestApp;
import org.junit.jupiter.api.Test;

/**
 * A secret given as a placeholder that does not resolve (an unset environment variable) is a
 * startup failure naming the setting, reported with the other problems; it used to pass startup
 * as "no client secret" and fail at the first payment call.
 */
class UnresolvedSettingTest {

    @Test
    void anUnresolvedSecretFailsStartupNamingTheSetting() throws Exception {
        try (SandboxProvider sandbox = SandboxSetup.start()) {
            Map<String, String> p = SandboxSetup.settings(sandbox);
            p.put("b2b.doku.client-secret", "{{env:B2B_TEST_NO_SUCH_VARIABLE}}");
            p.put("b2b.klikoo.timestamp-zone", "Mars/Olympus");
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> TestApp.start(p).close());
            assertEquals(2, e.problems().size(), e.getMessage());
            String problem = e.problems().stream().filter(x -> x.startsWith("b2b.doku.client-secret:")).findFirst()
                    .orElseThrow(() -> new AssertionError("no problem names b2b.doku.client-secret: " + e.getMessage()));
            assertTrue(problem.contains("env:B2B_TEST_NO_SUCH_VARIABLE"), problem);
            assertTrue(e.problems().stream().anyMatch(x -> x.startsWith("b2b.klikoo.timestamp-zone:")), e.getMessage());
        }
    }

    @Test
    void aSettingThatIsNotThereIsStillJustAbsent() throws Exception {
        try (SandboxProvider sandbox = SandboxSetup.start()) {
            Map<String, String> p = SandboxSetup.settings(sandbox);
            try (TestApp app = TestApp.start(p)) {
                assertFalse(Placeholders.resolve(app.context(), "b2b.doku.not-a-setting").isPresent());
                assertEquals(SandboxSetup.DOKU_SECRET,
                        Placeholders.resolve(app.context(), "b2b.doku.client-secret").orElseThrow());
            }
        }
    }
}

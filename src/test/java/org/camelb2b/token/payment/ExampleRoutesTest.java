package org.camelb2b.token.payment;

import static org.camelb2b.token.testing.SandboxSetup.DOKU_CLIENT;
import static org.camelb2b.token.testing.SandboxSetup.KLIKOO_CLIENT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.camelb2b.token.testing.Await;
import org.camelb2b.token.sandbox.SandboxProvider;
import org.camelb2b.token.testing.SandboxSetup;
import org.camelb2b.token.testing.TestApp;
import org.junit.jupiter.api.Test;

/** The routes under routes/examples run as the README says, and their calls pass the sandbox's checks. */
class ExampleRoutesTest {

    @Test
    void examplesMakeSignedCallsThatTheProviderAccepts() throws Exception {
        try (SandboxProvider sandbox = SandboxSetup.start()) {
            Map<String, String> p = SandboxSetup.settings(sandbox);
            String routes = Path.of("routes").toAbsolutePath().toString();
            p.put("camel.main.routes-include-pattern", "file:" + routes + "/*.yaml,file:" + routes + "/examples/*.yaml");
            try (TestApp app = TestApp.start(p)) {
                Await.until(Duration.ofSeconds(30),
                        () -> sandbox.paymentsAccepted(DOKU_CLIENT) >= 1 && sandbox.paymentsAccepted(KLIKOO_CLIENT) >= 1);
                assertEquals(1, sandbox.paymentsAccepted(DOKU_CLIENT), "the DOKU create-VA example");
                assertEquals(1, sandbox.paymentsAccepted(KLIKOO_CLIENT), "the Klikoo inquiry example");
                assertEquals(0, sandbox.rejections());
            }
        }
    }
}

package org.camelb2b.token.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.camelb2b.token.provider.ConfigurationException;
import org.camelb2b.token.sandbox.SandboxProvider;
import org.camelb2b.token.testing.FreePort;
import org.camelb2b.token.testing.SandboxSetup;
import org.camelb2b.token.testing.TestApp;
import org.junit.jupiter.api.Test;

/** The standalone app's inbound settings are checked with every other setting: one failed start names them all. */
class InboundListenerSettingsTest {

    @Test
    void badInboundSettingsStopTheStandaloneAppWithTheOthers() throws Exception {
        int port = FreePort.find();
        try (SandboxProvider sandbox = SandboxSetup.start()) {
            Map<String, String> p = SandboxSetup.settings(sandbox);
            p.put("b2b.gateway.enabled", "true");
            p.put("b2b.gateway.port", String.valueOf(port));
            p.put("b2b.inbound.enabled", "true");
            p.put("b2b.inbound.port", String.valueOf(port));
            p.put("b2b.doku.inbound.public-key", "classpath:no/such/key.pem");
            p.put("b2b.doku.inbound.signature", "rsa");
            p.put("b2b.warmup.enabled", "maybe");
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> TestApp.start(p).close());
            assertEquals(List.of(
                    "b2b.warmup.enabled: must be true or false, was 'maybe'",
                    "b2b.inbound.port: must differ from b2b.gateway.port (" + port + "): the inbound listener is a"
                            + " server of its own",
                    "b2b.doku.inbound.signature: must be symmetric or asymmetric, was 'rsa'",
                    "b2b.doku.inbound.public-key: no such classpath resource: 'no/such/key.pem'"), e.problems());
        }
    }
}

package org.camelb2b.token.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.camelb2b.token.sandbox.SandboxProvider;
import org.camelb2b.token.testing.FreePort;
import org.camelb2b.token.testing.Keys;
import org.camelb2b.token.testing.SandboxSetup;
import org.camelb2b.token.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when": a client written without our code, a small Python script with its own
 * HMAC (hashlib/hmac) and RSA (openssl), gets a token from the standalone app's inbound endpoint
 * and has its notification accepted and delivered, in both signature kinds; forged and replayed
 * ones are refused and delivered nowhere. Skipped where python3 or openssl is missing.
 */
class ScriptedProviderTest {

    static final Path SCRIPT = Path.of("src/test/scripts/snap_provider.py");
    static final String MIDTRANS = "G099333790";

    @TempDir
    Path dir;

    record Run(int status, String out) {
    }

    static boolean available(String... command) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    Run script(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("python3", SCRIPT.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the script finished");
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void aPythonProviderIsAcceptedInBothSignatureKindsAndForgeriesAreNot() throws Exception {
        assumeTrue(available("python3", "--version") && available("openssl", "version"), "python3 and openssl");
        Path key = dir.resolve("provider-private.pem");
        Files.writeString(key, Keys.text("keys/rsa-pkcs8.pem"), StandardCharsets.US_ASCII);
        Path body = dir.resolve("notification.json");
        Files.writeString(body, "{ \"partnerServiceId\": \"  888994\", \"virtualAccountNo\": \"  8889940001\",\n"
                + "  \"virtualAccountName\": \"Budi  Santoso café\", \"paidAmount\": {\"value\": \"12500.00\", \"currency\": \"IDR\"} }",
                StandardCharsets.UTF_8);
        List<Exchange> delivered = new CopyOnWriteArrayList<>();
        int port = FreePort.find();
        try (SandboxProvider sandbox = SandboxSetup.start()) {
            Map<String, String> p = SandboxSetup.settings(sandbox);
            p.put("b2b.inbound.enabled", "true");
            p.put("b2b.inbound.port", String.valueOf(port));
            p.put("b2b.doku.inbound.public-key", "classpath:keys/rsa-public.pem");
            p.put("b2b.midtrans.inbound.enabled", "true");
            p.put("b2b.midtrans.inbound.signature", "asymmetric");
            p.put("b2b.midtrans.inbound.client-id", MIDTRANS);
            p.put("b2b.midtrans.inbound.public-key", "classpath:keys/rsa-public.pem");
            try (TestApp app = TestApp.start(p)) {
                app.context().addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:b2b-inbound-doku").process(e -> delivered.add(e.copy()));
                        from("direct:b2b-inbound-midtrans").process(e -> delivered.add(e.copy()));
                    }
                });
                String base = "http://127.0.0.1:" + port;
                Run symmetric = script("--base", base + "/doku", "--client-id", SandboxSetup.DOKU_CLIENT, "--key",
                        key.toString(), "--secret", SandboxSetup.DOKU_SECRET, "--path", "/v1.0/transfer-va/payment",
                        "--body-file", body.toString(), "--external-id", "5001");
                assertEquals(0, symmetric.status(), symmetric.out());
                assertTrue(symmetric.out().contains("token=2007300\nnotification=2002500"), symmetric.out());
                Run asymmetric = script("--base", base + "/midtrans", "--client-id", MIDTRANS, "--key", key.toString(),
                        "--asymmetric", "--path", "/v1.0/debit/notify", "--body-file", body.toString(),
                        "--external-id", "5002");
                assertEquals(0, asymmetric.status(), asymmetric.out());
                assertTrue(asymmetric.out().contains("notification=2005600"), asymmetric.out());
                assertEquals(2, delivered.size());
                assertTrue(delivered.get(0).getMessage().getBody(String.class).contains("\"Budi  Santoso café\""));

                Run forged = script("--base", base + "/doku", "--client-id", SandboxSetup.DOKU_CLIENT, "--key",
                        key.toString(), "--secret", "not-the-secret", "--path", "/v1.0/transfer-va/payment",
                        "--body-file", body.toString(), "--external-id", "5003");
                assertEquals(1, forged.status(), forged.out());
                assertTrue(forged.out().contains("notification=4012500"), forged.out());
                Run replayed = script("--base", base + "/midtrans", "--client-id", MIDTRANS, "--key", key.toString(),
                        "--asymmetric", "--path", "/v1.0/debit/notify", "--body-file", body.toString(),
                        "--external-id", "5002");
                assertEquals(1, replayed.status(), replayed.out());
                assertTrue(replayed.out().contains("notification=4095600"), replayed.out());
                assertEquals(2, delivered.size(), "nothing refused was delivered");
            }
        }
    }
}

package org.camelb2b.token.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.camelb2b.token.flow.B2bRuntime;
import org.camelb2b.token.payment.PaymentHeaders;
import org.camelb2b.token.sandbox.SandboxClient;
import org.camelb2b.token.sandbox.SandboxProvider;
import org.camelb2b.token.testing.Keys;
import org.camelb2b.token.testing.SandboxSetup;
import org.camelb2b.token.testing.TestApp;
import org.camelb2b.token.token.AccessToken;
import org.junit.jupiter.api.Test;

/**
 * A full run at DEBUG, with a revoked token, a refused token request and failed calls: nothing
 * written to the logs, stdout or stderr may hold a private key, passphrase, client secret or
 * token.
 */
class SecretsInLogsTest {

    static final String PASSPHRASE = Keys.PASSPHRASE;

    @Test
    void aFullRunAtDebugWritesNoSecret() throws Exception {
        String written = run(Level.DEBUG, Map.of(), "target/secrets-in-logs-run.txt");
        assertTrue(written.lines().filter(l -> l.startsWith("DEBUG org.apache.camel")).count() > 20,
                "Camel must have logged at DEBUG (is the level change working?)");
        assertTrue(written.lines().anyMatch(l -> l.startsWith("DEBUG org.camelb2b")), "this bundle at DEBUG");
    }

    /** Camel's tracer prints every header and body at INFO; Camel's own log mask knows no Authorization. */
    @Test
    void aTracedRunWritesNoSecret() throws Exception {
        String written = run(Level.INFO, Map.of("camel.main.tracing", "true", "camel.main.tracing-templates", "true"),
                "target/secrets-in-traced-run.txt");
        // the tracer logs under the route's source location (b2b-payment-call.yaml:56) or org.apache.camel.Tracing
        List<String> traced = written.lines().filter(l -> l.contains("Exchange[Id: ")).toList();
        assertTrue(traced.size() > 20, "the tracer must have traced the run (is tracing on?)");
        assertTrue(traced.stream().anyMatch(l -> l.contains("Authorization=xxxxxx")), "Authorization masked");
        assertTrue(traced.stream().anyMatch(l -> l.contains("X-SIGNATURE=xxxxxx")), "X-SIGNATURE masked");
        assertTrue(traced.stream().anyMatch(l -> l.contains("\"accessToken\":\"xxxxxx\"")), "token response body masked");
    }

    /**
     * Runs warm-up, both dialects, a revoked token with its retry and a refused token request at
     * {@code level} with {@code extra} settings; asserts nothing written holds a secret, and
     * returns what was written.
     */
    static String run(Level level, Map<String, String> extra, String keepAs) throws Exception {
        StringWriter logs = new StringWriter();
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        WriterAppender capture = WriterAppender.newBuilder().setName("capture").setTarget(logs)
                .setLayout(PatternLayout.newBuilder().withPattern("%p %c %m %ex%n").build()).build();
        capture.start();
        config.addAppender(capture);
        config.getRootLogger().addAppender(capture, Level.ALL, null);
        Level before = config.getRootLogger().getLevel();
        Configurator.setRootLevel(level);
        // Camel and this bundle at the level; the HTTP client's wire and header loggers stay where the
        // configuration pins them: printing raw traffic is what they are for (README, Security)
        Level camelBefore = config.getLoggerConfig("org.apache.camel").getLevel();
        Configurator.setLevel("org.apache.camel", level);
        Configurator.setLevel("org.camelb2b", level);
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
        List<String> tokens = new ArrayList<>();
        try (SandboxProvider sandbox = SandboxProvider.start("127.0.0.1", 0, List.of(
                new SandboxClient("snap", SandboxSetup.DOKU_CLIENT, SandboxSetup.DOKU_SECRET, Keys.publicKey()),
                new SandboxClient("klikoo", SandboxSetup.KLIKOO_CLIENT, SandboxSetup.KLIKOO_SECRET, Keys.publicKey())))) {
            Map<String, String> p = SandboxSetup.settings(sandbox);
            p.put("b2b.doku.private-key", Keys.ENCRYPTED_3DES);
            p.put("b2b.doku.private-key-passphrase", PASSPHRASE);
            p.put("b2b.warmup.enabled", "true");
            p.putAll(extra);
            try (TestApp app = TestApp.start(p)) {
                B2bRuntime runtime = B2bRuntime.of(app.context());
                AccessToken doku = runtime.token("doku");
                AccessToken klikoo = runtime.token("klikoo");
                tokens.add(doku.value());
                tokens.add(klikoo.value());
                assertNull(call(app, "doku", "/virtual-accounts/bi-snap-va/v1.1/transfer-va/create-va").getException());
                assertNull(call(app, "klikoo", "/v1/open-api/account/inquiry").getException());
                sandbox.revokeAllTokens();
                Exchange retried = call(app, "doku", "/orders/v1.0/transfer-va/status");
                assertEquals(2, retried.getMessage().getHeader(PaymentHeaders.ATTEMPTS));
                tokens.add(runtime.token("doku").value());
                assertTrue(doku.toString().indexOf(doku.value()) < 0);
                assertFalse(runtime.providers().get("doku").toString().contains(SandboxSetup.DOKU_SECRET));
            }
            // a refused token request: the key does not match the registered one
            Map<String, String> refused = SandboxSetup.settings(sandbox);
            refused.put("b2b.klikoo.private-key", "classpath:camel-b2b-token/sandbox/klikoo-private-key.pem");
            refused.putAll(extra);
            try (TestApp app = TestApp.start(refused)) {
                Exchange failed = call(app, "klikoo", "/v1/open-api/account/inquiry");
                assertTrue(failed.getException() != null);
                assertFalse(failed.getException().getMessage().contains(SandboxSetup.KLIKOO_SECRET));
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
            Configurator.setRootLevel(before);
            Configurator.setLevel("org.apache.camel", camelBefore);
            Configurator.setLevel("org.camelb2b", before);
            config.getRootLogger().removeAppender("capture");
            capture.stop();
        }
        String written = logs + "\n" + console.toString(StandardCharsets.UTF_8);
        // kept for whoever has to find a leak this test reports
        java.nio.file.Files.writeString(java.nio.file.Path.of(keepAs), written);
        assertTrue(written.contains("outcome=success") && written.contains("outcome=failure"),
                "the run must have logged (is the capture working?)");
        List<String> secrets = new ArrayList<>(tokens);
        secrets.add(PASSPHRASE);
        secrets.add(SandboxSetup.DOKU_SECRET);
        secrets.add(SandboxSetup.KLIKOO_SECRET);
        for (String secret : secrets) {
            assertFalse(written.contains(secret), "a secret was written: " + secret.substring(0, 4) + "…");
        }
        for (String key : List.of("keys/rsa-pkcs8.pem", "keys/rsa-pkcs8-encrypted-3des.pem", "keys/rsa-pkcs1.pem")) {
            String body = Keys.text(key).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            for (int i = 0; i + 24 <= body.length(); i += 24) {
                assertFalse(written.contains(body.substring(i, i + 24)), "key material from " + key + " was written");
            }
        }
        return written;
    }

    static Exchange call(TestApp app, String provider, String path) {
        return app.template().send("direct:b2b-call", e -> {
            e.getMessage().setHeader(PaymentHeaders.PROVIDER, provider);
            e.getMessage().setHeader(PaymentHeaders.PATH, path);
            e.getMessage().setBody("{\"amount\":{\"value\":\"1.00\",\"currency\":\"IDR\"}}");
        });
    }
}

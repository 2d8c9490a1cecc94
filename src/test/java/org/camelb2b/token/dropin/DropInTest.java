package org.camelb2b.token.dropin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.camelb2b.token.sandbox.SandboxProvider;
import org.camelb2b.token.testing.Keys;
import org.camelb2b.token.testing.SandboxSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundle dropped into somebody else's Camel application. A separate JVM runs camel-main's own
 * {@code org.apache.camel.main.Main} (not ours) with the library jar the build made
 * ({@code target/camel-b2b-token.jar}) and the runtime dependencies an application gets with it,
 * and none of our config/ or routes/: the application's own properties, key files, logging
 * configuration and YAML route, written here the way the README shows them. Its route gets a token
 * through the {@code b2b-token-action} kamelet and makes signed payment calls through the
 * {@code b2b-payment-call-action} kamelet, for DOKU (settings from application.properties, token
 * route from the application's own {@code templatedRoute}) and Klikoo (every setting a kamelet
 * property, the key from the environment), against the sandbox provider, which verifies every
 * signature the way a provider does.
 */
class DropInTest {

    private static final Path LIBRARY_JAR = Path.of("target/camel-b2b-token.jar");
    private static final Path RUNTIME_CLASSPATH = Path.of("target/drop-in/runtime-classpath.txt");

    @TempDir
    Path app;

    @Test
    void aPlainCamelApplicationWithTheJarMakesSignedCallsThroughTheKamelets() throws Exception {
        assertTrue(Files.isRegularFile(LIBRARY_JAR), "the library jar is built before the tests (process-classes)");
        try (SandboxProvider sandbox = SandboxSetup.start()) {
            writeApplication(sandbox);
            Process child = start();
            boolean exited = child.waitFor(120, TimeUnit.SECONDS);
            if (!exited) {
                child.destroyForcibly();
            }
            String output = Files.readString(app.resolve("output.log"));
            // kept for whoever reads a failed build
            Files.writeString(Path.of("target/drop-in/output.log"), output);
            assertTrue(exited, "the application stops once idle; output:\n" + output);
            assertEquals(0, child.exitValue(), "exit status; output:\n" + output);

            // what the application's route saw: the token kamelet's header, then the provider's answer
            String[] doku = read("doku.txt", output).split(" ");
            String[] klikoo = read("klikoo.txt", output).split(" ");
            assertEquals(List.of("Bearer", "2002700", "true"), List.of(doku[0], doku[2], doku[3]));
            assertEquals(List.of("Bearer", "200032000", "true"), List.of(klikoo[0], klikoo[2], klikoo[3]));
            assertTrue(sandbox.isValidToken(doku[1]) && sandbox.isValidToken(klikoo[1]), "tokens the provider issued");

            // what the provider saw: one token request and one accepted signed call per client,
            // and not one signature it refused
            assertEquals(1, sandbox.tokenRequests(SandboxSetup.DOKU_CLIENT));
            assertEquals(1, sandbox.paymentsAccepted(SandboxSetup.DOKU_CLIENT));
            assertEquals(1, sandbox.tokenRequests(SandboxSetup.KLIKOO_CLIENT));
            assertEquals(1, sandbox.paymentsAccepted(SandboxSetup.KLIKOO_CLIENT));
            assertEquals(0, sandbox.rejections(), "requests the sandbox refused");

            // the application logs at DEBUG with the README's logger settings: no secret in it
            assertTrue(output.contains("B2B providers configured: [doku, klikoo]"), output);
            for (String secret : List.of(doku[1], klikoo[1], SandboxSetup.DOKU_SECRET, SandboxSetup.KLIKOO_SECRET, Keys.PASSPHRASE,
                    keyBody("keys/rsa-pkcs1.pem"), keyBody("keys/rsa-pkcs8-encrypted-3des.pem"))) {
                assertFalse(output.contains(secret), "a secret in the application's output");
            }
        }
    }

    /** The application's own files: properties, key files, logging and its route. */
    private void writeApplication(SandboxProvider sandbox) throws IOException {
        Files.createDirectories(app.resolve("keys"));
        Files.createDirectories(app.resolve("routes"));
        Files.writeString(app.resolve("keys/doku-private-key.pem"), Keys.text("keys/rsa-pkcs8-encrypted-3des.pem"));
        Files.writeString(app.resolve("application.properties"), String.join("\n",
                "camel.main.name = drop-in",
                // our route template for the application's own templatedRoute, then its routes
                "camel.main.routes-include-pattern = classpath:camel-b2b-token/routes/b2b-token-template.yaml,"
                        + "file:" + app.resolve("routes") + "/*.yaml",
                "camel.main.auto-configuration-log-summary = false",
                "camel.main.duration-max-idle-seconds = 2",
                "sandbox.url = " + sandbox.baseUrl(),
                "b2b.doku.base-url = {{sandbox.url}}",
                "b2b.doku.client-id = " + SandboxSetup.DOKU_CLIENT,
                "b2b.doku.private-key = " + app.resolve("keys/doku-private-key.pem"),
                "b2b.doku.private-key-passphrase = {{env:DOKU_KEY_PASSPHRASE}}",
                "b2b.doku.client-secret = {{env:DOKU_CLIENT_SECRET}}",
                "b2b.doku.channel-id = 95221",
                "klikoo.client-id = " + SandboxSetup.KLIKOO_CLIENT,
                ""));
        Files.writeString(app.resolve("log4j2.properties"), String.join("\n",
                "appender.console.type = Console",
                "appender.console.name = console",
                "appender.console.layout.type = PatternLayout",
                "appender.console.layout.pattern = %-5level %c - %msg%n",
                "rootLogger.level = DEBUG",
                "rootLogger.appenderRef.stdout.ref = console",
                // the README's advice for applications: these print secrets at DEBUG
                "logger.properties.name = org.apache.camel.component.properties",
                "logger.properties.level = INFO",
                "logger.httpwire.name = org.apache.hc.client5.http.wire",
                "logger.httpwire.level = INFO",
                "logger.httpheaders.name = org.apache.hc.client5.http.headers",
                "logger.httpheaders.level = INFO",
                "logger.placeholders.name = org.apache.camel.impl.engine.DefaultCamelContextExtension",
                "logger.placeholders.level = INFO",
                ""));
        Files.writeString(app.resolve("routes/payments.yaml"), """
                # DOKU's token route, from the bundle's route template
                - templatedRoute:
                    routeTemplateRef: b2b-token
                    routeId: b2b-token-doku
                    parameters:
                      - name: provider
                        value: doku

                # DOKU: settings from application.properties (b2b.doku.*)
                - route:
                    id: doku-create-va
                    from:
                      uri: timer:doku?repeatCount=1
                      steps:
                        - kamelet:
                            name: b2b-token-action
                            parameters:
                              provider: doku
                        - setProperty:
                            name: authorization
                            simple: "${header.Authorization}"
                        - setBody:
                            constant: '{"partnerServiceId":"  888994","customerNo":"00000000000000000001","virtualAccountNo":"  88899400000000000000000001","virtualAccountName":"Budi Santoso","trxId":"INV-2026-0001","totalAmount":{"value":"12500.00","currency":"IDR"}}'
                        - kamelet:
                            name: b2b-payment-call-action
                            parameters:
                              provider: doku
                              path: /virtual-accounts/bi-snap-va/v1.1/transfer-va/create-va
                        - setBody:
                            simple: "${exchangeProperty.authorization} ${header.B2bResponseCode} ${header.B2bResponseSuccess}"
                        - to: file:out?fileName=doku.txt

                # Klikoo: every setting a kamelet property, the key and secret from the environment
                - route:
                    id: klikoo-inquiry
                    from:
                      uri: timer:klikoo?repeatCount=1
                      steps:
                        - to:
                            uri: kamelet:b2b-token-action
                            parameters:
                              provider: klikoo
                              dialect: klikoo
                              baseUrl: "{{sandbox.url}}/klikoo-b2b"
                              clientId: "{{klikoo.client-id}}"
                              privateKey: env:KLIKOO_PRIVATE_KEY
                              clientSecret: "{{env:KLIKOO_CLIENT_SECRET}}"
                        - setProperty:
                            name: authorization
                            simple: "${header.Authorization}"
                        - setBody:
                            constant: '{"bank_code": "014", "account_number": "1234567890"}'
                        - kamelet:
                            name: b2b-payment-call-action
                            parameters:
                              provider: klikoo
                              path: /v1/open-api/account/inquiry
                        - setBody:
                            simple: "${exchangeProperty.authorization} ${header.B2bResponseCode} ${header.B2bResponseSuccess}"
                        - to: file:out?fileName=klikoo.txt
                """);
    }

    private Process start() throws IOException {
        List<String> classpath = new ArrayList<>();
        classpath.add(LIBRARY_JAR.toAbsolutePath().toString());
        classpath.addAll(Arrays.asList(Files.readString(RUNTIME_CLASSPATH).strip().split(File.pathSeparator)));
        // the application's logging choice (the library jar brings none)
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> Path.of(entry).getFileName().toString().startsWith("log4j-"))
                .forEach(classpath::add);
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlog4j2.configurationFile=" + app.resolve("log4j2.properties"),
                "-cp", String.join(File.pathSeparator, classpath),
                "org.apache.camel.main.Main",
                "-pl", "file:" + app.resolve("application.properties"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(app.toFile())
                .redirectErrorStream(true).redirectOutput(app.resolve("output.log").toFile());
        builder.environment().put("DOKU_KEY_PASSPHRASE", Keys.PASSPHRASE);
        builder.environment().put("DOKU_CLIENT_SECRET", SandboxSetup.DOKU_SECRET);
        builder.environment().put("KLIKOO_PRIVATE_KEY", Keys.text("keys/rsa-pkcs1.pem"));
        builder.environment().put("KLIKOO_CLIENT_SECRET", SandboxSetup.KLIKOO_SECRET);
        return builder.start();
    }

    private String read(String file, String output) throws IOException {
        Path result = app.resolve("out").resolve(file);
        assertTrue(Files.isRegularFile(result), file + " was not written; output:\n" + output);
        return Files.readString(result, StandardCharsets.UTF_8).strip();
    }

    /** A line from the middle of a PEM key: part of the key material itself. */
    private static String keyBody(String resource) {
        List<String> lines = Keys.text(resource).lines().filter(l -> !l.startsWith("-----") && !l.contains(":"))
                .filter(l -> !l.isBlank()).collect(Collectors.toList());
        return lines.get(lines.size() / 2);
    }
}

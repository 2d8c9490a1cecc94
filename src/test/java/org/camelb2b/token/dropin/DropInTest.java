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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camelb2b.token.testing.FreePort;
import org.camelb2b.token.sandbox.SandboxProvider;
import org.camelb2b.token.testing.Keys;
import org.camelb2b.token.testing.SandboxSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library dropped into somebody else's Camel application, as a team would build one: a Maven
 * pom with camel-main, camel-platform-http-main (its HTTP server on), camel-timer, log4j2 and the
 * library, resolved by Maven itself ({@link ApplicationBuild}: whatever versions win in such an
 * application win here); camel-main's own {@code org.apache.camel.main.Main} in a separate JVM
 * with that classpath; the application's application.properties and log4j2.properties (INFO) on
 * its classpath, with the providers' secrets written in application.properties, and camel-main's
 * start-up summary left on, as it is by default. None of our config/ or routes/; no camel-health,
 * no Micrometer.
 *
 * <p>Its routes make signed payment calls that the sandbox verifies as a provider does: DOKU through
 * the route template ({@code templatedRoute} b2b-token) and {@code direct:b2b-call}, and through the
 * component's {@code b2b:call:doku} endpoint (its own correlation header kept), Klikoo through the
 * {@code b2b-payment-call-action} kamelet. Nothing the JVM wrote holds a secret, a token or key
 * material.
 */
class DropInTest {

    private static final Pattern RESULT = Pattern.compile("RESULT ([\\w-]+) (\\S+) (\\S+)( \\S+)?");

    @TempDir
    Path app;

    @Test
    void aCamelMainApplicationWithPlatformHttpMakesSignedCallsThroughTheTemplateAndTheKamelet() throws Exception {
        List<Path> classpath = new ApplicationBuild(app.resolve("build"))
                .camel("camel-main").camel("camel-platform-http-main").camel("camel-timer")
                .dependency("org.apache.logging.log4j", "log4j-slf4j2-impl", "2.24.3")
                .library()
                .resolve();

        try (SandboxProvider sandbox = SandboxSetup.start()) {
            Set<Path> inputs = writeApplication(sandbox);
            Run run = run(classpath, 120);
            String output = run.output();
            assertTrue(run.exited(), "the application stops once idle; output:\n" + output);
            assertEquals(0, run.exitValue(), "exit status; output:\n" + output);

            // what the application's routes saw: the provider's answer
            assertEquals(Set.of("doku 2002700 true", "doku-component 2002600 true corr-42", "klikoo 200032000 true"),
                    results(output), output);
            // what the provider saw: one token request and one accepted signed call per client,
            // and not one signature it refused
            assertEquals(1, sandbox.tokenRequests(SandboxSetup.DOKU_CLIENT));
            assertEquals(2, sandbox.paymentsAccepted(SandboxSetup.DOKU_CLIENT));
            assertEquals(1, sandbox.tokenRequests(SandboxSetup.KLIKOO_CLIENT));
            assertEquals(1, sandbox.paymentsAccepted(SandboxSetup.KLIKOO_CLIENT));
            assertEquals(0, sandbox.rejections(), "requests the sandbox refused");
            assertTrue(output.contains("B2B providers configured: "), output);

            // camel-main's summary of the properties it resolved was printed, our secrets masked
            assertTrue(output.contains("Property-placeholders summary"), "the summary is on; output:\n" + output);
            assertTrue(output.contains("b2b.doku.private-key-passphrase = xxxxxx"), output);
            assertTrue(output.contains("b2b.doku.client-secret = xxxxxx"), output);

            // everything the JVM wrote: its output and any file it made
            List<String> secrets = new ArrayList<>(List.of(SandboxSetup.DOKU_SECRET, SandboxSetup.KLIKOO_SECRET,
                    Keys.PASSPHRASE, keyBody("keys/rsa-pkcs8.pem"), keyBody("keys/rsa-pkcs1.pem"),
                    keyBody("keys/rsa-pkcs8-encrypted-3des.pem")));
            assertEquals(2, sandbox.issuedTokens().size());
            secrets.addAll(sandbox.issuedTokens());
            for (Path written : writtenByTheJvm(inputs)) {
                String text = Files.readString(written, StandardCharsets.ISO_8859_1);
                for (String secret : secrets) {
                    assertFalse(text.contains(secret), "a secret in " + app.relativize(written) + ":\n" + text);
                }
            }
        }
        // and all that without camel-health, Micrometer and Hazelcast, which the library does not bring
        List<String> optional = classpath.stream().map(jar -> jar.getFileName().toString())
                .filter(name -> name.startsWith("camel-health") || name.startsWith("micrometer")
                        || name.startsWith("hazelcast")).toList();
        assertEquals(List.of(), optional, "optional dependencies the library brought");
    }

    /**
     * The same application with jackson-core 2.16.1 (its own pin; before the library declared
     * jackson-core, Vert.x's 2.16.1 won this way on its own): startup stops, naming the version
     * found and the one needed, before any token request. Without the check, tokens worked and
     * every signed call failed with {@code NoSuchFieldError: ESCAPE_FORWARD_SLASHES}.
     */
    @Test
    void anApplicationWithJacksonCoreOlderThan218StopsAtStartupNamingBothVersions() throws Exception {
        List<Path> classpath = new ApplicationBuild(app.resolve("build"))
                .camel("camel-main").camel("camel-platform-http-main").camel("camel-timer")
                .dependency("org.apache.logging.log4j", "log4j-slf4j2-impl", "2.24.3")
                .dependency("com.fasterxml.jackson.core", "jackson-core", "2.16.1")
                .library()
                .resolve();
        assertTrue(classpath.stream().anyMatch(jar -> jar.getFileName().toString().equals("jackson-core-2.16.1.jar")),
                classpath.toString());

        try (SandboxProvider sandbox = SandboxSetup.start()) {
            writeApplication(sandbox);
            Run run = run(classpath, 60, "jackson-core");
            String output = run.output();
            assertTrue(!run.exited() || run.exitValue() != 0, "startup fails; output:\n" + output);
            assertTrue(output.contains("jackson-core 2.16.1"), "names the version found; output:\n" + output);
            assertTrue(output.contains("2.18.0 or later"), "names the version needed; output:\n" + output);
            assertTrue(output.contains("jackson-core-2.16.1.jar"), "names where it came from; output:\n" + output);
            assertFalse(output.contains("NoSuchFieldError"), output);
            assertEquals(0, sandbox.tokenRequests(SandboxSetup.DOKU_CLIENT) + sandbox.tokenRequests(SandboxSetup.KLIKOO_CLIENT));
            assertEquals(0, sandbox.paymentsAccepted(SandboxSetup.DOKU_CLIENT) + sandbox.paymentsAccepted(SandboxSetup.KLIKOO_CLIENT));
        }
    }

    /** The application's own files (its "src/main/resources", a key file); returns what was written. */
    private Set<Path> writeApplication(SandboxProvider sandbox) throws IOException {
        Path resources = app.resolve("classes");
        Files.createDirectories(resources.resolve("camel"));
        Files.createDirectories(app.resolve("keys"));
        Set<Path> written = new HashSet<>();
        written.add(write(app.resolve("keys/doku-private-key.pem"), Keys.text("keys/rsa-pkcs8-encrypted-3des.pem")));
        written.add(write(resources.resolve("application.properties"), String.join("\n",
                "camel.main.name = payments-app",
                // the bundle's route template and payment-call route, then the application's routes
                "camel.main.routes-include-pattern = classpath:camel-b2b-token/routes/b2b-token-template.yaml,"
                        + "classpath:camel-b2b-token/routes/b2b-payment-call.yaml,classpath:camel/*.yaml",
                "camel.main.duration-max-idle-seconds = 3",
                "camel.server.enabled = true",
                "camel.server.host = 127.0.0.1",
                "camel.server.port = " + freePort(),
                "sandbox.url = " + sandbox.baseUrl(),
                "b2b.doku.base-url = {{sandbox.url}}",
                "b2b.doku.client-id = " + SandboxSetup.DOKU_CLIENT,
                "b2b.doku.private-key = " + app.resolve("keys/doku-private-key.pem"),
                "b2b.doku.private-key-passphrase = " + Keys.PASSPHRASE,
                "b2b.doku.client-secret = " + SandboxSetup.DOKU_SECRET,
                "b2b.doku.channel-id = 95221",
                "klikoo.client-id = " + SandboxSetup.KLIKOO_CLIENT,
                "klikoo.client-secret = " + SandboxSetup.KLIKOO_SECRET,
                "")));
        written.add(write(resources.resolve("log4j2.properties"), String.join("\n",
                "appender.console.type = Console",
                "appender.console.name = console",
                "appender.console.layout.type = PatternLayout",
                "appender.console.layout.pattern = %d %-5level [%t] %c - %msg%n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.stdout.ref = console",
                "")));
        written.add(write(resources.resolve("camel/payments.yaml"), """
                # DOKU's token route, from the bundle's route template
                - templatedRoute:
                    routeTemplateRef: b2b-token
                    routeId: b2b-token-doku
                    parameters:
                      - name: provider
                        value: doku

                # DOKU: settings from application.properties (b2b.doku.*), the signed call through direct:b2b-call
                - route:
                    id: doku-create-va
                    from:
                      uri: timer:doku?repeatCount=1
                      steps:
                        - setBody:
                            constant: '{"partnerServiceId":"  888994","customerNo":"00000000000000000001","virtualAccountNo":"  88899400000000000000000001","virtualAccountName":"Budi Santoso","trxId":"INV-2026-0001","totalAmount":{"value":"12500.00","currency":"IDR"}}'
                        - setHeader: { name: B2bProvider, constant: doku }
                        - setHeader: { name: B2bPath, constant: /virtual-accounts/bi-snap-va/v1.1/transfer-va/create-va }
                        - to: direct:b2b-call
                        - log: "RESULT doku ${header.B2bResponseCode} ${header.B2bResponseSuccess}"

                # DOKU again, through the b2b component's endpoint; the application's own header stays
                - route:
                    id: doku-status
                    from:
                      uri: timer:doku-status?repeatCount=1
                      steps:
                        - setBody:
                            constant: '{"partnerServiceId":"  888994","customerNo":"00000000000000000001","virtualAccountNo":"  88899400000000000000000001"}'
                        - setHeader: { name: X-Correlation-Id, constant: corr-42 }
                        - to: b2b:call:doku?path=/orders/v1.0/transfer-va/status
                        - log: "RESULT doku-component ${header.B2bResponseCode} ${header.B2bResponseSuccess} ${header.X-Correlation-Id}"

                # Klikoo: every setting a kamelet property, the key from the environment
                - route:
                    id: klikoo-inquiry
                    from:
                      uri: timer:klikoo?repeatCount=1
                      steps:
                        - setBody:
                            constant: '{"bank_code": "014", "account_number": "1234567890"}'
                        - kamelet:
                            name: b2b-payment-call-action
                            parameters:
                              provider: klikoo
                              dialect: klikoo
                              baseUrl: "{{sandbox.url}}/klikoo-b2b"
                              clientId: "{{klikoo.client-id}}"
                              privateKey: env:KLIKOO_PRIVATE_KEY
                              clientSecret: "{{klikoo.client-secret}}"
                              path: /v1/open-api/account/inquiry
                        - log: "RESULT klikoo ${header.B2bResponseCode} ${header.B2bResponseSuccess}"

                # the application's own HTTP endpoint (platform-http on Vert.x)
                - route:
                    id: status
                    from:
                      uri: platform-http:/status
                      steps:
                        - setBody:
                            constant: ok
                """));
        return written;
    }

    private record Run(boolean exited, int exitValue, String output) {
    }

    /**
     * Runs camel-main's Main on the application's classpath; waits until it exits, or until its
     * output shows {@code failure} (a failed start can leave non-daemon threads behind).
     */
    private Run run(List<Path> dependencies, int timeoutSeconds, String... failure) throws Exception {
        List<String> classpath = new ArrayList<>();
        classpath.add(app.resolve("classes").toString());
        dependencies.forEach(jar -> classpath.add(jar.toString()));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, classpath), "org.apache.camel.main.Main");
        Path log = app.resolve("output.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(app.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("KLIKOO_PRIVATE_KEY", Keys.text("keys/rsa-pkcs1.pem"));
        Process child = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        boolean exited = false;
        while (System.nanoTime() < deadline && !(exited = child.waitFor(200, TimeUnit.MILLISECONDS))) {
            if (failure.length > 0 && Files.readString(log, StandardCharsets.ISO_8859_1).contains(failure[0])) {
                child.waitFor(3, TimeUnit.SECONDS);
                exited = !child.isAlive();
                break;
            }
        }
        if (!exited) {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.ISO_8859_1);
        // kept for whoever reads a failed build
        Path kept = Path.of("target/drop-in");
        Files.createDirectories(kept);
        Files.writeString(kept.resolve("output.log"), output);
        return new Run(exited, exited ? child.exitValue() : -1, output);
    }

    private static Set<String> results(String output) {
        Set<String> results = new HashSet<>();
        Matcher m = RESULT.matcher(output);
        while (m.find()) {
            results.add(m.group(1) + " " + m.group(2) + " " + m.group(3) + (m.group(4) == null ? "" : m.group(4)));
        }
        return results;
    }

    /** Every file in the application's directory but the ones the test wrote (and the build's). */
    private List<Path> writtenByTheJvm(Set<Path> inputs) throws IOException {
        try (Stream<Path> files = Files.walk(app)) {
            return files.filter(Files::isRegularFile).filter(f -> !inputs.contains(f))
                    .filter(f -> !f.startsWith(app.resolve("build"))).collect(Collectors.toList());
        }
    }

    private static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text);
        return file;
    }

    private static int freePort() {
        try {
            return FreePort.find();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A line from the middle of a PEM key: part of the key material itself. */
    private static String keyBody(String resource) {
        List<String> lines = Keys.text(resource).lines().filter(l -> !l.startsWith("-----") && !l.contains(":"))
                .filter(l -> !l.isBlank()).collect(Collectors.toList());
        return lines.get(lines.size() / 2);
    }

}

package org.camelb2b.token.main;

import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;

import org.apache.camel.support.service.ServiceSupport;
import org.camelb2b.token.provider.ConfigurationException;
import org.camelb2b.token.sandbox.SandboxClient;
import org.camelb2b.token.sandbox.SandboxProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in sandbox provider as a Camel service, from the {@code b2b.sandbox.*} settings:
 * DOKU-like and Klikoo-like token endpoints on loopback that verify signatures with the
 * registered public keys.
 */
final class SandboxService extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxService.class);

    private final String host;
    private final int port;
    private final List<SandboxClient> clients;
    private SandboxProvider sandbox;

    private SandboxService(String host, int port, List<SandboxClient> clients) {
        this.host = host;
        this.port = port;
        this.clients = clients;
    }

    /** The sandbox of the {@code b2b.sandbox.*} settings, or null when they have problems (recorded). */
    static SandboxService fromSettings(Settings settings) {
        String host = settings.optional("b2b.sandbox.host", "127.0.0.1");
        int port = settings.port("b2b.sandbox.port", 18080);
        SandboxClient doku = client(settings, "snap", "doku", false);
        SandboxClient klikoo = client(settings, "klikoo", "klikoo", true);
        return doku == null || klikoo == null ? null : new SandboxService(host, port, List.of(doku, klikoo));
    }

    private static SandboxClient client(Settings settings, String dialect, String name, boolean secretRequired) {
        String prefix = "b2b.sandbox." + name + ".";
        String clientId = settings.required(prefix + "client-id");
        String secret = secretRequired ? settings.required(prefix + "client-secret") : settings.optional(prefix + "client-secret", null);
        String keyLocation = settings.required(prefix + "public-key");
        PublicKey key = null;
        if (keyLocation != null) {
            try {
                key = publicKey(keyLocation, prefix + "public-key");
            } catch (ConfigurationException e) {
                e.problems().forEach(settings::problem);
            }
        }
        return clientId == null || key == null || (secretRequired && secret == null) ? null
                : new SandboxClient(dialect, clientId, secret, key);
    }

    @Override
    protected void doStart() throws Exception {
        try {
            sandbox = SandboxProvider.start(host, port, clients);
        } catch (BindException e) {
            throw new ConfigurationException(List.of("b2b.sandbox.port: cannot listen on " + host + ":" + port + " ("
                    + e.getMessage() + "); choose a free port or set b2b.sandbox.enabled=false"));
        }
        LOG.info("Sandbox provider listening on {} (SANDBOX ONLY: DOKU-like and Klikoo-like token endpoints)",
                sandbox.baseUrl());
    }

    @Override
    protected void doStop() {
        if (sandbox != null) {
            sandbox.close();
            sandbox = null;
        }
    }

    private static PublicKey publicKey(String location, String setting) {
        String pem;
        try {
            if (location.startsWith("classpath:")) {
                String name = location.substring("classpath:".length()).replaceFirst("^/", "");
                try (InputStream in = SandboxService.class.getClassLoader().getResourceAsStream(name)) {
                    if (in == null) {
                        throw new ConfigurationException(List.of(setting + ": no such classpath resource '" + name + "'"));
                    }
                    pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                }
            } else if (location.contains("-----BEGIN")) {
                pem = location.replace("\\n", "\n");
            } else {
                Path path = Path.of(location.startsWith("file:") ? location.substring(5) : location);
                if (!Files.isRegularFile(path)) {
                    throw new ConfigurationException(List.of(setting + ": no such file '" + path + "'"));
                }
                pem = Files.readString(path, StandardCharsets.US_ASCII);
            }
            return SandboxProvider.readPublicKey(pem);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigurationException(List.of(setting + ": " + e.getMessage()));
        }
    }
}

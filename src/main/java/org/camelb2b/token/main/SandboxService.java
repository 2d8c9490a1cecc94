package org.camelb2b.token.main;

import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelContext;
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

    static SandboxService fromSettings(CamelContext context) {
        String host = context.getPropertiesComponent().resolveProperty("b2b.sandbox.host").orElse("127.0.0.1");
        int port = Settings.port(context, "b2b.sandbox.port", 18080);
        List<SandboxClient> clients = new ArrayList<>();
        clients.add(new SandboxClient("snap", Settings.required(context, "b2b.sandbox.doku.client-id"),
                context.getPropertiesComponent().resolveProperty("b2b.sandbox.doku.client-secret").orElse(null),
                publicKey(Settings.required(context, "b2b.sandbox.doku.public-key"), "b2b.sandbox.doku.public-key")));
        clients.add(new SandboxClient("klikoo", Settings.required(context, "b2b.sandbox.klikoo.client-id"),
                Settings.required(context, "b2b.sandbox.klikoo.client-secret"),
                publicKey(Settings.required(context, "b2b.sandbox.klikoo.public-key"), "b2b.sandbox.klikoo.public-key")));
        return new SandboxService(host, port, clients);
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

package org.camelb2b.token.main;

import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.List;

import org.apache.camel.support.service.ServiceSupport;
import org.camelb2b.token.provider.ConfigurationException;
import org.camelb2b.token.sandbox.SandboxClient;
import org.camelb2b.token.sandbox.SandboxPayer;
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
    private final SandboxPayer payer;
    private SandboxProvider sandbox;

    private SandboxService(String host, int port, List<SandboxClient> clients, SandboxPayer payer) {
        this.host = host;
        this.port = port;
        this.clients = clients;
        this.payer = payer;
    }

    /** The sandbox of the {@code b2b.sandbox.*} settings, or null when they have problems (recorded). */
    static SandboxService fromSettings(Settings settings) {
        String host = settings.optional("b2b.sandbox.host", "127.0.0.1");
        int port = settings.port("b2b.sandbox.port", 18080);
        SandboxClient doku = client(settings, "snap", "doku", false);
        SandboxClient klikoo = client(settings, "klikoo", "klikoo", true);
        SandboxPayer payer = doku == null ? null : payer(settings, doku);
        return doku == null || klikoo == null ? null : new SandboxService(host, port, List.of(doku, klikoo), payer);
    }

    /**
     * The sandbox as the provider that calls the merchant back ({@code b2b.sandbox.doku.notify-url}):
     * it pays every VA the DOKU client creates, through the merchant's inbound endpoints. Null
     * when not asked for, or when its settings have problems (recorded).
     */
    private static SandboxPayer payer(Settings settings, SandboxClient doku) {
        String prefix = "b2b.sandbox.doku.";
        String url = settings.optional(prefix + "notify-url", null);
        if (url == null) {
            return null;
        }
        String keyLocation = settings.required(prefix + "provider-private-key");
        if (doku.clientSecret() == null) {
            settings.problem(prefix + "client-secret: is not set; the sandbox signs its payment notifications with it");
        }
        if (keyLocation == null || doku.clientSecret() == null) {
            return null;
        }
        try {
            PrivateKey key = SandboxProvider.readPrivateKey(text(keyLocation, prefix + "provider-private-key"));
            return new SandboxPayer(url, settings.optional(prefix + "notify-token-path", "/v1.0/access-token/b2b"),
                    settings.optional(prefix + "notify-payment-path", "/v1.0/transfer-va/payment"), doku.clientId(),
                    doku.clientSecret(), key);
        } catch (ConfigurationException e) {
            e.problems().forEach(settings::problem);
        } catch (IllegalArgumentException e) {
            settings.problem(prefix + "provider-private-key: " + e.getMessage());
        }
        return null;
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
        if (payer != null) {
            sandbox.payTo(payer);
            LOG.info("Sandbox pays the virtual accounts it creates: token and payment notification to {}",
                    payer.notifyUrl());
        }
    }

    @Override
    protected void doStop() {
        if (sandbox != null) {
            sandbox.close();
            sandbox = null;
        }
    }

    private static PublicKey publicKey(String location, String setting) {
        try {
            return SandboxProvider.readPublicKey(text(location, setting));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(List.of(setting + ": " + e.getMessage()));
        }
    }

    /** The PEM text at a {@code classpath:}, {@code file:} or file location, or given inline. */
    private static String text(String location, String setting) {
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
            return pem;
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigurationException(List.of(setting + ": " + e.getMessage()));
        }
    }
}

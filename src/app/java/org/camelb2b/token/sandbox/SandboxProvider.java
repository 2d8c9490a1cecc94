package org.camelb2b.token.sandbox;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A built-in, loopback-only stand-in for DOKU (SNAP) and Klikoo: token endpoints that verify the
 * RSA signature with the registered public key and the timestamp, payment endpoints that verify
 * token, headers and HMAC signature, answering with the providers' response codes. FOR
 * DEVELOPMENT AND TESTS ONLY.
 *
 * <p>SNAP paths are served at the root ({@code /authorization/v1/access-token/b2b}, ...), Klikoo
 * under its deployment prefix {@code /klikoo-b2b} (and also without it).
 */
public final class SandboxProvider implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxProvider.class);

    /**
     * The JDK's HTTP server writes an answer's headers and its body in two writes; without
     * TCP_NODELAY, Nagle holds the body until the client's delayed ACK, about 40 ms per answer.
     * The server reads this once, when its first instance is made, so it is set before that
     * (an explicit -Dsun.net.httpserver.nodelay wins).
     */
    public static final String NO_DELAY = "sun.net.httpserver.nodelay";

    static {
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }
    static final String KLIKOO_PREFIX = "/klikoo-b2b";
    /** Below it, one provider per preset, with that preset's rules: {@code /presets/bca/...}. */
    public static final String PRESETS = "/presets";

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, SandboxClient> clients = new ConcurrentHashMap<>();
    private final SandboxTokens tokens = new SandboxTokens();
    private final SnapSandbox snap = new SnapSandbox(this);
    private final KlikooSandbox klikoo = new KlikooSandbox(this);
    private final Map<String, AtomicInteger> tokenRequests = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> tokensIssued = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> paymentsAccepted = new ConcurrentHashMap<>();
    private final AtomicInteger rejections = new AtomicInteger();
    private final AtomicInteger signatureRejections = new AtomicInteger();
    private final AtomicInteger tokenRejections = new AtomicInteger();
    private final Map<String, SandboxPayer> payers = new ConcurrentHashMap<>();

    private SandboxProvider(HttpServer server, List<SandboxClient> registered) {
        this.server = server;
        registered.forEach(c -> clients.put(c.dialect() + "|" + c.clientId(), c));
        this.executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "b2b-sandbox");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    public static SandboxProvider start(String host, int port, List<SandboxClient> clients) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 64);
        SandboxProvider sandbox = new SandboxProvider(server, clients);
        server.start();
        return sandbox;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + port();
    }

    /** Token requests received for the client id, whatever their outcome. */
    public int tokenRequests(String clientId) {
        return count(tokenRequests, clientId);
    }

    public int tokensIssued(String clientId) {
        return count(tokensIssued, clientId);
    }

    /** Payment calls of the client that passed every check. */
    public int paymentsAccepted(String clientId) {
        return count(paymentsAccepted, clientId);
    }

    /** Requests answered with an error code, all causes. */
    public int rejections() {
        return rejections.get();
    }

    /** Requests rejected for a wrong RSA or HMAC signature. */
    public int signatureRejections() {
        return signatureRejections.get();
    }

    /** Payment calls rejected for an invalid, expired or revoked token. */
    public int tokenRejections() {
        return tokenRejections.get();
    }

    /** Registers a client (or replaces one of the same dialect and id), as a provider's dashboard does. */
    public void register(SandboxClient client) {
        clients.put(client.dialect() + "|" + client.clientId(), client);
    }

    /**
     * Makes the sandbox pay every virtual account the SNAP client creates: it then calls the
     * merchant's inbound endpoints ({@link SandboxPayer}).
     */
    public void payTo(SandboxPayer payer) {
        payers.put(payer.clientId(), payer);
    }

    /** Every token the sandbox issued, revoked and expired ones included (tests look for them in logs). */
    public Set<String> issuedTokens() {
        return tokens.everIssued();
    }

    public boolean isValidToken(String token) {
        return tokens.clientOf(token) != null;
    }

    /** Revokes every issued token, as a provider does on a key rotation or an incident. */
    public void revokeAllTokens() {
        tokens.revokeAll();
    }

    public void setTokenLifetimeSeconds(long seconds) {
        tokens.setLifetimeSeconds(seconds);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads a public key from PEM ({@code BEGIN PUBLIC KEY} or {@code BEGIN RSA PUBLIC KEY}). */
    public static PublicKey readPublicKey(String pemText) {
        try (PEMParser parser = new PEMParser(new StringReader(pemText))) {
            Object object = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (object instanceof SubjectPublicKeyInfo info) {
                return converter.getPublicKey(info);
            }
            if (object instanceof RSAPublicKey rsa) {
                return converter.getPublicKey(new SubjectPublicKeyInfo(
                        new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                                org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.rsaEncryption,
                                org.bouncycastle.asn1.DERNull.INSTANCE), rsa));
            }
            throw new IllegalArgumentException("not a PEM public key"
                    + (object == null ? "" : " (found " + object.getClass().getSimpleName() + ")"));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a PEM public key: " + e.getMessage(), e);
        }
    }

    private void handle(HttpExchange http) throws IOException {
        try {
            SandboxExchange ex = new SandboxExchange(http);
            String path = ex.path();
            LOG.debug("sandbox {} {}", ex.method(), path);
            String klikooPath = path.startsWith(KLIKOO_PREFIX + "/") ? path.substring(KLIKOO_PREFIX.length())
                    : path.startsWith("/v1/open-api/") ? path : null;
            if (path.startsWith(PRESETS + "/")) {
                presetProvider(ex, path.substring(PRESETS.length() + 1));
            } else if (klikooPath != null) {
                if (klikooPath.equals(KlikooSandbox.TOKEN_PATH)) {
                    klikoo.token(ex);
                } else {
                    klikoo.payment(ex, klikooPath);
                }
            } else if (SnapSandbox.TOKEN_PATHS.contains(path)) {
                snap.token(ex);
            } else {
                snap.payment(ex);
            }
        } catch (RuntimeException e) {
            LOG.warn("sandbox failed on {}: {}", http.getRequestURI().getRawPath(), e.toString());
            http.sendResponseHeaders(500, -1);
        } finally {
            http.close();
        }
    }

    /**
     * {@code /presets/<name>/...}: the provider of that preset, its rules enforced
     * ({@link SandboxRules}): its token path and no other, then its payment calls.
     */
    private void presetProvider(SandboxExchange ex, String below) throws IOException {
        int slash = below.indexOf('/');
        SandboxRules rules = SandboxRules.of(slash < 0 ? below : below.substring(0, slash));
        String path = slash < 0 ? "" : below.substring(slash);
        if (rules == null) {
            ex.answer(404, Map.of("responseCode", "4040000", "responseMessage", "Not Found"), Map.of());
        } else if (path.equals(rules.tokenPath())) {
            snap.token(ex, rules);
        } else if (path.endsWith("/access-token/b2b")) {
            snap.notFound(ex);
        } else {
            snap.payment(ex, rules);
        }
    }

    SandboxClient client(String dialect, String clientId) {
        return clientId == null ? null : clients.get(dialect + "|" + clientId);
    }

    SandboxTokens tokens() {
        return tokens;
    }

    void countTokenRequest(String clientId) {
        increment(tokenRequests, clientId);
    }

    void countTokenIssued(String clientId) {
        increment(tokensIssued, clientId);
    }

    void countPaymentAccepted(String clientId) {
        increment(paymentsAccepted, clientId);
    }

    /** A create-VA of the client succeeded: pay it, if the client is to be paid. */
    void created(String clientId, com.fasterxml.jackson.databind.JsonNode createVa) {
        SandboxPayer payer = payers.get(clientId);
        if (payer != null && createVa != null) {
            payer.payLater(createVa, executor);
        }
    }

    /** Reads a private key from unencrypted PEM (PKCS#8 or PKCS#1): the sandbox provider's own. */
    public static java.security.PrivateKey readPrivateKey(String pemText) {
        try (PEMParser parser = new PEMParser(new StringReader(pemText))) {
            Object object = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (object instanceof org.bouncycastle.asn1.pkcs.PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (object instanceof org.bouncycastle.openssl.PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            throw new IllegalArgumentException("not an unencrypted PEM private key");
        } catch (IOException e) {
            throw new IllegalArgumentException("not a PEM private key: " + e.getClass().getSimpleName(), e);
        }
    }

    void countRejection() {
        rejections.incrementAndGet();
    }

    void countSignatureRejection() {
        signatureRejections.incrementAndGet();
    }

    void countTokenRejection() {
        tokenRejections.incrementAndGet();
    }

    private static void increment(Map<String, AtomicInteger> counts, String clientId) {
        counts.computeIfAbsent(clientId == null ? "" : clientId, k -> new AtomicInteger()).incrementAndGet();
    }

    private static int count(Map<String, AtomicInteger> counts, String clientId) {
        AtomicInteger n = counts.get(clientId);
        return n == null ? 0 : n.get();
    }
}

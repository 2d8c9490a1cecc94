package org.camelb2b.token.provider;

import java.net.URI;
import java.security.interfaces.RSAPrivateKey;
import java.util.Objects;

import org.camelb2b.token.cache.CachePolicy;
import org.camelb2b.token.cache.TokenKey;
import org.camelb2b.token.crypto.RsaSigner;
import org.camelb2b.token.crypto.Secrets;
import org.camelb2b.token.dialect.Dialect;

/**
 * One provider's validated settings ({@code b2b.<id>.*}). Instances are only made by
 * {@link ProviderConfigLoader}, which refuses anything incomplete, so holders can rely on every
 * required field. {@link #toString()} never shows the key or the secret.
 */
public final class ProviderConfig {

    private final String id;
    private final Dialect dialect;
    private final URI baseUrl;
    private final String tokenPath;
    private final String clientId;
    private final RSAPrivateKey privateKey;
    private final String keyFingerprint;
    private final String clientSecret;
    private final String channelId;
    private final TimestampFormat timestampFormat;
    private final boolean signSortedQuery;
    private final CachePolicy cachePolicy;
    private final TokenKey tokenKey;
    private final CallLimits callLimits;
    private final Preset preset;
    private final TokenRules tokenRules;
    private final TransactionSignature transactionSignature;

    ProviderConfig(String id, Preset preset, Dialect dialect, URI baseUrl, String tokenPath, String clientId,
                   RSAPrivateKey privateKey, String keyFingerprint, String clientSecret, String channelId,
                   TimestampFormat timestampFormat, boolean signSortedQuery, TransactionSignature transactionSignature,
                   TokenRules tokenRules, CachePolicy cachePolicy, CallLimits callLimits) {
        this.id = Objects.requireNonNull(id);
        this.transactionSignature = Objects.requireNonNull(transactionSignature);
        this.preset = preset;
        this.tokenRules = Objects.requireNonNull(tokenRules);
        this.dialect = Objects.requireNonNull(dialect);
        this.baseUrl = Objects.requireNonNull(baseUrl);
        this.tokenPath = Objects.requireNonNull(tokenPath);
        this.clientId = Objects.requireNonNull(clientId);
        // none for a dialect that signs nothing (oauth2-basic)
        this.privateKey = dialect.signs() ? Objects.requireNonNull(privateKey) : privateKey;
        this.keyFingerprint = Objects.requireNonNull(keyFingerprint);
        this.clientSecret = clientSecret == null ? "" : clientSecret;
        this.channelId = channelId == null ? "" : channelId;
        this.timestampFormat = Objects.requireNonNull(timestampFormat);
        this.signSortedQuery = signSortedQuery;
        this.cachePolicy = Objects.requireNonNull(cachePolicy);
        this.tokenKey = new TokenKey(id, tokenUrl(), clientId, keyFingerprint);
        this.callLimits = Objects.requireNonNull(callLimits);
    }

    /** The preset the provider's protocol settings came from ({@code b2b.<id>.preset}), or null. */
    public Preset preset() {
        return preset;
    }

    /** How its payment calls are signed ({@code b2b.<id>.transaction-signature}). */
    public TransactionSignature transactionSignature() {
        return transactionSignature;
    }

    /** The variations of its token exchange: request body, token types, lifetime forms. */
    public TokenRules tokenRules() {
        return tokenRules;
    }

    /** Concurrency and HTTP timeouts of this provider's calls ({@code b2b.<id>.max-concurrent-calls}, {@code b2b.<id>.http.*}). */
    public CallLimits callLimits() {
        return callLimits;
    }

    public String id() {
        return id;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The base URL without a trailing slash; it may carry a deployment prefix (Klikoo's {@code /klikoo-b2b}). */
    public URI baseUrl() {
        return baseUrl;
    }

    public String tokenPath() {
        return tokenPath;
    }

    /** {@link #baseUrl()} + {@link #tokenPath()}. */
    public String tokenUrl() {
        return baseUrl + tokenPath;
    }

    public String clientId() {
        return clientId;
    }

    public RsaSigner signer() {
        if (privateKey == null) {
            throw new IllegalStateException("provider '" + id + "' (" + dialect.name() + ") has no private key: it signs nothing");
        }
        return new RsaSigner(privateKey);
    }

    /** SHA-256 of the public modulus, hex: tells keys apart in cache keys and logs without revealing them. */
    public String keyFingerprint() {
        return keyFingerprint;
    }

    /** The client secret (HMAC key of payment calls, and Klikoo's token body); empty when not set. */
    public String clientSecret() {
        return clientSecret;
    }

    public String channelId() {
        return channelId;
    }

    public TimestampFormat timestampFormat() {
        return timestampFormat;
    }

    /** Whether payment signatures cover the query parameters sorted by name (BCA) rather than as sent. */
    public boolean signSortedQuery() {
        return signSortedQuery;
    }

    /** The credential's key in the token cache: provider, token URL, client id and key hash. */
    public TokenKey tokenKey() {
        return tokenKey;
    }

    /** How the token cache treats this provider's tokens ({@code b2b.<id>.token.*}, else {@code b2b.token.*}). */
    public CachePolicy cachePolicy() {
        return cachePolicy;
    }

    @Override
    public String toString() {
        return "ProviderConfig[id=" + id + (preset == null ? "" : ", preset=" + preset.presetName())
                + ", dialect=" + dialect.name() + ", tokenUrl=" + tokenUrl()
                + ", clientId=" + clientId + (privateKey == null ? ", no key" : ", key=" + privateKey.getModulus().bitLength()
                + "-bit RSA sha256:" + keyFingerprint.substring(0, 12)) + ", clientSecret=" + Secrets.mask(clientSecret)
                + ", timestamp=" + timestampFormat + "]";
    }
}

package org.camelb2b.token.component;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The provider settings a {@code b2b:} endpoint may give: one option per setting
 * {@code b2b.<provider>.<name>}, in camelCase. An option left out falls back to that property,
 * then to its default; {@link #settings()} gives the options set to the settings loader as text,
 * by setting name, so they are parsed and checked as the properties are.
 *
 * <p>Generated from {@code org.camelb2b.token.provider.ProviderSetting} by {@code SettingsDocs}, in
 * the tests: do not edit. After changing the catalogue run
 * {@code mvn -B -q test -Dtest=SettingsDocsTest -Dsettings.write=true}.
 */
@UriParams
public class ProviderOptions {

    /**
     * A known provider's protocol settings (token path, timestamp, token request and answer, query signing),
     * from its documentation; a setting given explicitly still wins. Not given:
     * {@code b2b.<provider>.preset}, else none.
     */
    @UriParam(label = "provider", displayName = "Preset",
            enums = "snap,doku,klikoo,bca,bri,bni,btn,mandiri,midtrans,dana,nicepay,paydia,durianpay,2c2p")
    private String preset;

    /**
     * sandbox or production: with a preset that documents the provider's hosts, the base URL when base-url is
     * not set. Not given: {@code b2b.<provider>.environment}, else none.
     */
    @UriParam(label = "provider", displayName = "Environment", enums = "sandbox,production")
    private String environment;

    /**
     * The protocol family the provider speaks: snap (Bank Indonesia SNAP, as DOKU, BCA, BRI, Mandiri and DANA
     * speak it) or klikoo. Not given: {@code b2b.<provider>.dialect}, else {@code snap}.
     */
    @UriParam(label = "provider", displayName = "Dialect", defaultValue = "snap",
            enums = "snap,klikoo,oauth2-basic")
    private String dialect;

    /**
     * The provider's base URL, http(s)://host[:port][/prefix] without query or fragment; the token and
     * payment paths are below it (a preset that documents the hosts gives it from environment). Required:
     * here or as {@code b2b.<provider>.base-url}.
     */
    @UriParam(label = "provider", displayName = "Base URL")
    private String baseUrl;

    /**
     * The token endpoint's path below the base URL. Not given: {@code b2b.<provider>.token-path}, else
     * {@code /authorization/v1/access-token/b2b} (snap), {@code /v1/open-api/access-token} (klikoo),
     * {@code /oauth/token} (oauth2-basic).
     */
    @UriParam(label = "provider", displayName = "Token path",
            defaultValueNote = "/authorization/v1/access-token/b2b (snap), /v1/open-api/access-token (klikoo), /oauth/token (oauth2-basic)")
    private String tokenPath;

    /**
     * Your client id at the provider: X-CLIENT-KEY (snap), additional_info.client_id (klikoo). Required: here
     * or as {@code b2b.<provider>.client-id}.
     */
    @UriParam(label = "provider", displayName = "Client ID")
    private String clientId;

    /**
     * Your RSA private key (2048 bits or more): a PEM file path, a file:, classpath: or env:VARIABLE location
     * (env: reads it from the environment without it passing through Camel), PEM text or bare base64 DER;
     * PKCS#8, PKCS#1 or encrypted PKCS#8. Not given: {@code b2b.<provider>.private-key}, else none (required
     * by snap, klikoo).
     */
    @UriParam(label = "provider,security", displayName = "Private key", secret = true)
    private String privateKey;

    /**
     * The passphrase of an encrypted private key (as an option and kamelet property it is called
     * privateKeyPassword, so that Camel masks it). Not given: {@code b2b.<provider>.private-key-passphrase},
     * else none.
     */
    @UriParam(label = "provider,security", displayName = "Private key password", secret = true)
    private String privateKeyPassword;

    /**
     * Your client secret: the HMAC-SHA512 key of payment-call signatures, also sent in klikoo's token
     * request. Not given: {@code b2b.<provider>.client-secret}, else none (required by klikoo, oauth2-basic).
     */
    @UriParam(label = "provider,security", displayName = "Client secret", secret = true)
    private String clientSecret;

    /**
     * The CHANNEL-ID header of snap payment calls. Not given: {@code b2b.<provider>.channel-id}, else none.
     */
    @UriParam(label = "provider", displayName = "Channel ID")
    private String channelId;

    /**
     * The zone request timestamps are written in: Z or UTC, an offset such as +07:00, or a region such as
     * Asia/Jakarta. Not given: {@code b2b.<provider>.timestamp-zone}, else {@code Z} (snap), {@code +07:00}
     * (klikoo), {@code Z} (oauth2-basic).
     */
    @UriParam(label = "provider", displayName = "Timestamp zone",
            defaultValueNote = "Z (snap), +07:00 (klikoo), Z (oauth2-basic)")
    private String timestampZone;

    /**
     * Whether request timestamps carry milliseconds (2024-03-05T10:37:16.196Z). Not given:
     * {@code b2b.<provider>.timestamp-millis}, else {@code false}.
     */
    @UriParam(label = "provider", displayName = "Timestamp milliseconds", defaultValue = "false")
    private Boolean timestampMillis;

    /**
     * Whether payment-call signatures cover the query parameters sorted by name (BCA) rather than as sent.
     * Not given: {@code b2b.<provider>.sign-sorted-query}, else {@code false}.
     */
    @UriParam(label = "provider", displayName = "Sign sorted query", defaultValue = "false")
    private Boolean signSortedQuery;

    /**
     * How snap payment calls are signed: hmac (HMAC-SHA512 with the client secret, over the token too) or rsa
     * (SHA256withRSA with the private key, no token in the string; no client secret needed). Not given:
     * {@code b2b.<provider>.transaction-signature}, else {@code hmac}.
     */
    @UriParam(label = "provider", displayName = "Transaction signature", defaultValue = "hmac",
            enums = "hmac,rsa")
    private String transactionSignature;

    /**
     * Whether a snap token request's body carries "additionalInfo":{} after grantType (BNI). Not given:
     * {@code b2b.<provider>.token-request-additional-info}, else {@code false}.
     */
    @UriParam(label = "provider", displayName = "Token request additionalInfo", defaultValue = "false")
    private Boolean tokenRequestAdditionalInfo;

    /**
     * The tokenType values a token answer may carry, any case (Durianpay: Bearer,BearerToken); the token is
     * always sent as Bearer. Not given: {@code b2b.<provider>.token-types}, else {@code Bearer}.
     */
    @UriParam(label = "provider", displayName = "Token types", defaultValue = "Bearer")
    private String tokenTypes;

    /**
     * Whether a token answer's lifetime may also come as the expiry's ISO-8601 date-time rather than seconds
     * (a Durianpay sample). Not given: {@code b2b.<provider>.token-expires-in-date-time}, else {@code false}.
     */
    @UriParam(label = "provider", displayName = "Lifetime as a date-time", defaultValue = "false")
    private Boolean tokenExpiresInDateTime;

    /**
     * The earliest point of a token's lifetime, as a fraction, at which its background refresh may start; it
     * starts at a random point between this and token.refresh-to. Not given:
     * {@code b2b.<provider>.token.refresh-from}, else {@code b2b.token.refresh-from}, else {@code 0.70}.
     */
    @UriParam(label = "provider", displayName = "Refresh from", defaultValue = "0.70")
    private Double tokenRefreshFrom;

    /**
     * The latest point of a token's lifetime, as a fraction, at which its background refresh starts. Not
     * given: {@code b2b.<provider>.token.refresh-to}, else {@code b2b.token.refresh-to}, else {@code 0.80}.
     */
    @UriParam(label = "provider", displayName = "Refresh to", defaultValue = "0.80")
    private Double tokenRefreshTo;

    /**
     * A token is used until its expiry minus the smaller of this and 10% of its lifetime. Not given:
     * {@code b2b.<provider>.token.skew-max-ms}, else {@code b2b.token.skew-max-ms}, else {@code 30000} ms.
     */
    @UriParam(label = "provider", displayName = "Expiry margin", defaultValue = "30000")
    private Long tokenSkewMaxMs;

    /**
     * The longest a caller with no usable token waits for the token request in flight. Not given:
     * {@code b2b.<provider>.token.acquire-timeout-ms}, else {@code b2b.token.acquire-timeout-ms}, else
     * {@code 5000} ms.
     */
    @UriParam(label = "provider", displayName = "Acquire timeout", defaultValue = "5000")
    private Long tokenAcquireTimeoutMs;

    /**
     * The retry delay after a first failed token request; after n failures it is drawn at random up to this
     * times 2^(n-1), capped at token.backoff-max-ms. Not given:
     * {@code b2b.<provider>.token.backoff-initial-ms}, else {@code b2b.token.backoff-initial-ms}, else
     * {@code 1000} ms.
     */
    @UriParam(label = "provider", displayName = "Backoff initial", defaultValue = "1000")
    private Long tokenBackoffInitialMs;

    /**
     * The longest retry delay after failed token requests. Not given:
     * {@code b2b.<provider>.token.backoff-max-ms}, else {@code b2b.token.backoff-max-ms}, else {@code 60000}
     * ms.
     */
    @UriParam(label = "provider", displayName = "Backoff max", defaultValue = "60000")
    private Long tokenBackoffMaxMs;

    /**
     * The retry delay after an error retrying cannot fix (a 4xx, such as a wrong key or client id); probes do
     * not shorten it. Not given: {@code b2b.<provider>.token.fatal-hold-off-ms}, else
     * {@code b2b.token.fatal-hold-off-ms}, else {@code 60000} ms.
     */
    @UriParam(label = "provider", displayName = "Fatal hold-off", defaultValue = "60000")
    private Long tokenFatalHoldOffMs;

    /**
     * Credentials used within this window get their tokens refreshed in the background; others expire. Not
     * given: {@code b2b.<provider>.token.keep-warm-ms}, else {@code b2b.token.keep-warm-ms}, else
     * {@code 1800000} ms.
     */
    @UriParam(label = "provider", displayName = "Keep warm", defaultValue = "1800000")
    private Long tokenKeepWarmMs;

    /**
     * The longest token accepted; a longer one, or one with characters other than visible ASCII, is a failed
     * token request. Not given: {@code b2b.<provider>.token.max-length}, else {@code b2b.token.max-length},
     * else {@code 4096} characters.
     */
    @UriParam(label = "provider", displayName = "Longest token", defaultValue = "4096")
    private Integer tokenMaxLength;

    /**
     * The least time between the starts of two token requests for a credential, whatever starts them; a token
     * rejected younger than this and never accepted is not replaced or retried with. Not given:
     * {@code b2b.<provider>.token.min-request-interval-ms}, else {@code b2b.token.min-request-interval-ms},
     * else {@code 2000} ms.
     */
    @UriParam(label = "provider", displayName = "Least interval between token requests",
            defaultValue = "2000")
    private Long tokenMinRequestIntervalMs;

    /**
     * With no usable token and a failing provider, one caller lets a token request through this long after
     * the last failure, however long the backoff, but never before Retry-After. Not given:
     * {@code b2b.<provider>.token.probe-interval-ms}, else {@code b2b.token.probe-interval-ms}, else
     * {@code 2000} ms.
     */
    @UriParam(label = "provider", displayName = "Probe interval", defaultValue = "2000")
    private Long tokenProbeIntervalMs;

    /**
     * Whether the provider invalidates the previous token when it issues a new one. With
     * b2b.token.store=hazelcast a refresh then holds every instance's calls for the new token (100 ms plus
     * the token request, once per cycle) rather than send them with the old one, which the provider would
     * refuse (each such call is otherwise retried once). Not given:
     * {@code b2b.<provider>.token.replaces-previous}, else {@code b2b.token.replaces-previous}, else
     * {@code false}.
     */
    @UriParam(label = "provider", displayName = "New token revokes the previous", defaultValue = "false")
    private Boolean tokenReplacesPrevious;

    /**
     * Payment calls in flight to the provider at once (waiting for a token holds none); one more waits for
     * one of them to finish. Not given: {@code b2b.<provider>.max-concurrent-calls}, else
     * {@code b2b.max-concurrent-calls}, else {@code 64} calls.
     */
    @UriParam(label = "provider", displayName = "Concurrent calls", defaultValue = "64")
    private Integer maxConcurrentCalls;

    /**
     * How long a payment call beyond max-concurrent-calls waits for one to finish; then it is refused, unsent
     * (ProviderBusyException, gateway 503). Not given: {@code b2b.<provider>.call-queue-timeout-ms}, else
     * {@code b2b.call-queue-timeout-ms}, else {@code 1000} ms.
     */
    @UriParam(label = "provider", displayName = "Call queue timeout", defaultValue = "1000")
    private Long callQueueTimeoutMs;

    /**
     * The longest wait to connect to the provider, for token and payment calls alike, and for a pooled
     * connection. Not given: {@code b2b.<provider>.http.connect-timeout-ms}, else
     * {@code b2b.http.connect-timeout-ms}, else {@code 5000} ms.
     */
    @UriParam(label = "provider", displayName = "Connect timeout", defaultValue = "5000")
    private Long httpConnectTimeoutMs;

    /**
     * The longest wait for the provider's answer, per attempt. Not given:
     * {@code b2b.<provider>.http.response-timeout-ms}, else {@code b2b.http.response-timeout-ms}, else
     * {@code 10000} ms.
     */
    @UriParam(label = "provider", displayName = "Response timeout", defaultValue = "10000")
    private Long httpResponseTimeoutMs;

    /** The options set (not blank), by setting name ({@code base-url}, ...), as text. */
    public Map<String, String> settings() {
        Map<String, String> given = new LinkedHashMap<>();
        put(given, "preset", preset);
        put(given, "environment", environment);
        put(given, "dialect", dialect);
        put(given, "base-url", baseUrl);
        put(given, "token-path", tokenPath);
        put(given, "client-id", clientId);
        put(given, "private-key", privateKey);
        put(given, "private-key-passphrase", privateKeyPassword);
        put(given, "client-secret", clientSecret);
        put(given, "channel-id", channelId);
        put(given, "timestamp-zone", timestampZone);
        put(given, "timestamp-millis", timestampMillis);
        put(given, "sign-sorted-query", signSortedQuery);
        put(given, "transaction-signature", transactionSignature);
        put(given, "token-request-additional-info", tokenRequestAdditionalInfo);
        put(given, "token-types", tokenTypes);
        put(given, "token-expires-in-date-time", tokenExpiresInDateTime);
        put(given, "token.refresh-from", tokenRefreshFrom);
        put(given, "token.refresh-to", tokenRefreshTo);
        put(given, "token.skew-max-ms", tokenSkewMaxMs);
        put(given, "token.acquire-timeout-ms", tokenAcquireTimeoutMs);
        put(given, "token.backoff-initial-ms", tokenBackoffInitialMs);
        put(given, "token.backoff-max-ms", tokenBackoffMaxMs);
        put(given, "token.fatal-hold-off-ms", tokenFatalHoldOffMs);
        put(given, "token.keep-warm-ms", tokenKeepWarmMs);
        put(given, "token.max-length", tokenMaxLength);
        put(given, "token.min-request-interval-ms", tokenMinRequestIntervalMs);
        put(given, "token.probe-interval-ms", tokenProbeIntervalMs);
        put(given, "token.replaces-previous", tokenReplacesPrevious);
        put(given, "max-concurrent-calls", maxConcurrentCalls);
        put(given, "call-queue-timeout-ms", callQueueTimeoutMs);
        put(given, "http.connect-timeout-ms", httpConnectTimeoutMs);
        put(given, "http.response-timeout-ms", httpResponseTimeoutMs);
        return given;
    }

    private static void put(Map<String, String> given, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            given.put(name, value.toString());
        }
    }

    public String getPreset() {
        return preset;
    }

    public void setPreset(String preset) {
        this.preset = preset;
    }

    public String getEnvironment() {
        return environment;
    }

    public void setEnvironment(String environment) {
        this.environment = environment;
    }

    public String getDialect() {
        return dialect;
    }

    public void setDialect(String dialect) {
        this.dialect = dialect;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getTokenPath() {
        return tokenPath;
    }

    public void setTokenPath(String tokenPath) {
        this.tokenPath = tokenPath;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getPrivateKey() {
        return privateKey;
    }

    public void setPrivateKey(String privateKey) {
        this.privateKey = privateKey;
    }

    public String getPrivateKeyPassword() {
        return privateKeyPassword;
    }

    public void setPrivateKeyPassword(String privateKeyPassword) {
        this.privateKeyPassword = privateKeyPassword;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getChannelId() {
        return channelId;
    }

    public void setChannelId(String channelId) {
        this.channelId = channelId;
    }

    public String getTimestampZone() {
        return timestampZone;
    }

    public void setTimestampZone(String timestampZone) {
        this.timestampZone = timestampZone;
    }

    public Boolean getTimestampMillis() {
        return timestampMillis;
    }

    public void setTimestampMillis(Boolean timestampMillis) {
        this.timestampMillis = timestampMillis;
    }

    public Boolean getSignSortedQuery() {
        return signSortedQuery;
    }

    public void setSignSortedQuery(Boolean signSortedQuery) {
        this.signSortedQuery = signSortedQuery;
    }

    public String getTransactionSignature() {
        return transactionSignature;
    }

    public void setTransactionSignature(String transactionSignature) {
        this.transactionSignature = transactionSignature;
    }

    public Boolean getTokenRequestAdditionalInfo() {
        return tokenRequestAdditionalInfo;
    }

    public void setTokenRequestAdditionalInfo(Boolean tokenRequestAdditionalInfo) {
        this.tokenRequestAdditionalInfo = tokenRequestAdditionalInfo;
    }

    public String getTokenTypes() {
        return tokenTypes;
    }

    public void setTokenTypes(String tokenTypes) {
        this.tokenTypes = tokenTypes;
    }

    public Boolean getTokenExpiresInDateTime() {
        return tokenExpiresInDateTime;
    }

    public void setTokenExpiresInDateTime(Boolean tokenExpiresInDateTime) {
        this.tokenExpiresInDateTime = tokenExpiresInDateTime;
    }

    public Double getTokenRefreshFrom() {
        return tokenRefreshFrom;
    }

    public void setTokenRefreshFrom(Double tokenRefreshFrom) {
        this.tokenRefreshFrom = tokenRefreshFrom;
    }

    public Double getTokenRefreshTo() {
        return tokenRefreshTo;
    }

    public void setTokenRefreshTo(Double tokenRefreshTo) {
        this.tokenRefreshTo = tokenRefreshTo;
    }

    public Long getTokenSkewMaxMs() {
        return tokenSkewMaxMs;
    }

    public void setTokenSkewMaxMs(Long tokenSkewMaxMs) {
        this.tokenSkewMaxMs = tokenSkewMaxMs;
    }

    public Long getTokenAcquireTimeoutMs() {
        return tokenAcquireTimeoutMs;
    }

    public void setTokenAcquireTimeoutMs(Long tokenAcquireTimeoutMs) {
        this.tokenAcquireTimeoutMs = tokenAcquireTimeoutMs;
    }

    public Long getTokenBackoffInitialMs() {
        return tokenBackoffInitialMs;
    }

    public void setTokenBackoffInitialMs(Long tokenBackoffInitialMs) {
        this.tokenBackoffInitialMs = tokenBackoffInitialMs;
    }

    public Long getTokenBackoffMaxMs() {
        return tokenBackoffMaxMs;
    }

    public void setTokenBackoffMaxMs(Long tokenBackoffMaxMs) {
        this.tokenBackoffMaxMs = tokenBackoffMaxMs;
    }

    public Long getTokenFatalHoldOffMs() {
        return tokenFatalHoldOffMs;
    }

    public void setTokenFatalHoldOffMs(Long tokenFatalHoldOffMs) {
        this.tokenFatalHoldOffMs = tokenFatalHoldOffMs;
    }

    public Long getTokenKeepWarmMs() {
        return tokenKeepWarmMs;
    }

    public void setTokenKeepWarmMs(Long tokenKeepWarmMs) {
        this.tokenKeepWarmMs = tokenKeepWarmMs;
    }

    public Integer getTokenMaxLength() {
        return tokenMaxLength;
    }

    public void setTokenMaxLength(Integer tokenMaxLength) {
        this.tokenMaxLength = tokenMaxLength;
    }

    public Long getTokenMinRequestIntervalMs() {
        return tokenMinRequestIntervalMs;
    }

    public void setTokenMinRequestIntervalMs(Long tokenMinRequestIntervalMs) {
        this.tokenMinRequestIntervalMs = tokenMinRequestIntervalMs;
    }

    public Long getTokenProbeIntervalMs() {
        return tokenProbeIntervalMs;
    }

    public void setTokenProbeIntervalMs(Long tokenProbeIntervalMs) {
        this.tokenProbeIntervalMs = tokenProbeIntervalMs;
    }

    public Boolean getTokenReplacesPrevious() {
        return tokenReplacesPrevious;
    }

    public void setTokenReplacesPrevious(Boolean tokenReplacesPrevious) {
        this.tokenReplacesPrevious = tokenReplacesPrevious;
    }

    public Integer getMaxConcurrentCalls() {
        return maxConcurrentCalls;
    }

    public void setMaxConcurrentCalls(Integer maxConcurrentCalls) {
        this.maxConcurrentCalls = maxConcurrentCalls;
    }

    public Long getCallQueueTimeoutMs() {
        return callQueueTimeoutMs;
    }

    public void setCallQueueTimeoutMs(Long callQueueTimeoutMs) {
        this.callQueueTimeoutMs = callQueueTimeoutMs;
    }

    public Long getHttpConnectTimeoutMs() {
        return httpConnectTimeoutMs;
    }

    public void setHttpConnectTimeoutMs(Long httpConnectTimeoutMs) {
        this.httpConnectTimeoutMs = httpConnectTimeoutMs;
    }

    public Long getHttpResponseTimeoutMs() {
        return httpResponseTimeoutMs;
    }

    public void setHttpResponseTimeoutMs(Long httpResponseTimeoutMs) {
        this.httpResponseTimeoutMs = httpResponseTimeoutMs;
    }

    @Override
    public String toString() {
        // names only: the values include the private key and the client secret
        return "ProviderOptions" + settings().keySet();
    }
}

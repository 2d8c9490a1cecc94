package org.camelb2b.token.provider;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.camelb2b.token.cache.CachePolicy;
import org.camelb2b.token.dialect.Dialect;
import org.camelb2b.token.dialect.Dialects;

/**
 * Every provider setting ({@code b2b.<provider>.<name>}), defined once: {@link ProviderConfigLoader}
 * reads them through this catalogue, and the {@code b2b:} endpoint's options
 * ({@code component.ProviderOptions}), the kamelets' provider properties and the README's settings
 * table are generated from it ({@code SettingsDocs}, in the tests, which also fail when one of them
 * is out of date).
 *
 * <p>A setting has its name in properties, its camelCase name as an endpoint option and kamelet
 * property, a title, a {@link SettingType type} (parser and range), whether it is required, its
 * default (none, one, or one per dialect), whether it is a secret, whether a global
 * {@code b2b.<name>} applies to every provider that does not set it, and one description sentence.
 *
 * @param <T> the parsed value
 */
public final class ProviderSetting<T> {

    public static final ProviderSetting<Preset> PRESET = optional("preset", "Preset", SettingType.preset(), null,
            "A known provider's protocol settings (token path, timestamp, token request and answer, query signing),"
                    + " from its documentation; a setting given explicitly still wins.");

    public static final ProviderSetting<Preset.Environment> ENVIRONMENT = optional("environment", "Environment",
            SettingType.environment(), null,
            "sandbox or production: with a preset that documents the provider's hosts, the base URL when base-url"
                    + " is not set.");

    public static final ProviderSetting<Dialect> DIALECT = optional("dialect", "Dialect", SettingType.dialect(),
            d -> Dialects.defaultDialect(),
            "The protocol family the provider speaks: snap (Bank Indonesia SNAP, as DOKU, BCA, BRI, Mandiri and"
                    + " DANA speak it) or klikoo.");

    public static final ProviderSetting<URI> BASE_URL = required("base-url", "Base URL", SettingType.url(),
            "The provider's base URL, http(s)://host[:port][/prefix] without query or fragment; the token and"
                    + " payment paths are below it (a preset that documents the hosts gives it from environment).");

    public static final ProviderSetting<String> TOKEN_PATH = optional("token-path", "Token path", SettingType.path(),
            Dialect::defaultTokenPath, "The token endpoint's path below the base URL.").perDialect();

    public static final ProviderSetting<String> CLIENT_ID = required("client-id", "Client ID", SettingType.text(),
            "Your client id at the provider: X-CLIENT-KEY (snap), additional_info.client_id (klikoo).");

    public static final ProviderSetting<String> PRIVATE_KEY = optional("private-key", "Private key", SettingType.key(),
            null, "Your RSA private key (2048 bits or more): a PEM file path, a file:, classpath: or env:VARIABLE location"
                    + " (env: reads it from the environment without it passing through Camel), PEM text or bare"
                    + " base64 DER; PKCS#8, PKCS#1 or encrypted PKCS#8.").markedSecret();

    public static final ProviderSetting<String> PRIVATE_KEY_PASSPHRASE = optional("private-key-passphrase",
            "Private key password", SettingType.text(), null,
            "The passphrase of an encrypted private key (as an option and kamelet property it is called"
                    + " privateKeyPassword, so that Camel masks it).").markedSecret().optionNamed("privateKeyPassword");

    public static final ProviderSetting<String> CLIENT_SECRET = optional("client-secret", "Client secret",
            SettingType.text(), d -> "",
            "Your client secret: the HMAC-SHA512 key of payment-call signatures, also sent in klikoo's token"
                    + " request.").markedSecret();

    public static final ProviderSetting<String> CHANNEL_ID = optional("channel-id", "Channel ID", SettingType.text(),
            d -> "", "The CHANNEL-ID header of snap payment calls.");

    public static final ProviderSetting<ZoneId> TIMESTAMP_ZONE = optional("timestamp-zone", "Timestamp zone",
            SettingType.zone(), Dialect::defaultTimestampZone,
            "The zone request timestamps are written in: Z or UTC, an offset such as +07:00, or a region such as"
                    + " Asia/Jakarta.").perDialect();

    public static final ProviderSetting<Boolean> TIMESTAMP_MILLIS = optional("timestamp-millis",
            "Timestamp milliseconds", SettingType.bool(), d -> false,
            "Whether request timestamps carry milliseconds (2024-03-05T10:37:16.196Z).");

    public static final ProviderSetting<Boolean> SIGN_SORTED_QUERY = optional("sign-sorted-query",
            "Sign sorted query", SettingType.bool(), d -> false,
            "Whether payment-call signatures cover the query parameters sorted by name (BCA) rather than as sent.");

    public static final ProviderSetting<TransactionSignature> TRANSACTION_SIGNATURE = optional("transaction-signature",
            "Transaction signature", SettingType.transactionSignature(), d -> TransactionSignature.HMAC,
            "How snap payment calls are signed: hmac (HMAC-SHA512 with the client secret, over the token too) or rsa"
                    + " (SHA256withRSA with the private key, no token in the string; no client secret needed).");

    public static final ProviderSetting<Boolean> TOKEN_REQUEST_ADDITIONAL_INFO = optional(
            "token-request-additional-info", "Token request additionalInfo", SettingType.bool(), d -> false,
            "Whether a snap token request's body carries \"additionalInfo\":{} after grantType (BNI).");

    public static final ProviderSetting<List<String>> TOKEN_TYPES = optional("token-types", "Token types",
            SettingType.words(), d -> List.of("Bearer"),
            "The tokenType values a token answer may carry, any case (Durianpay: Bearer,BearerToken); the token"
                    + " is always sent as Bearer.");

    public static final ProviderSetting<Boolean> TOKEN_EXPIRES_IN_DATE_TIME = optional("token-expires-in-date-time",
            "Lifetime as a date-time", SettingType.bool(), d -> false,
            "Whether a token answer's lifetime may also come as the expiry's ISO-8601 date-time rather than"
                    + " seconds (a Durianpay sample).");

    public static final ProviderSetting<Double> TOKEN_REFRESH_FROM = token("refresh-from", "Refresh from",
            SettingType.fraction(), CachePolicy.DEFAULT.refreshFrom(),
            "The earliest point of a token's lifetime, as a fraction, at which its background refresh may start;"
                    + " it starts at a random point between this and token.refresh-to.");

    public static final ProviderSetting<Double> TOKEN_REFRESH_TO = token("refresh-to", "Refresh to",
            SettingType.fraction(), CachePolicy.DEFAULT.refreshTo(),
            "The latest point of a token's lifetime, as a fraction, at which its background refresh starts.");

    public static final ProviderSetting<Duration> TOKEN_SKEW_MAX_MS = token("skew-max-ms", "Expiry margin",
            SettingType.millis(0, 600_000), CachePolicy.DEFAULT.skewMax(),
            "A token is used until its expiry minus the smaller of this and 10% of its lifetime.");

    public static final ProviderSetting<Duration> TOKEN_ACQUIRE_TIMEOUT_MS = token("acquire-timeout-ms",
            "Acquire timeout", SettingType.millis(1, 600_000), CachePolicy.DEFAULT.acquireTimeout(),
            "The longest a caller with no usable token waits for the token request in flight.");

    public static final ProviderSetting<Duration> TOKEN_BACKOFF_INITIAL_MS = token("backoff-initial-ms",
            "Backoff initial", SettingType.millis(1, 3_600_000), CachePolicy.DEFAULT.backoffInitial(),
            "The retry delay after a first failed token request; after n failures it is drawn at random up to"
                    + " this times 2^(n-1), capped at token.backoff-max-ms.");

    public static final ProviderSetting<Duration> TOKEN_BACKOFF_MAX_MS = token("backoff-max-ms", "Backoff max",
            SettingType.millis(1, 3_600_000), CachePolicy.DEFAULT.backoffMax(),
            "The longest retry delay after failed token requests.");

    public static final ProviderSetting<Duration> TOKEN_FATAL_HOLD_OFF_MS = token("fatal-hold-off-ms",
            "Fatal hold-off", SettingType.millis(1, 86_400_000), CachePolicy.DEFAULT.fatalHoldOff(),
            "The retry delay after an error retrying cannot fix (a 4xx, such as a wrong key or client id); probes"
                    + " do not shorten it.");

    public static final ProviderSetting<Duration> TOKEN_KEEP_WARM_MS = token("keep-warm-ms", "Keep warm",
            SettingType.millis(0, 604_800_000), CachePolicy.DEFAULT.keepWarm(),
            "Credentials used within this window get their tokens refreshed in the background; others expire.");

    public static final ProviderSetting<Integer> TOKEN_MAX_LENGTH = token("max-length", "Longest token",
            SettingType.count(16, 65_536, "characters"), CachePolicy.DEFAULT.maxTokenLength(),
            "The longest token accepted; a longer one, or one with characters other than visible ASCII, is a"
                    + " failed token request.");

    public static final ProviderSetting<Duration> TOKEN_MIN_REQUEST_INTERVAL_MS = token("min-request-interval-ms",
            "Least interval between token requests", SettingType.millis(100, 60_000),
            CachePolicy.DEFAULT.minRequestInterval(),
            "The least time between the starts of two token requests for a credential, whatever starts them; a"
                    + " token rejected younger than this and never accepted is not replaced or retried with.");

    public static final ProviderSetting<Duration> TOKEN_PROBE_INTERVAL_MS = token("probe-interval-ms",
            "Probe interval", SettingType.millis(100, 600_000), CachePolicy.DEFAULT.probeInterval(),
            "With no usable token and a failing provider, one caller lets a token request through this long after"
                    + " the last failure, however long the backoff, but never before Retry-After.");

    public static final ProviderSetting<Boolean> TOKEN_REPLACES_PREVIOUS = token("replaces-previous",
            "New token revokes the previous", SettingType.bool(), CachePolicy.DEFAULT.replacesPrevious(),
            "Whether the provider invalidates the previous token when it issues a new one. With"
                    + " b2b.token.store=hazelcast a refresh then holds every instance's calls for the new token (100 ms"
                    + " plus the token request, once per cycle) rather than send them with the old one, which the"
                    + " provider would refuse (each such call is otherwise retried once).");

    public static final ProviderSetting<Integer> MAX_CONCURRENT_CALLS = optional("max-concurrent-calls",
            "Concurrent calls", SettingType.count(1, 10_000, "calls"), d -> CallLimits.DEFAULT.maxConcurrentCalls(),
            "Payment calls in flight to the provider at once (waiting for a token holds none); one more waits for"
                    + " one of them to finish.").withGlobal();

    public static final ProviderSetting<Duration> CALL_QUEUE_TIMEOUT_MS = optional("call-queue-timeout-ms",
            "Call queue timeout", SettingType.millis(0, 60_000), d -> CallLimits.DEFAULT.queueTimeout(),
            "How long a payment call beyond max-concurrent-calls waits for one to finish; then it is refused,"
                    + " unsent (ProviderBusyException, gateway 503).").withGlobal();

    public static final ProviderSetting<Duration> HTTP_CONNECT_TIMEOUT_MS = optional("http.connect-timeout-ms",
            "Connect timeout", SettingType.millis(1, 600_000), d -> CallLimits.DEFAULT.connectTimeout(),
            "The longest wait to connect to the provider, for token and payment calls alike, and for a pooled"
                    + " connection.").withGlobal();

    public static final ProviderSetting<Duration> HTTP_RESPONSE_TIMEOUT_MS = optional("http.response-timeout-ms",
            "Response timeout", SettingType.millis(1, 600_000), d -> CallLimits.DEFAULT.responseTimeout(),
            "The longest wait for the provider's answer, per attempt.").withGlobal();

    /** Inbound: what the provider calls us with ({@code inbound.*}); read by the inbound flow alone. */
    public static final String INBOUND_PREFIX = "inbound.";

    public static final ProviderSetting<Boolean> INBOUND_ENABLED = optional("inbound.enabled", "Inbound enabled",
            SettingType.bool(), d -> false,
            "Whether the provider calls us (SNAP): asks our token endpoint for a token, then sends notifications"
                    + " that we verify and hand to direct:b2b-inbound-<p>.");

    public static final ProviderSetting<String> INBOUND_PUBLIC_KEY = optional("inbound.public-key",
            "Inbound public key", SettingType.publicKey(), null,
            "The provider's RSA public key, which verifies its token requests and asymmetric notifications: a PEM"
                    + " file path, a file:, classpath: or env:VARIABLE location, PEM text or bare base64 DER; X.509"
                    + " SubjectPublicKeyInfo, PKCS#1 or a certificate; required when inbound.enabled.");

    public static final ProviderSetting<String> INBOUND_SIGNATURE = optional("inbound.signature",
            "Inbound signature", SettingType.choice("symmetric", "asymmetric"), d -> "symmetric",
            "How the provider signs notifications: symmetric (HMAC-SHA512 with client-secret over the token we"
                    + " issued, as DOKU, BRI and BCA do) or asymmetric (SHA256withRSA with its key, no token, as"
                    + " Midtrans SNAP-BI and DANA do).");

    public static final ProviderSetting<String> INBOUND_CLIENT_ID = optional("inbound.client-id",
            "Inbound client ID", SettingType.text(), null,
            "The client id the provider presents (X-CLIENT-KEY of its token request, X-PARTNER-ID of its"
                    + " notifications); when not set, b2b.<p>.client-id.");

    public static final ProviderSetting<String> INBOUND_TOKEN_PATH = optional("inbound.token-path",
            "Inbound token path", SettingType.path(), d -> "/v1.0/access-token/b2b",
            "The path of our token endpoint below /<p> (POST /<p><token-path>); every other POST /<p>/... is a"
                    + " notification.");

    public static final ProviderSetting<Integer> INBOUND_TIMESTAMP_WINDOW_S = optional("inbound.timestamp-window-s",
            "Inbound timestamp window", SettingType.count(1, 86_400, "seconds"), d -> 300,
            "The largest difference between a request's X-TIMESTAMP and our clock, either way.");

    public static final ProviderSetting<Integer> INBOUND_TOKEN_LIFETIME_S = optional("inbound.token-lifetime-s",
            "Inbound token lifetime", SettingType.count(1, 86_400, "seconds"), d -> 900,
            "How long a token we issue to the provider is valid (its expiresIn).");

    private static final List<ProviderSetting<?>> ALL = List.of(PRESET, ENVIRONMENT, DIALECT, BASE_URL, TOKEN_PATH,
            CLIENT_ID, PRIVATE_KEY, PRIVATE_KEY_PASSPHRASE, CLIENT_SECRET, CHANNEL_ID, TIMESTAMP_ZONE, TIMESTAMP_MILLIS,
            SIGN_SORTED_QUERY, TRANSACTION_SIGNATURE, TOKEN_REQUEST_ADDITIONAL_INFO, TOKEN_TYPES, TOKEN_EXPIRES_IN_DATE_TIME,
            TOKEN_REFRESH_FROM, TOKEN_REFRESH_TO, TOKEN_SKEW_MAX_MS, TOKEN_ACQUIRE_TIMEOUT_MS, TOKEN_BACKOFF_INITIAL_MS,
            TOKEN_BACKOFF_MAX_MS, TOKEN_FATAL_HOLD_OFF_MS, TOKEN_KEEP_WARM_MS, TOKEN_MAX_LENGTH,
            TOKEN_MIN_REQUEST_INTERVAL_MS, TOKEN_PROBE_INTERVAL_MS, TOKEN_REPLACES_PREVIOUS, MAX_CONCURRENT_CALLS, CALL_QUEUE_TIMEOUT_MS,
            HTTP_CONNECT_TIMEOUT_MS, HTTP_RESPONSE_TIMEOUT_MS, INBOUND_ENABLED, INBOUND_PUBLIC_KEY, INBOUND_SIGNATURE,
            INBOUND_CLIENT_ID, INBOUND_TOKEN_PATH, INBOUND_TIMESTAMP_WINDOW_S, INBOUND_TOKEN_LIFETIME_S);

    private static final List<ProviderSetting<?>> OUTBOUND = ALL.stream().filter(s -> !s.inbound()).toList();

    private final String name;
    private final String option;
    private final String title;
    private final SettingType<T> type;
    private final boolean required;
    /** The default for a provider of that dialect (the argument is null while the dialect is unknown); null for none. */
    private final Function<Dialect, T> byDefault;
    private final boolean perDialect;
    private final boolean secret;
    private final boolean global;
    private final String description;

    private ProviderSetting(String name, String option, String title, SettingType<T> type, boolean required,
                            Function<Dialect, T> byDefault, boolean perDialect, boolean secret, boolean global,
                            String description) {
        this.name = name;
        this.option = option;
        this.title = title;
        this.type = type;
        this.required = required;
        this.byDefault = byDefault;
        this.perDialect = perDialect;
        this.secret = secret;
        this.global = global;
        this.description = description;
    }

    private static <T> ProviderSetting<T> required(String name, String title, SettingType<T> type, String description) {
        return new ProviderSetting<>(name, camelCase(name), title, type, true, null, false, false, false, description);
    }

    private static <T> ProviderSetting<T> optional(String name, String title, SettingType<T> type,
                                                   Function<Dialect, T> byDefault, String description) {
        return new ProviderSetting<>(name, camelCase(name), title, type, false, byDefault, false, false, false,
                description);
    }

    /** A token cache setting {@code token.<name>}, with a global {@code b2b.token.<name>}. */
    private static <T> ProviderSetting<T> token(String name, String title, SettingType<T> type, T byDefault,
                                                String description) {
        return optional("token." + name, title, type, d -> byDefault, description).withGlobal();
    }

    private ProviderSetting<T> markedSecret() {
        return new ProviderSetting<>(name, option, title, type, required, byDefault, perDialect, true, global,
                description);
    }

    private ProviderSetting<T> withGlobal() {
        return new ProviderSetting<>(name, option, title, type, required, byDefault, perDialect, secret, true,
                description);
    }

    private ProviderSetting<T> perDialect() {
        return new ProviderSetting<>(name, option, title, type, required, byDefault, true, secret, global,
                description);
    }

    private ProviderSetting<T> optionNamed(String optionName) {
        return new ProviderSetting<>(name, optionName, title, type, required, byDefault, perDialect, secret, global,
                description);
    }

    /** {@code token.refresh-from} to {@code tokenRefreshFrom}. */
    static String camelCase(String name) {
        StringBuilder b = new StringBuilder(name.length());
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '-' || c == '.') {
                upper = true;
            } else {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return b.toString();
    }

    /** Every provider setting, in the order they are documented and checked. */
    public static List<ProviderSetting<?>> all() {
        return ALL;
    }

    /**
     * The settings of our calls to the provider: all but {@code inbound.*}, which only the inbound
     * flow reads. They are what a {@code b2b:} endpoint and the outbound kamelets can set.
     */
    public static List<ProviderSetting<?>> outbound() {
        return OUTBOUND;
    }

    /** The name below {@code b2b.<provider>.}: {@code base-url}, {@code token.refresh-from}. */
    public String name() {
        return name;
    }

    /** The name as a {@code b2b:} endpoint option and kamelet property: {@code baseUrl}, {@code tokenRefreshFrom}. */
    public String option() {
        return option;
    }

    /** A short title for tools that list the options. */
    public String title() {
        return title;
    }

    public SettingType<T> type() {
        return type;
    }

    /** Whether every provider must set it. */
    public boolean required() {
        return required;
    }

    /** Whether a provider of that dialect must set it (null: the dialect is unknown). */
    public boolean requiredFor(Dialect dialect) {
        return required || dialect != null && dialect.requiredSettings().contains(name);
    }

    /** The dialects that require it while others do not ({@code klikoo} for {@code client-secret}). */
    public List<String> requiredBy() {
        List<String> names = new ArrayList<>();
        if (!required) {
            Dialects.all().stream().filter(this::requiredFor).forEach(d -> names.add(d.name()));
        }
        return names;
    }

    /** Whether it is an inbound setting ({@code inbound.*}): read for what the provider sends us, not for our calls. */
    public boolean inbound() {
        return name.startsWith(INBOUND_PREFIX);
    }

    /** Whether its values are secrets: never shown, masked by Camel. */
    public boolean secret() {
        return secret;
    }

    /** The setting for every provider that does not set its own ({@code b2b.<name>}), or null for none. */
    public String globalName() {
        return global ? "b2b." + name : null;
    }

    /** What it is, in one sentence. */
    public String description() {
        return description;
    }

    /** The value when it is not set, for a provider of that dialect (null: unknown dialect); null for none. */
    public T defaultFor(Dialect dialect) {
        if (byDefault == null || perDialect && dialect == null) {
            return null;
        }
        return byDefault.apply(dialect);
    }

    /**
     * The default as users see it: empty for none, one entry under {@code ""} when it is the same
     * for every dialect, else one per dialect name.
     */
    public Map<String, String> shownDefaults() {
        Map<String, String> shown = new LinkedHashMap<>();
        if (byDefault == null) {
            return shown;
        }
        if (!perDialect) {
            String text = type.write(byDefault.apply(null));
            if (!text.isEmpty()) {
                shown.put("", text);
            }
            return shown;
        }
        for (Dialect d : Dialects.all()) {
            shown.put(d.name(), type.write(byDefault.apply(d)));
        }
        return shown;
    }

    @Override
    public String toString() {
        return name;
    }
}

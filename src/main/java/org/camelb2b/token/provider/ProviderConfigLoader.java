package org.camelb2b.token.provider;

import static org.camelb2b.token.provider.ProviderSetting.BASE_URL;
import static org.camelb2b.token.provider.ProviderSetting.CALL_QUEUE_TIMEOUT_MS;
import static org.camelb2b.token.provider.ProviderSetting.CHANNEL_ID;
import static org.camelb2b.token.provider.ProviderSetting.CLIENT_ID;
import static org.camelb2b.token.provider.ProviderSetting.CLIENT_SECRET;
import static org.camelb2b.token.provider.ProviderSetting.DIALECT;
import static org.camelb2b.token.provider.ProviderSetting.ENVIRONMENT;
import static org.camelb2b.token.provider.ProviderSetting.PRESET;
import static org.camelb2b.token.provider.ProviderSetting.HTTP_CONNECT_TIMEOUT_MS;
import static org.camelb2b.token.provider.ProviderSetting.INBOUND_CLIENT_ID;
import static org.camelb2b.token.provider.ProviderSetting.INBOUND_ENABLED;
import static org.camelb2b.token.provider.ProviderSetting.INBOUND_PUBLIC_KEY;
import static org.camelb2b.token.provider.ProviderSetting.INBOUND_SIGNATURE;
import static org.camelb2b.token.provider.ProviderSetting.INBOUND_TIMESTAMP_WINDOW_S;
import static org.camelb2b.token.provider.ProviderSetting.INBOUND_TOKEN_LIFETIME_S;
import static org.camelb2b.token.provider.ProviderSetting.INBOUND_TOKEN_PATH;
import static org.camelb2b.token.provider.ProviderSetting.HTTP_RESPONSE_TIMEOUT_MS;
import static org.camelb2b.token.provider.ProviderSetting.MAX_CONCURRENT_CALLS;
import static org.camelb2b.token.provider.ProviderSetting.PRIVATE_KEY;
import static org.camelb2b.token.provider.ProviderSetting.PRIVATE_KEY_PASSPHRASE;
import static org.camelb2b.token.provider.ProviderSetting.SIGN_SORTED_QUERY;
import static org.camelb2b.token.provider.ProviderSetting.TIMESTAMP_MILLIS;
import static org.camelb2b.token.provider.ProviderSetting.TIMESTAMP_ZONE;
import static org.camelb2b.token.provider.ProviderSetting.TOKEN_ACQUIRE_TIMEOUT_MS;
import static org.camelb2b.token.provider.ProviderSetting.TOKEN_BACKOFF_INITIAL_MS;
import static org.camelb2b.token.provider.ProviderSetting.TOKEN_BACKOFF_MAX_MS;
import static org.camelb2b.token.provider.ProviderSetting.TOKEN_FATAL_HOLD_OFF_MS;
import static org.camelb2b.token.provider.ProviderSetting.TOKEN_KEEP_WARM_MS;
import static org.camelb2b.token.provider.ProviderSetting.TOKEN_MAX_LENGTH;
import static org.camelb2b.token.provider.ProviderSetting.TOKEN_MIN_REQUEST_INTERVAL_MS;
import static org.camelb2b.token.provider.ProviderSetting.TOKEN_PATH;
import static org.camelb2b.token.provider.ProviderSetting.TOKEN_PROBE_INTERVAL_MS;
import static org.camelb2b.token.provider.ProviderSetting.TOKEN_REPLACES_PREVIOUS;
import static org.camelb2b.token.provider.ProviderSetting.TOKEN_EXPIRES_IN_DATE_TIME;
import static org.camelb2b.token.provider.ProviderSetting.TOKEN_REQUEST_ADDITIONAL_INFO;
import static org.camelb2b.token.provider.ProviderSetting.TOKEN_TYPES;
import static org.camelb2b.token.provider.ProviderSetting.TRANSACTION_SIGNATURE;
import static org.camelb2b.token.provider.ProviderSetting.TOKEN_REFRESH_FROM;
import static org.camelb2b.token.provider.ProviderSetting.TOKEN_REFRESH_TO;
import static org.camelb2b.token.provider.ProviderSetting.TOKEN_SKEW_MAX_MS;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.camelb2b.token.cache.CachePolicy;
import org.camelb2b.token.crypto.PrivateKeyLoader;
import org.camelb2b.token.crypto.PublicKeyLoader;
import org.camelb2b.token.dialect.Dialect;

/**
 * Reads and checks one provider's {@code b2b.<id>.*} settings, each one as {@link ProviderSetting}
 * defines it (parser, range, default, global fallback). Every problem is collected, so one failed
 * start reports all of them, each under the setting's full name.
 */
public final class ProviderConfigLoader {

    /** Provider ids become property names and endpoint names: keep them plain. */
    public static final Pattern PROVIDER_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

    private final Function<String, Optional<String>> properties;

    /** @param properties looks a property up by its full name, resolving placeholders */
    public ProviderConfigLoader(Function<String, Optional<String>> properties) {
        this.properties = properties;
    }

    public ProviderConfig load(String id) {
        List<String> problems = new ArrayList<>();
        ProviderConfig config = load(id, problems);
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return config;
    }

    /** Adds this provider's problems to {@code problems}; returns null when there are any. */
    public ProviderConfig load(String id, List<String> problems) {
        int before = problems.size();
        Reader s = reader(id, problems);
        if (s == null) {
            return null;
        }
        Dialect dialect = s.value(DIALECT);
        for (ProviderSetting<?> setting : ProviderSetting.outbound()) {
            if (setting != DIALECT && setting != PRESET && setting != ENVIRONMENT) {
                s.read(setting, dialect);
            }
        }

        String keyText = s.value(PRIVATE_KEY);
        String passphrase = s.value(PRIVATE_KEY_PASSPHRASE);
        RSAPrivateKey key = keyText == null ? null
                : s.attempt(s.prefix + PRIVATE_KEY.name(), () -> PrivateKeyLoader.load(keyText, passphrase));
        CachePolicy policy = cachePolicy(s);
        CallLimits limits = new CallLimits(s.value(MAX_CONCURRENT_CALLS), s.value(CALL_QUEUE_TIMEOUT_MS),
                s.value(HTTP_CONNECT_TIMEOUT_MS), s.value(HTTP_RESPONSE_TIMEOUT_MS));
        if (s.value(TRANSACTION_SIGNATURE) == TransactionSignature.RSA && dialect != null
                && !dialect.name().equals("snap")) {
            problems.add(s.prefix + TRANSACTION_SIGNATURE.name() + ": rsa is ASPI's SNAP transaction signature; "
                    + dialect.name() + " providers sign " + (dialect.signs() ? "with hmac" : "nothing"));
        }
        if (problems.size() > before) {
            return null;
        }
        // the credential in the token cache's key: the key's hash, or (signing nothing) the secret's
        String credential = key != null ? fingerprint(key) : secretFingerprint(s.value(CLIENT_SECRET));
        return new ProviderConfig(id, s.preset, dialect, s.value(BASE_URL), s.value(TOKEN_PATH), s.value(CLIENT_ID), key,
                credential, s.value(CLIENT_SECRET), s.value(CHANNEL_ID),
                new TimestampFormat(s.value(TIMESTAMP_ZONE), s.value(TIMESTAMP_MILLIS)), s.value(SIGN_SORTED_QUERY),
                s.value(TRANSACTION_SIGNATURE), new TokenRules(s.value(TOKEN_REQUEST_ADDITIONAL_INFO), s.value(TOKEN_TYPES),
                        s.value(TOKEN_EXPIRES_IN_DATE_TIME)),
                policy, limits);
    }

    /**
     * Reads and checks what provider {@code id} calls us with ({@code b2b.<id>.inbound.*}, and the
     * client id and secret they fall back to or need), adding every problem to {@code problems};
     * returns null when there are any. The provider must have {@code inbound.enabled=true}: it is
     * asked for because something receives its calls.
     */
    public InboundConfig loadInbound(String id, List<String> problems) {
        int before = problems.size();
        Reader s = reader(id, problems);
        if (s == null) {
            return null;
        }
        Dialect dialect = s.value(DIALECT);
        for (ProviderSetting<?> setting : ProviderSetting.all()) {
            if (setting.inbound()) {
                s.read(setting, dialect);
            }
        }
        String enabledName = s.prefix + INBOUND_ENABLED.name();
        if (!Boolean.TRUE.equals(s.value(INBOUND_ENABLED))) {
            problems.add(enabledName + ": must be true for provider '" + id + "' to be received (a route receives its"
                    + " calls)");
            return null;
        }
        if (dialect != null && !"snap".equals(dialect.name())) {
            problems.add(enabledName + ": inbound calls are SNAP's (X-SIGNATURE, X-TIMESTAMP); provider '" + id
                    + "' has dialect " + dialect.name());
        }
        String clientId = s.value(INBOUND_CLIENT_ID);
        if (clientId == null || clientId.isBlank()) {
            clientId = s.lookup(s.prefix + CLIENT_ID.name()).map(String::strip).filter(v -> !v.isEmpty()).orElse(null);
        }
        if (clientId == null) {
            problems.add(s.prefix + INBOUND_CLIENT_ID.name() + ": is not set (nor " + s.prefix + CLIENT_ID.name() + ")");
        }
        InboundConfig.Signature signature = "asymmetric".equals(s.value(INBOUND_SIGNATURE))
                ? InboundConfig.Signature.ASYMMETRIC : InboundConfig.Signature.SYMMETRIC;
        String secret = s.lookup(s.prefix + CLIENT_SECRET.name()).filter(v -> !v.isBlank()).orElse(null);
        if (signature == InboundConfig.Signature.SYMMETRIC && secret == null) {
            problems.add(s.prefix + CLIENT_SECRET.name() + ": is not set; " + s.prefix + INBOUND_SIGNATURE.name()
                    + "=symmetric verifies the provider's notifications with it");
        }
        String keyText = s.value(INBOUND_PUBLIC_KEY);
        RSAPublicKey key = null;
        if (keyText == null || keyText.isBlank()) {
            problems.add(s.prefix + INBOUND_PUBLIC_KEY.name() + ": is not set; it verifies the provider's token"
                    + " requests" + (signature == InboundConfig.Signature.ASYMMETRIC ? " and notifications" : ""));
        } else {
            key = s.attempt(s.prefix + INBOUND_PUBLIC_KEY.name(), () -> PublicKeyLoader.load(keyText));
        }
        if (problems.size() > before) {
            return null;
        }
        return new InboundConfig(id, key, signature, clientId, signature == InboundConfig.Signature.SYMMETRIC
                ? secret : "", s.value(INBOUND_TOKEN_PATH), Duration.ofSeconds(s.value(INBOUND_TIMESTAMP_WINDOW_S)),
                Duration.ofSeconds(s.value(INBOUND_TOKEN_LIFETIME_S)));
    }

    /**
     * A reader of provider {@code id}'s settings with the preset, the environment and the dialect
     * read first (the preset gives the others, the dialect among them; some settings' defaults,
     * and whether some are required, depend on the dialect); null, with the problem added, for an
     * id that cannot be one.
     */
    private Reader reader(String id, List<String> problems) {
        if (id == null || !PROVIDER_ID.matcher(id).matches()) {
            problems.add("provider id '" + id + "' must be lower-case letters, digits, '-' or '_' (at most 40)");
            return null;
        }
        Reader s = new Reader(id, problems);
        s.preset = s.read(PRESET, null);
        s.environment = s.read(ENVIRONMENT, null);
        s.read(DIALECT, null);
        return s;
    }

    /** The token cache settings, checked together: the refresh window must not be reversed. */
    private static CachePolicy cachePolicy(Reader s) {
        double from = s.value(TOKEN_REFRESH_FROM);
        double to = s.value(TOKEN_REFRESH_TO);
        if (from > to) {
            s.problems.add(s.prefix + TOKEN_REFRESH_FROM.name() + ": must not be after " + TOKEN_REFRESH_TO.name()
                    + " (" + from + " > " + to + ")");
            return CachePolicy.DEFAULT;
        }
        return new CachePolicy(from, to, s.value(TOKEN_SKEW_MAX_MS), s.value(TOKEN_ACQUIRE_TIMEOUT_MS),
                s.value(TOKEN_BACKOFF_INITIAL_MS), s.value(TOKEN_BACKOFF_MAX_MS), s.value(TOKEN_FATAL_HOLD_OFF_MS),
                s.value(TOKEN_KEEP_WARM_MS), s.value(TOKEN_MAX_LENGTH), s.value(TOKEN_MIN_REQUEST_INTERVAL_MS),
                s.value(TOKEN_PROBE_INTERVAL_MS), s.value(TOKEN_REPLACES_PREVIOUS));
    }

    /** SHA-256 of the client secret, hex: tells credentials apart without revealing the secret. */
    static String secretFingerprint(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("client-secret:" + secret).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String fingerprint(RSAPrivateKey key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(key.getModulus().toByteArray());
            sha.update(BigInteger.valueOf(key.getModulus().bitLength()).toString().getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The settings of one provider as read: each one {@code b2b.<id>.<name>}, else the global
     * {@code b2b.<name>} where the setting has one, else its default. Problems are recorded under
     * the full name of the property the value came from; a value that is wrong counts as its default.
     */
    private final class Reader {
        private final String prefix;
        private final List<String> problems;
        private final Map<ProviderSetting<?>, Object> values = new HashMap<>();
        /** The provider's preset and environment, once read (null: none). */
        Preset preset;
        Preset.Environment environment;

        Reader(String id, List<String> problems) {
            this.prefix = "b2b." + id + ".";
            this.problems = problems;
        }

        /** The value read for {@code setting} (null when required and missing or wrong). */
        @SuppressWarnings("unchecked")
        <T> T value(ProviderSetting<T> setting) {
            return (T) values.get(setting);
        }

        <T> T read(ProviderSetting<T> setting, Dialect dialect) {
            T value = readValue(setting, dialect);
            values.put(setting, value);
            return value;
        }

        private <T> T readValue(ProviderSetting<T> setting, Dialect dialect) {
            String own = prefix + setting.name();
            // a preset's value: after the provider's own setting, before a global one and the default
            Optional<String> fromPreset = preset == null ? Optional.empty() : preset.value(setting, environment);
            if (fromPreset.isPresent() && lookup(own).filter(v -> !v.isBlank()).isEmpty()) {
                return parse(setting, prefix + PRESET.name() + " (" + preset.presetName() + ") " + setting.name(),
                        fromPreset.get(), dialect);
            }
            if (setting.requiredFor(dialect)) {
                Optional<String> raw = lookup(own);
                if (raw.isEmpty()) {
                    problems.add(own + ": is not set" + (setting == BASE_URL ? baseUrlHint() : ""));
                    return null;
                }
                if (raw.get().isBlank()) {
                    problems.add(own + ": is empty");
                    return null;
                }
                return parse(setting, own, raw.get().strip(), dialect);
            }
            String from = own;
            Optional<String> value = lookup(own).filter(v -> !v.isBlank());
            if (value.isEmpty() && setting.globalName() != null) {
                from = setting.globalName();
                value = lookup(from).filter(v -> !v.isBlank());
            }
            return value.isEmpty() ? setting.defaultFor(dialect) : parse(setting, from, value.get(), dialect);
        }

        private <T> T parse(ProviderSetting<T> setting, String from, String text, Dialect dialect) {
            T parsed = attempt(from, () -> setting.type().parse(text));
            return parsed != null ? parsed : setting.defaultFor(dialect);
        }

        /** What else would give a base URL: the environment, with a preset that documents its hosts. */
        private String baseUrlHint() {
            if (preset == null) {
                return "";
            }
            List<String> known = new ArrayList<>();
            for (Preset.Environment e : Preset.Environment.values()) {
                if (preset.baseUrl(e) != null) {
                    known.add(e.text());
                }
            }
            if (known.isEmpty()) {
                return " (preset " + preset.presetName() + " documents no host: set it)";
            }
            return environment == null ? " (or set " + prefix + ENVIRONMENT.name() + " to " + String.join(" or ", known) + ")"
                    : " (preset " + preset.presetName() + " documents no " + environment.text() + " host)";
        }

        /** The parsed value, or null with the problem recorded under {@code from}. */
        <T> T attempt(String from, Supplier<T> parser) {
            try {
                return parser.get();
            } catch (IllegalArgumentException | DateTimeException e) {
                problems.add(from + ": " + e.getMessage());
                return null;
            }
        }

        /** The setting's value; one that is set but does not resolve is a problem (and treated as absent). */
        Optional<String> lookup(String fullName) {
            try {
                return properties.apply(fullName);
            } catch (Placeholders.UnresolvedSettingException e) {
                problems.add(e.getMessage());
                return Optional.empty();
            }
        }
    }
}

package org.camelb2b.token.provider;

import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.camelb2b.token.cache.CachePolicy;
import org.camelb2b.token.crypto.PrivateKeyLoader;
import org.camelb2b.token.dialect.Dialect;
import org.camelb2b.token.dialect.Dialects;

/**
 * Reads and checks one provider's {@code b2b.<id>.*} settings. Every problem is collected, so
 * one failed start reports all of them, each under the setting's full name.
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
        if (id == null || !PROVIDER_ID.matcher(id).matches()) {
            problems.add("provider id '" + id + "' must be lower-case letters, digits, '-' or '_' (at most 40)");
            return null;
        }
        Settings s = new Settings(id, problems);

        Dialect dialect = s.optional("dialect").map(v -> s.parse("dialect", v, Dialects::named))
                .orElse(Dialects.defaultDialect());
        URI baseUrl = s.required("base-url").map(v -> s.parse("base-url", v, ProviderConfigLoader::parseBaseUrl)).orElse(null);
        String tokenPath = s.optional("token-path").map(v -> s.parse("token-path", v, ProviderConfigLoader::parsePath))
                .orElse(dialect != null ? dialect.defaultTokenPath() : null);
        String clientId = s.required("client-id").orElse(null);
        String passphrase = s.optional("private-key-passphrase").orElse(null);
        RSAPrivateKey key = s.required("private-key").map(v -> s.parse("private-key", v,
                text -> PrivateKeyLoader.load(text, passphrase))).orElse(null);
        String clientSecret = requires(dialect, "client-secret")
                ? s.required("client-secret").orElse(null) : s.optional("client-secret").orElse("");
        String channelId = s.optional("channel-id").orElse("");
        ZoneId zone = s.optional("timestamp-zone").map(v -> s.parse("timestamp-zone", v, TimestampFormat::parseZone))
                .orElse(dialect != null ? dialect.defaultTimestampZone() : null);
        Boolean millis = s.optional("timestamp-millis").map(v -> s.parse("timestamp-millis", v,
                ProviderConfigLoader::parseBoolean)).orElse(Boolean.FALSE);

        Boolean sortedQuery = s.optional("sign-sorted-query").map(v -> s.parse("sign-sorted-query", v,
                ProviderConfigLoader::parseBoolean)).orElse(Boolean.FALSE);
        CachePolicy policy = cachePolicy(s);
        CallLimits limits = callLimits(s);
        if (problems.size() > before) {
            return null;
        }
        return new ProviderConfig(id, dialect, baseUrl, tokenPath, clientId, key, fingerprint(key), clientSecret,
                channelId, new TimestampFormat(zone, millis), sortedQuery, policy, limits);
    }

    /** Whether the dialect requires a setting that is optional in general (Klikoo: {@code client-secret}). */
    private static boolean requires(Dialect dialect, String setting) {
        return dialect != null && dialect.requiredSettings().contains(setting);
    }

    /** HTTP limits: {@code b2b.<id>.<name>}, else {@code b2b.<name>}, else the default. */
    private CallLimits callLimits(Settings s) {
        CallLimits d = CallLimits.DEFAULT;
        int concurrent = s.sharedSetting("max-concurrent-calls", d.maxConcurrentCalls(),
                v -> parseCount(v, 1, 10_000, "calls"));
        Duration queue = s.sharedSetting("call-queue-timeout-ms", d.queueTimeout(), v -> parseMillis(v, 0, 60_000));
        Duration connect = s.sharedSetting("http.connect-timeout-ms", d.connectTimeout(), v -> parseMillis(v, 1, 600_000));
        Duration response = s.sharedSetting("http.response-timeout-ms", d.responseTimeout(),
                v -> parseMillis(v, 1, 600_000));
        return new CallLimits(concurrent, queue, connect, response);
    }

    /** Token cache settings: {@code b2b.<id>.token.<name>}, else {@code b2b.token.<name>}, else the default. */
    private CachePolicy cachePolicy(Settings s) {
        CachePolicy d = CachePolicy.DEFAULT;
        double from = s.tokenSetting("refresh-from", d.refreshFrom(), v -> parseFraction(v));
        double to = s.tokenSetting("refresh-to", d.refreshTo(), v -> parseFraction(v));
        Duration skew = s.tokenSetting("skew-max-ms", d.skewMax(), v -> parseMillis(v, 0, 600_000));
        Duration acquire = s.tokenSetting("acquire-timeout-ms", d.acquireTimeout(), v -> parseMillis(v, 1, 600_000));
        Duration initial = s.tokenSetting("backoff-initial-ms", d.backoffInitial(), v -> parseMillis(v, 1, 3_600_000));
        Duration max = s.tokenSetting("backoff-max-ms", d.backoffMax(), v -> parseMillis(v, 1, 3_600_000));
        Duration fatal = s.tokenSetting("fatal-hold-off-ms", d.fatalHoldOff(), v -> parseMillis(v, 1, 86_400_000));
        Duration warm = s.tokenSetting("keep-warm-ms", d.keepWarm(), v -> parseMillis(v, 0, 604_800_000));
        int maxLength = s.tokenSetting("max-length", d.maxTokenLength(), v -> parseCount(v, 16, 65_536, "characters"));
        Duration minInterval = s.tokenSetting("min-request-interval-ms", d.minRequestInterval(),
                v -> parseMillis(v, 100, 60_000));
        Duration probe = s.tokenSetting("probe-interval-ms", d.probeInterval(), v -> parseMillis(v, 100, 600_000));
        if (from > to) {
            s.problems.add(s.prefix + "token.refresh-from: must not be after token.refresh-to (" + from + " > " + to + ")");
            return d;
        }
        return new CachePolicy(from, to, skew, acquire, initial, max, fatal, warm, maxLength, minInterval, probe);
    }

    static double parseFraction(String text) {
        double v;
        try {
            v = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a fraction such as 0.75, was '" + text.strip() + "'");
        }
        if (!(v > 0 && v < 1)) {
            throw new IllegalArgumentException("must be between 0 and 1 (exclusive), was " + v);
        }
        return v;
    }

    static Duration parseMillis(String text, long min, long max) {
        return Duration.ofMillis(parseWhole(text, min, max, "milliseconds", "ms"));
    }

    static int parseCount(String text, int min, int max, String unit) {
        return (int) parseWhole(text, min, max, unit, unit);
    }

    /** A whole number from min to max; {@code unit} names it in the messages ({@code rangeUnit} after the range). */
    private static long parseWhole(String text, long min, long max, String unit, String rangeUnit) {
        long v;
        try {
            v = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number of " + unit + ", was '" + text.strip() + "'");
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException("must be between " + min + " and " + max + " " + rangeUnit + ", was " + v);
        }
        return v;
    }

    static URI parseBaseUrl(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("must be an http:// or https:// URL, was '" + text.strip() + "'");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("has no host: '" + text.strip() + "'");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("must not carry a query or fragment: '" + text.strip() + "'");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("must not carry user info");
        }
        String s = uri.toString();
        return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }

    static String parsePath(String text) {
        String t = text.strip();
        if (!t.startsWith("/") || t.contains("?") || t.contains("#") || t.contains(" ")) {
            throw new IllegalArgumentException("must be a path starting with '/', was '" + t + "'");
        }
        return t;
    }

    static Boolean parseBoolean(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("true") || t.equals("false")) {
            return Boolean.valueOf(t);
        }
        throw new IllegalArgumentException("must be true or false, was '" + text.strip() + "'");
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

    /** The settings of one provider, recording problems under their full names. */
    private final class Settings {
        private final String prefix;
        private final List<String> problems;

        Settings(String id, List<String> problems) {
            this.prefix = "b2b." + id + ".";
            this.problems = problems;
        }

        Optional<String> optional(String name) {
            return lookup(prefix + name).filter(v -> !v.isBlank());
        }

        Optional<String> required(String name) {
            Optional<String> raw = lookup(prefix + name);
            if (raw.isEmpty()) {
                problems.add(prefix + name + ": is not set");
            } else if (raw.get().isBlank()) {
                problems.add(prefix + name + ": is empty");
                return Optional.empty();
            }
            return raw.map(String::strip);
        }

        /** A token-cache setting: per provider, else global {@code b2b.token.*}, else the default. */
        <T> T tokenSetting(String name, T fallback, Function<String, T> parser) {
            return sharedSetting("token." + name, fallback, parser);
        }

        /** A setting of provider {@code b2b.<id>.<name>}, else the global {@code b2b.<name>}, else the default. */
        <T> T sharedSetting(String name, T fallback, Function<String, T> parser) {
            String own = prefix + name;
            Optional<String> value = lookup(own).filter(v -> !v.isBlank());
            String setting = own;
            if (value.isEmpty()) {
                setting = "b2b." + name;
                value = lookup(setting).filter(v -> !v.isBlank());
            }
            if (value.isEmpty()) {
                return fallback;
            }
            try {
                return parser.apply(value.get());
            } catch (IllegalArgumentException e) {
                problems.add(setting + ": " + e.getMessage());
                return fallback;
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

        <T> T parse(String name, String value, Function<String, T> parser) {
            try {
                return parser.apply(value);
            } catch (IllegalArgumentException | DateTimeException e) {
                problems.add(prefix + name + ": " + e.getMessage());
                return null;
            }
        }
    }
}

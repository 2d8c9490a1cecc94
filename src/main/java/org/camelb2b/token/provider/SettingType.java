package org.camelb2b.token.provider;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.camelb2b.token.dialect.Dialect;
import org.camelb2b.token.dialect.Dialects;

/**
 * The kind of value a provider setting takes: how its text is read and checked (the parsers throw
 * an {@link IllegalArgumentException}, or a {@link java.time.DateTimeException} for zones, whose
 * message follows the setting's name in the problem), how its values are written back as text,
 * the Java type of its {@code b2b:} endpoint option, and its range.
 *
 * @param <T> the parsed value
 */
public final class SettingType<T> {

    /** What the value is, for the generated documentation. */
    public enum Kind {
        TEXT, KEY, PUBLIC_KEY, URL, PATH, ZONE, CHOICE, LIST, BOOLEAN, COUNT, MILLIS, FRACTION
    }

    /** The values a number may take; {@code exclusive}: the bounds themselves are not allowed. */
    public record Range(Number min, Number max, boolean exclusive) {
    }

    private final Kind kind;
    private final Class<?> optionType;
    private final Function<String, T> parser;
    private final Function<T, String> writer;
    private final Range range;
    private final String unit;
    /** The names a {@link Kind#CHOICE} takes, asked when needed. */
    private final java.util.function.Supplier<List<String>> choices;

    private SettingType(Kind kind, Class<?> optionType, Function<String, T> parser, Function<T, String> writer,
                        Range range, String unit) {
        this(kind, optionType, parser, writer, range, unit, null);
    }

    private SettingType(Kind kind, Class<?> optionType, Function<String, T> parser, Function<T, String> writer,
                        Range range, String unit, java.util.function.Supplier<List<String>> choices) {
        this.choices = choices;
        this.kind = kind;
        this.optionType = optionType;
        this.parser = parser;
        this.writer = writer;
        this.range = range;
        this.unit = unit;
    }

    /** Any text, as given. */
    static SettingType<String> text() {
        return new SettingType<>(Kind.TEXT, String.class, t -> t, t -> t, null, null);
    }

    /** A private key's location or text, as given; the loader reads it with the passphrase. */
    static SettingType<String> key() {
        return new SettingType<>(Kind.KEY, String.class, t -> t, t -> t, null, null);
    }

    /** A public key's location or text, as given; the inbound loader reads it. */
    static SettingType<String> publicKey() {
        return new SettingType<>(Kind.PUBLIC_KEY, String.class, t -> t, t -> t, null, null);
    }

    /** One of {@code values}, in lower case as written there. */
    static SettingType<String> choice(String... values) {
        List<String> allowed = List.of(values);
        return new SettingType<>(Kind.CHOICE, String.class, t -> {
            String v = t.strip().toLowerCase(java.util.Locale.ROOT);
            if (!allowed.contains(v)) {
                throw new IllegalArgumentException("must be " + String.join(" or ", allowed) + ", was '" + t.strip() + "'");
            }
            return v;
        }, t -> t, null, null, () -> allowed);
    }

    static SettingType<URI> url() {
        return new SettingType<>(Kind.URL, String.class, SettingType::parseBaseUrl, URI::toString, null, null);
    }

    static SettingType<String> path() {
        return new SettingType<>(Kind.PATH, String.class, SettingType::parsePath, t -> t, null, null);
    }

    static SettingType<ZoneId> zone() {
        return new SettingType<>(Kind.ZONE, String.class, TimestampFormat::parseZone, ZoneId::toString, null, null);
    }

    static SettingType<Dialect> dialect() {
        return new SettingType<>(Kind.CHOICE, String.class, Dialects::named, Dialect::name, null, null,
                () -> List.copyOf(Dialects.names()));
    }

    static SettingType<Preset> preset() {
        return new SettingType<>(Kind.CHOICE, String.class, Preset::named, Preset::presetName, null, null, Preset::names);
    }

    static SettingType<Preset.Environment> environment() {
        return new SettingType<Preset.Environment>(Kind.CHOICE, String.class, Preset.Environment::named,
                Preset.Environment::text, null, null, () -> List.of("sandbox", "production"));
    }

    static SettingType<TransactionSignature> transactionSignature() {
        return new SettingType<TransactionSignature>(Kind.CHOICE, String.class, TransactionSignature::named,
                TransactionSignature::text, null, null, () -> List.of("hmac", "rsa"));
    }

    /** Comma-separated words (no white space inside one), at least one. */
    static SettingType<List<String>> words() {
        return new SettingType<>(Kind.LIST, String.class, SettingType::parseWords, w -> String.join(",", w), null, null);
    }

    static SettingType<Boolean> bool() {
        return new SettingType<>(Kind.BOOLEAN, Boolean.class, SettingType::parseBoolean, String::valueOf, null, null);
    }

    /** A whole number of {@code unit} (calls, characters) from min to max. */
    static SettingType<Integer> count(int min, int max, String unit) {
        return new SettingType<>(Kind.COUNT, Integer.class, t -> (int) parseWhole(t, min, max, unit, unit),
                String::valueOf, new Range(min, max, false), unit);
    }

    /** A duration written as a whole number of milliseconds from min to max. */
    static SettingType<Duration> millis(long min, long max) {
        return new SettingType<>(Kind.MILLIS, Long.class,
                t -> Duration.ofMillis(parseWhole(t, min, max, "milliseconds", "ms")),
                d -> String.valueOf(d.toMillis()), new Range(min, max, false), "ms");
    }

    /** A fraction between 0 and 1, both excluded. */
    static SettingType<Double> fraction() {
        return new SettingType<>(Kind.FRACTION, Double.class, SettingType::parseFraction, SettingType::writeFraction,
                new Range(0, 1, true), null);
    }

    public Kind kind() {
        return kind;
    }

    /** The names a choice takes, in order; null for a value that is not a choice. */
    public List<String> choices() {
        return choices == null ? null : choices.get();
    }

    /** The Java type of the {@code b2b:} endpoint option: String, Boolean, Integer, Long or Double. */
    public Class<?> optionType() {
        return optionType;
    }

    /** The allowed numbers, or null for a value that is not a number. */
    public Range range() {
        return range;
    }

    /** The unit of a number ({@code ms}, {@code calls}, ...), or null. */
    public String unit() {
        return unit;
    }

    /**
     * The value of {@code text}.
     *
     * @throws IllegalArgumentException saying what is wrong, to follow the setting's name
     */
    public T parse(String text) {
        return parser.apply(text);
    }

    /** {@code value} as the text a setting would give it ({@code 0.70}, {@code 5000}, {@code Z}). */
    public String write(T value) {
        return writer.apply(value);
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

    /** At least two decimals, as fractions are usually written: {@code 0.70}. */
    private static String writeFraction(Double value) {
        BigDecimal d = BigDecimal.valueOf(value);
        return (d.scale() < 2 ? d.setScale(2) : d).toPlainString();
    }

    /** A whole number from min to max; {@code unit} names it in the messages ({@code rangeUnit} after the range). */
    static long parseWhole(String text, long min, long max, String unit, String rangeUnit) {
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

    static List<String> parseWords(String text) {
        List<String> words = new java.util.ArrayList<>();
        for (String w : text.split(",")) {
            String t = w.strip();
            if (t.isEmpty() || t.chars().anyMatch(c -> c <= ' ' || c > '~')) {
                throw new IllegalArgumentException("must be comma-separated words of visible ASCII, was '" + text.strip()
                        + "'");
            }
            words.add(t);
        }
        return List.copyOf(words);
    }

    static Boolean parseBoolean(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("true") || t.equals("false")) {
            return Boolean.valueOf(t);
        }
        throw new IllegalArgumentException("must be true or false, was '" + text.strip() + "'");
    }
}

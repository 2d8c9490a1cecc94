package org.camelb2b.token.provider;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * How a provider wants its request timestamps written: ISO-8601 with seconds, optional
 * milliseconds, and the zone written as {@code Z} (UTC) or an offset such as {@code +07:00}.
 * The instant is always now; only its spelling changes.
 */
public final class TimestampFormat {

    private final ZoneId zone;
    private final boolean millis;
    private final DateTimeFormatter formatter;
    private final long unitMillis;
    /** The last instant written, by its unit (second or millisecond): most calls reuse it. */
    private volatile Cached last = new Cached(Long.MIN_VALUE, "");

    private record Cached(long unit, String text) {
    }

    public TimestampFormat(ZoneId zone, boolean millis) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.millis = millis;
        this.formatter = DateTimeFormatter.ofPattern(millis ? "yyyy-MM-dd'T'HH:mm:ss.SSSXXX" : "yyyy-MM-dd'T'HH:mm:ssXXX")
                .withZone(zone);
        this.unitMillis = millis ? 1 : 1000;
    }

    /**
     * Reads a zone setting: {@code Z} or {@code UTC} for UTC, an offset such as {@code +07:00},
     * or a region such as {@code Asia/Jakarta}.
     */
    public static ZoneId parseZone(String text) {
        String t = text.strip();
        if (t.equalsIgnoreCase("Z") || t.equalsIgnoreCase("UTC")) {
            return java.time.ZoneOffset.UTC;
        }
        return ZoneId.of(t);
    }

    public String format(Instant instant) {
        long unit = Math.floorDiv(instant.toEpochMilli(), unitMillis);
        Cached cached = last;
        if (cached.unit() == unit) {
            return cached.text();
        }
        String text = formatter.format(instant);
        last = new Cached(unit, text);
        return text;
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean millis() {
        return millis;
    }

    @Override
    public String toString() {
        return "TimestampFormat[zone=" + zone + ", millis=" + millis + "]";
    }
}

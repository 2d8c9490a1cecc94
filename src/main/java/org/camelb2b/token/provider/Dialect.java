package org.camelb2b.token.provider;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The protocol family a provider speaks for its B2B token call. A dialect gives the defaults
 * (token path, header names, timestamp zone, success code); each provider may override the
 * path, zone and millisecond precision.
 */
public enum Dialect {

    /**
     * Bank Indonesia's SNAP standard (DOKU, BCA, BRI, Mandiri, ...). DOKU's page asks for UTC
     * ({@code 2020-09-22T01:51:00Z}); banks that show {@code +07:00} override the zone.
     */
    SNAP("/authorization/v1/access-token/b2b", "X-TIMESTAMP", "X-SIGNATURE", ZoneOffset.UTC, "2007300"),

    /** Klikoo's B2B OpenAPI: {@code Open-Api-*} headers, timestamps in WIB ({@code +07:00}). */
    KLIKOO("/v1/open-api/access-token", "Open-Api-Timestamp", "Open-Api-Signature", ZoneOffset.ofHours(7), "200012000");

    private final String defaultTokenPath;
    private final String timestampHeader;
    private final String signatureHeader;
    private final ZoneId defaultZone;
    private final String successCode;

    Dialect(String defaultTokenPath, String timestampHeader, String signatureHeader, ZoneId defaultZone,
            String successCode) {
        this.defaultTokenPath = defaultTokenPath;
        this.timestampHeader = timestampHeader;
        this.signatureHeader = signatureHeader;
        this.defaultZone = defaultZone;
        this.successCode = successCode;
    }

    /** Parses a dialect name as written in configuration ({@code snap}, {@code klikoo}). */
    public static Dialect fromName(String name) {
        String n = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
        for (Dialect d : values()) {
            if (d.name().equals(n)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown dialect '" + name + "' (expected snap or klikoo)");
    }

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String defaultTokenPath() {
        return defaultTokenPath;
    }

    public String timestampHeader() {
        return timestampHeader;
    }

    public String signatureHeader() {
        return signatureHeader;
    }

    public ZoneId defaultZone() {
        return defaultZone;
    }

    /** The full response code of a successful token call. */
    public String successCode() {
        return successCode;
    }
}

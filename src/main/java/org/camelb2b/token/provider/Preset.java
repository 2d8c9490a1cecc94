package org.camelb2b.token.provider;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a known provider's public documentation says about its protocol, as values of provider
 * settings: {@code b2b.<p>.preset=<name>} fills each of them, and a setting given explicitly still
 * wins. Each fact carries its source; where no source says anything the preset leaves the setting to
 * its dialect's documented default (and the README's preset table says so), rather than guess.
 *
 * <p>Sources are the providers' developer pages as summarised in the project's provider notes
 * ({@code specs/providers.md}, "Provider by provider"); "public code only" marks facts seen only in
 * third-party client code, "low confidence" one unofficial repository.
 */
public enum Preset {

    /** ASPI's generic SNAP form: {@code /{version}/access-token/b2b}, timestamps {@code yyyy-MM-ddTHH:mm:ssTZD}. */
    SNAP("snap", null, null, facts(
            ProviderSetting.DIALECT, "snap",
            // ASPI "Keamanan": /{version}/access-token/b2b, the version of the SNAP service (v1.0)
            ProviderSetting.TOKEN_PATH, "/v1.0/access-token/b2b",
            // ASPI: yyyy-MM-ddTHH:mm:ssTZD, examples in WIB
            ProviderSetting.TIMESTAMP_ZONE, "+07:00",
            ProviderSetting.TIMESTAMP_MILLIS, "false"), "ASPI, \"Keamanan\" (SNAP standard)"),

    DOKU("doku", "https://api-sandbox.doku.com", "https://api.doku.com", facts(
            ProviderSetting.DIALECT, "snap",
            // developers.doku.com, "Get Token B2B"
            ProviderSetting.TOKEN_PATH, "/authorization/v1/access-token/b2b",
            // developers.doku.com: "subtract 7 hours from WIB" (UTC, ...Z); one example shows +07:00
            ProviderSetting.TIMESTAMP_ZONE, "Z",
            ProviderSetting.TIMESTAMP_MILLIS, "false"), "developers.doku.com"),

    KLIKOO("klikoo", null, null, facts(
            ProviderSetting.DIALECT, "klikoo",
            // klikoo-doc.readme.io, "Access Token"; the hosts serve below a prefix such as /klikoo-b2b
            ProviderSetting.TOKEN_PATH, "/v1/open-api/access-token",
            // klikoo-doc.readme.io: yyyy-MM-dd'T'HH:mm:ss+07:00 (WIB), no milliseconds
            ProviderSetting.TIMESTAMP_ZONE, "+07:00",
            ProviderSetting.TIMESTAMP_MILLIS, "false"), "klikoo-doc.readme.io"),

    BCA("bca", null, null, facts(
            ProviderSetting.DIALECT, "snap",
            // BCA developer docs (as copied in public code): /openapi/v1.0/access-token/b2b
            ProviderSetting.TOKEN_PATH, "/openapi/v1.0/access-token/b2b",
            // BCA: 2021-11-29T09:22:18.172+07:00, milliseconds and offset
            ProviderSetting.TIMESTAMP_ZONE, "+07:00",
            ProviderSetting.TIMESTAMP_MILLIS, "true",
            // BCA: payment calls sign the query parameters sorted, RFC 3986 encoded
            ProviderSetting.SIGN_SORTED_QUERY, "true"), "BCA developer docs (a copy in public code)"),

    BRI("bri", null, null, facts(
            ProviderSetting.DIALECT, "snap",
            // developers.bri.co.id, OAuth SNAP-BI: /snap/v1.0/access-token/b2b
            ProviderSetting.TOKEN_PATH, "/snap/v1.0/access-token/b2b",
            // developers.bri.co.id: yyyy-MM-ddTHH:mm:ss.SSSTZD (milliseconds); the zone is not named:
            // +07:00, as the other Indonesian banks' examples (a default, not a documented fact)
            ProviderSetting.TIMESTAMP_ZONE, assumed("+07:00"),
            ProviderSetting.TIMESTAMP_MILLIS, "true"), "developers.bri.co.id (OAuth SNAP-BI)"),

    BNI("bni", null, null, facts(
            ProviderSetting.DIALECT, "snap",
            // public code only: /snap/v1/access-token/b2b, body with "additionalInfo":{}
            ProviderSetting.TOKEN_PATH, "/snap/v1/access-token/b2b",
            ProviderSetting.TOKEN_REQUEST_ADDITIONAL_INFO, "true",
            // timestamp: not found; +07:00 as ASPI's form (a default)
            ProviderSetting.TIMESTAMP_ZONE, assumed("+07:00")), "public code only"),

    BTN("btn", null, null, facts(
            ProviderSetting.DIALECT, "snap",
            // public code only: /snap/v1/access-token/b2b
            ProviderSetting.TOKEN_PATH, "/snap/v1/access-token/b2b",
            // timestamp: not found; +07:00 as ASPI's form (a default)
            ProviderSetting.TIMESTAMP_ZONE, assumed("+07:00")), "public code only"),

    MANDIRI("mandiri", null, null, facts(
            ProviderSetting.DIALECT, "snap",
            // low confidence, one unofficial repository: /openapi/auth/v2.0/access-token/b2b
            ProviderSetting.TOKEN_PATH, "/openapi/auth/v2.0/access-token/b2b",
            // timestamp: not found; +07:00 as ASPI's form (a default)
            ProviderSetting.TIMESTAMP_ZONE, assumed("+07:00")), "one unofficial repository (low confidence)"),

    MIDTRANS("midtrans", null, null, facts(
            ProviderSetting.DIALECT, "snap",
            // docs.midtrans.com, SNAP-BI access-token API: /v1.0/access-token/b2b
            ProviderSetting.TOKEN_PATH, "/v1.0/access-token/b2b",
            // its SDK writes Instant.toString(): UTC, Z
            ProviderSetting.TIMESTAMP_ZONE, "Z"), "docs.midtrans.com (SNAP-BI access token)"),

    DANA("dana", null, null, facts(
            ProviderSetting.DIALECT, "snap",
            // dashboard.dana.id: B2B token path not found (B2B2C is /v1.0/access-token/b2b2c.htm): ASPI's
            // generic path, a default to check against the contract
            ProviderSetting.TOKEN_PATH, assumed("/v1.0/access-token/b2b"),
            // dashboard.dana.id: YYYY-MM-DDTHH:mm:ss+07:00
            ProviderSetting.TIMESTAMP_ZONE, "+07:00",
            ProviderSetting.TIMESTAMP_MILLIS, "false"), "dashboard.dana.id, dana-java"),

    NICEPAY("nicepay", null, null, facts(
            ProviderSetting.DIALECT, "snap",
            // docs.nicepay.co.id: /nicepay/v1.0/access-token/b2b, +07:00, expiresIn "900"
            ProviderSetting.TOKEN_PATH, "/nicepay/v1.0/access-token/b2b",
            ProviderSetting.TIMESTAMP_ZONE, "+07:00",
            ProviderSetting.TIMESTAMP_MILLIS, "false"), "docs.nicepay.co.id"),

    PAYDIA("paydia", null, null, facts(
            ProviderSetting.DIALECT, "snap",
            // snap-docs.paydia.id: /snap/v1.0/access-token/b2b, +07:00 required
            ProviderSetting.TOKEN_PATH, "/snap/v1.0/access-token/b2b",
            ProviderSetting.TIMESTAMP_ZONE, "+07:00",
            ProviderSetting.TIMESTAMP_MILLIS, "false"), "snap-docs.paydia.id"),

    DURIANPAY("durianpay", null, null, facts(
            ProviderSetting.DIALECT, "snap",
            // docs.durianpay.id: /v1.0/access-token/b2b, ISO 8601 timestamps (the zone not named: +07:00,
            // ASPI's form, a default)
            ProviderSetting.TOKEN_PATH, "/v1.0/access-token/b2b",
            ProviderSetting.TIMESTAMP_ZONE, assumed("+07:00"),
            // docs.durianpay.id: a sample answers tokenType "BearerToken" and expiresIn as a date-time
            ProviderSetting.TOKEN_TYPES, "Bearer,BearerToken",
            ProviderSetting.TOKEN_EXPIRES_IN_DATE_TIME, "true"), "docs.durianpay.id"),

    TWO_C_TWO_P("2c2p", null, null, facts(
            ProviderSetting.DIALECT, "snap",
            // developer.2c2p.com (Indonesia): /v2/payments/acceptance/1.0/access-token/b2b, integer expiresIn
            ProviderSetting.TOKEN_PATH, "/v2/payments/acceptance/1.0/access-token/b2b",
            // timestamp: not found; +07:00 as ASPI's form (a default)
            ProviderSetting.TIMESTAMP_ZONE, assumed("+07:00")), "developer.2c2p.com");

    private final String presetName;
    private final String sandboxUrl;
    private final String productionUrl;
    private final Map<ProviderSetting<?>, String> values;
    private final String source;

    Preset(String presetName, String sandboxUrl, String productionUrl, Map<ProviderSetting<?>, String> values,
           String source) {
        this.presetName = presetName;
        this.source = source;
        this.sandboxUrl = sandboxUrl;
        this.productionUrl = productionUrl;
        this.values = values;
    }

    /** Marks a value no source gives: a documented default, shown as such in the README's preset table. */
    private static String assumed(String value) {
        return ASSUMED + value;
    }

    private static final String ASSUMED = "assumed:";

    private static Map<ProviderSetting<?>, String> facts(Object... settingsAndValues) {
        Map<ProviderSetting<?>, String> m = new LinkedHashMap<>();
        for (int i = 0; i < settingsAndValues.length; i += 2) {
            m.put((ProviderSetting<?>) settingsAndValues[i], (String) settingsAndValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Whether no source gives the preset's value of {@code setting}: it is a default the README names as one. */
    public boolean assumes(ProviderSetting<?> setting) {
        String v = values.get(setting);
        return v != null && v.startsWith(ASSUMED);
    }

    /** The name {@code b2b.<p>.preset} takes. */
    public String presetName() {
        return presetName;
    }

    /** Where its facts come from, in short (each fact's own source is noted where the preset is defined). */
    public String source() {
        return source;
    }

    /** The settings this preset gives, in the order they are listed, as text to be read by each setting's own type. */
    public Map<ProviderSetting<?>, String> settings() {
        Map<ProviderSetting<?>, String> m = new LinkedHashMap<>();
        values.forEach((k, v) -> m.put(k, v.startsWith(ASSUMED) ? v.substring(ASSUMED.length()) : v));
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The value the preset gives {@code setting}, if any; {@code base-url} comes from the environment. */
    public Optional<String> value(ProviderSetting<?> setting, Environment environment) {
        if (setting == ProviderSetting.BASE_URL) {
            return Optional.ofNullable(environment == null ? null : baseUrl(environment));
        }
        return Optional.ofNullable(settings().get(setting));
    }

    /** The provider's documented base URL in {@code environment}, or null where no source gives it. */
    public String baseUrl(Environment environment) {
        return environment == Environment.SANDBOX ? sandboxUrl : productionUrl;
    }

    /** The preset called {@code name} (any case). */
    public static Preset named(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (Preset p : values()) {
            if (p.presetName.equals(n)) {
                return p;
            }
        }
        throw new IllegalArgumentException("is not a known preset: '" + name.strip() + "'; the presets are "
                + String.join(", ", names()));
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Preset::presetName).toList();
    }

    /** Which of the provider's hosts a preset's base URL is: {@code b2b.<p>.environment}. */
    public enum Environment {
        SANDBOX, PRODUCTION;

        public static Environment named(String name) {
            String n = name.strip().toLowerCase(Locale.ROOT);
            for (Environment e : values()) {
                if (e.name().toLowerCase(Locale.ROOT).equals(n)) {
                    return e;
                }
            }
            throw new IllegalArgumentException("must be sandbox or production, was '" + name.strip() + "'");
        }

        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}

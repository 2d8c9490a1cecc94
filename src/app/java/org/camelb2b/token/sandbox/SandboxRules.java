package org.camelb2b.token.sandbox;

import java.util.List;
import java.util.Map;


/**
 * What the sandbox enforces and answers as one preset's provider, under {@code /presets/<name>}:
 * its token path (any other is 404), its timestamp's zone and precision, its token request body
 * (BNI's {@code additionalInfo}), its query signed sorted (BCA), and its token answer as that
 * provider writes it ({@code expiresIn} as text, {@code tokenType} {@code bearer} or
 * {@code BearerToken}, a lifetime as a date-time).
 *
 * @param zoneSuffix  what every timestamp must end with ({@code Z}, {@code +07:00})
 * @param answer      how the token answer writes its type and lifetime
 */
record SandboxRules(String preset, String tokenPath, String zoneSuffix, boolean millis, boolean sortedQuery,
                    boolean additionalInfo, Answer answer) {

    /** How a provider writes its token answer. */
    enum Answer {
        /** {@code "tokenType":"Bearer","expiresIn":900}. */
        STANDARD,
        /** {@code "tokenType":"bearer","expiresIn":"900"} (BCA). */
        LOWER_CASE_TEXT_LIFETIME,
        /** {@code "expiresIn":"900"} (Nicepay). */
        TEXT_LIFETIME,
        /** {@code "tokenType":"BearerToken","expiresIn":"<the expiry, ISO-8601>"} (a Durianpay sample). */
        BEARER_TOKEN_DATE_TIME
    }

    /**
     * Each provider as the sandbox plays it, written from the providers' documentation (the
     * project's provider notes) and deliberately not read from {@link org.camelb2b.token.provider.Preset}:
     * a preset that got a fact wrong fails against it.
     */
    private static final Map<String, SandboxRules> PROVIDERS = index(
            new SandboxRules("snap", "/v1.0/access-token/b2b", "+07:00", false, false, false, Answer.STANDARD),
            new SandboxRules("doku", "/authorization/v1/access-token/b2b", "Z", false, false, false, Answer.STANDARD),
            new SandboxRules("bca", "/openapi/v1.0/access-token/b2b", "+07:00", true, true, false,
                    Answer.LOWER_CASE_TEXT_LIFETIME),
            new SandboxRules("bri", "/snap/v1.0/access-token/b2b", "+07:00", true, false, false, Answer.STANDARD),
            new SandboxRules("bni", "/snap/v1/access-token/b2b", "+07:00", false, false, true, Answer.STANDARD),
            new SandboxRules("btn", "/snap/v1/access-token/b2b", "+07:00", false, false, false, Answer.STANDARD),
            new SandboxRules("mandiri", "/openapi/auth/v2.0/access-token/b2b", "+07:00", false, false, false,
                    Answer.STANDARD),
            new SandboxRules("midtrans", "/v1.0/access-token/b2b", "Z", false, false, false, Answer.STANDARD),
            new SandboxRules("dana", "/v1.0/access-token/b2b", "+07:00", false, false, false, Answer.STANDARD),
            new SandboxRules("nicepay", "/nicepay/v1.0/access-token/b2b", "+07:00", false, false, false,
                    Answer.TEXT_LIFETIME),
            new SandboxRules("paydia", "/snap/v1.0/access-token/b2b", "+07:00", false, false, false, Answer.STANDARD),
            new SandboxRules("durianpay", "/v1.0/access-token/b2b", "+07:00", false, false, false,
                    Answer.BEARER_TOKEN_DATE_TIME),
            new SandboxRules("2c2p", "/v2/payments/acceptance/1.0/access-token/b2b", "+07:00", false, false, false,
                    Answer.STANDARD));

    private static Map<String, SandboxRules> index(SandboxRules... rules) {
        Map<String, SandboxRules> m = new java.util.LinkedHashMap<>();
        for (SandboxRules r : rules) {
            m.put(r.preset(), r);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The presets the SNAP sandbox serves this way (klikoo has a sandbox of its own, under /klikoo-b2b). */
    static List<String> snapPresets() {
        return List.copyOf(PROVIDERS.keySet());
    }

    /** The rules of preset {@code name}, or null when the sandbox does not serve it. */
    static SandboxRules of(String name) {
        return PROVIDERS.get(name);
    }

    /** Whether {@code timestamp} has this provider's zone and precision (its format is checked apart). */
    boolean timestampAsRequired(String timestamp) {
        boolean hasMillis = timestamp.matches(".*T\\d\\d:\\d\\d:\\d\\d\\.\\d{3}.*");
        return timestamp.endsWith(zoneSuffix) && hasMillis == millis;
    }

    /** The query as this provider signs it: as received, or its parameters sorted (by name, then value). */
    String signedQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty() || !sortedQuery) {
            return rawQuery;
        }
        return java.util.Arrays.stream(rawQuery.split("&")).sorted((a, b) -> {
            String an = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            String bn = b.contains("=") ? b.substring(0, b.indexOf('=')) : b;
            int byName = an.compareTo(bn);
            return byName != 0 ? byName : a.compareTo(b);
        }).collect(java.util.stream.Collectors.joining("&"));
    }
}

package org.camelb2b.token.provider;

import java.util.Optional;

import org.apache.camel.CamelContext;

/**
 * Looks a setting up in a CamelContext's properties, telling a setting that is not there from
 * one whose value cannot be resolved. Camel's {@code resolveProperty} answers "empty" for both,
 * so {@code b2b.doku.client-secret={{env:DOKU_SECRET}}} with the variable unset passed startup as
 * "no secret" and failed at the first payment call.
 */
public final class Placeholders {

    /** A default no real value has: what a setting that is not there resolves to. */
    private static final String ABSENT = "\u0000b2b-absent\u0000";

    private Placeholders() {
    }

    /**
     * The setting's resolved value, or empty when it is not set.
     *
     * @throws UnresolvedSettingException when it is set but its value refers to a property, an
     *                                    environment variable or another source that does not resolve
     */
    public static Optional<String> resolve(CamelContext context, String name) {
        String value;
        try {
            value = context.resolvePropertyPlaceholders("{{" + name + ":" + ABSENT + "}}");
        } catch (IllegalArgumentException e) {
            // Camel's message names the placeholder that failed ("Property with key [env:X] ..."),
            // never a resolved value
            throw new UnresolvedSettingException(name, e.getMessage());
        }
        return ABSENT.equals(value) ? Optional.empty() : Optional.ofNullable(value);
    }

    /** A setting whose value does not resolve; its message names the setting, never a value. */
    public static final class UnresolvedSettingException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        public UnresolvedSettingException(String name, String reason) {
            super(name + ": is set, but its value does not resolve (" + reason + ")");
        }
    }
}

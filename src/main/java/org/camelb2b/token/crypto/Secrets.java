package org.camelb2b.token.crypto;

/** Masking for values that must never appear whole in logs, exception messages or toString(). */
public final class Secrets {

    private Secrets() {
    }

    /**
     * Shows at most the first four characters of a secret (none for short ones) and its length,
     * e.g. {@code eyJh…(212 chars)}: enough to tell two tokens apart in a log, never enough to use one.
     */
    public static String mask(String secret) {
        if (secret == null) {
            return "null";
        }
        int n = secret.length();
        String head = n >= 16 ? secret.substring(0, 4) : "";
        return head + "…(" + n + " chars)";
    }
}

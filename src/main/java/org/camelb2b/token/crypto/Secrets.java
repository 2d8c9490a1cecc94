package org.camelb2b.token.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

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

    /**
     * Whether two secrets (signatures, tokens) are the same text, exactly (case included), compared
     * in time that does not depend on where they differ ({@link MessageDigest#isEqual} on their
     * UTF-8 bytes). Null equals nothing.
     */
    public static boolean sameText(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}

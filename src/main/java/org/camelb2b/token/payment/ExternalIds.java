package org.camelb2b.token.payment;

import java.security.SecureRandom;

/**
 * {@code X-EXTERNAL-ID} values: unique per partner per day, numeric, at most 36 characters.
 * Epoch milliseconds (13 digits) followed by 12 random digits: two calls collide only within the
 * same millisecond and with a one-in-10^12 draw.
 */
public final class ExternalIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ExternalIds() {
    }

    public static String next() {
        long random = Math.floorMod(RANDOM.nextLong(), 1_000_000_000_000L);
        return System.currentTimeMillis() + String.format("%012d", random);
    }
}

package org.camelb2b.token.payment;

import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code X-EXTERNAL-ID} values: unique per partner per day, numeric, at most 36 characters.
 * Epoch milliseconds (13 digits) followed by 12 random digits: two calls collide only within the
 * same millisecond and with a one-in-10^12 draw. The value must be unique, not secret, so a
 * per-thread generator serves (no lock, no entropy pool).
 */
public final class ExternalIds {

    private ExternalIds() {
    }

    public static String next() {
        long random = ThreadLocalRandom.current().nextLong(1_000_000_000_000L);
        char[] digits = new char[25];
        long millis = System.currentTimeMillis();
        for (int i = 12; i >= 0; i--) {
            digits[i] = (char) ('0' + millis % 10);
            millis /= 10;
        }
        for (int i = 24; i >= 13; i--) {
            digits[i] = (char) ('0' + random % 10);
            random /= 10;
        }
        return new String(digits);
    }
}

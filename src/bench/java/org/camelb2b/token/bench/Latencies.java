package org.camelb2b.token.bench;

import java.util.Arrays;

/** Caller latencies of one run, in microseconds. */
record Latencies(long[] micros) {

    long percentile(double p) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    long max() {
        return Arrays.stream(micros).max().orElse(0);
    }

    static String ms(long micros) {
        return String.format("%.1f", micros / 1000.0);
    }
}

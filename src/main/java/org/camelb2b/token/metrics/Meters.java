package org.camelb2b.token.metrics;

import java.time.Duration;

import org.camelb2b.token.cache.TokenKey;

/**
 * Where {@link B2bMetrics} records: Micrometer's meters ({@link MicrometerMeters}) when Micrometer
 * is on the classpath, else {@link #NONE}. Micrometer is an optional dependency of the library, so
 * only {@link MicrometerMeters} refers to its types.
 */
interface Meters {

    /** Records nothing: the application has no Micrometer. */
    Meters NONE = new Meters() {
        @Override
        public void tokenRequest(String provider, boolean success, Duration latency) {
        }

        @Override
        public void hit(TokenKey key, boolean refreshFailing) {
        }

        @Override
        public void miss(TokenKey key) {
        }

        @Override
        public void backgroundRefresh(TokenKey key) {
        }

        @Override
        public void count(String name, String provider, String tag, String value) {
        }

        @Override
        public String toString() {
            return "no meters (Micrometer is not on the classpath)";
        }
    };

    void tokenRequest(String provider, boolean success, Duration latency);

    void hit(TokenKey key, boolean refreshFailing);

    void miss(TokenKey key);

    void backgroundRefresh(TokenKey key);

    /** Increments the counter {@code name} of the provider, with one more tag when {@code tag} is not null. */
    void count(String name, String provider, String tag, String value);
}

package org.camelb2b.token.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.camelb2b.token.crypto.Secrets;

/**
 * A B2B access token as a provider issued it. Its lifetime runs on the monotonic clock from
 * {@link #requestedAtNanos()}, the moment the token request was sent, so a token is never
 * believed to live longer than it does and a wall-clock jump changes nothing.
 * {@link #toString()} masks the value.
 */
public final class AccessToken {

    private final String provider;
    private final String value;
    private final String tokenType;
    private final Duration lifetime;
    private final long requestedAtNanos;
    private final Instant issuedAt;
    private final String authorizationHeader;

    public AccessToken(String provider, String value, String tokenType, Duration lifetime, long requestedAtNanos,
                       Instant issuedAt) {
        this.provider = Objects.requireNonNull(provider);
        this.value = Objects.requireNonNull(value);
        this.tokenType = Objects.requireNonNull(tokenType);
        this.lifetime = Objects.requireNonNull(lifetime);
        this.requestedAtNanos = requestedAtNanos;
        this.issuedAt = Objects.requireNonNull(issuedAt);
        this.authorizationHeader = "Bearer " + value;
    }

    public String provider() {
        return provider;
    }

    /** The token itself: goes into {@code Authorization: Bearer ...} and nowhere else. */
    public String value() {
        return value;
    }

    /** Always {@code Bearer}: the parser refuses other types. */
    public String tokenType() {
        return tokenType;
    }

    /** {@code expiresIn} as the provider sent it. */
    public Duration lifetime() {
        return lifetime;
    }

    /** {@link System#nanoTime()} when the token request was sent. */
    public long requestedAtNanos() {
        return requestedAtNanos;
    }

    /** Wall-clock time the response arrived; for display only, never for expiry. */
    public Instant issuedAt() {
        return issuedAt;
    }

    /** Monotonic instant ({@link System#nanoTime()} scale) at which the provider considers the token expired. */
    public long expiresAtNanos() {
        return requestedAtNanos + lifetime.toNanos();
    }

    /** Nanoseconds left before expiry at {@code nowNanos}; negative once expired. */
    public long remainingNanos(long nowNanos) {
        return expiresAtNanos() - nowNanos;
    }

    /** The {@code Authorization} header value. */
    public String authorizationHeader() {
        return authorizationHeader;
    }

    @Override
    public String toString() {
        return "AccessToken[provider=" + provider + ", value=" + Secrets.mask(value) + ", type=" + tokenType
                + ", lifetime=" + lifetime.toSeconds() + "s, issuedAt=" + issuedAt + "]";
    }
}

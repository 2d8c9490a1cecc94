package org.camelb2b.token.inbound;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * The tokens we issue to providers (SNAP service 73, our side): 256 random bits from
 * {@link SecureRandom}, base64url, each valid for the provider it was issued to until its lifetime
 * runs out on the monotonic clock. Kept in Caffeine, as the outbound tokens are, under the SHA-256
 * of the token: the cache never holds a token we issued, and a lookup's time depends on the hash,
 * not on how much of a guessed token is right. Bounded: past {@link #MAX_TOKENS} the oldest go.
 */
public final class IssuedTokens {

    /** Tokens held at once; a provider asks for one per lifetime, so this is far more than used. */
    public static final int MAX_TOKENS = 100_000;
    /** Random bytes per token: 256 bits. */
    static final int TOKEN_BYTES = 32;

    private record Issued(String provider, long lifetimeNanos) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Cache<String, Issued> tokens;

    public IssuedTokens(Ticker ticker) {
        this.tokens = Caffeine.newBuilder()
                .ticker(ticker)
                .maximumSize(MAX_TOKENS)
                .expireAfter(new Expiry<String, Issued>() {
                    @Override
                    public long expireAfterCreate(String key, Issued value, long currentTime) {
                        return value.lifetimeNanos();
                    }

                    @Override
                    public long expireAfterUpdate(String key, Issued value, long currentTime, long currentDuration) {
                        return currentDuration;
                    }

                    @Override
                    public long expireAfterRead(String key, Issued value, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .build();
    }

    /** A new token for {@code provider}, valid for {@code lifetime}. */
    public String issue(String provider, Duration lifetime) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.put(hash(token), new Issued(provider, lifetime.toNanos()));
        return token;
    }

    /** Whether {@code token} is one we issued to {@code provider} and is still valid. */
    public boolean isValidFor(String token, String provider) {
        if (token == null || token.isEmpty() || token.length() > 512) {
            return false;
        }
        return Optional.ofNullable(tokens.getIfPresent(hash(token))).map(Issued::provider)
                .filter(provider::equals).isPresent();
    }

    private static String hash(String token) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "IssuedTokens[" + tokens.estimatedSize() + " held]";
    }
}

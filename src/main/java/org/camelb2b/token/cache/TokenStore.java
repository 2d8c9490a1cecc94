package org.camelb2b.token.cache;

import java.util.Optional;
import java.util.function.Function;

import org.camelb2b.token.token.AccessToken;

/**
 * Where the token cache's requests go when it has no usable token or a refresh is due. The cache
 * (Caffeine, single flight per key, refresh ahead, backoff) stays the first level in every
 * instance: a cache hit never reaches the store.
 *
 * <ul>
 * <li>{@link #LOCAL} (the default, {@code b2b.token.store=local}): straight to the provider; each
 * instance requests its own tokens.</li>
 * <li>a shared store ({@code b2b.token.store=hazelcast}, {@code org.camelb2b.token.cluster}):
 * one token request per credential and refresh cycle across every instance of a cluster.</li>
 * </ul>
 */
public interface TokenStore extends AutoCloseable {

    /** Each instance requests its own tokens: the provider, directly. */
    TokenStore LOCAL = new TokenStore() {
        @Override
        public AccessToken fetch(TokenKey key, CachePolicy policy, Function<TokenKey, AccessToken> provider) {
            return provider.apply(key);
        }

        @Override
        public String toString() {
            return "local";
        }
    };

    /**
     * A token newer than the one this instance holds (if any), for the cache to keep: a shared one
     * another instance requested, or one from {@code provider} (one token request, blocking). Runs
     * on the cache's fetch threads, at most once at a time per key and instance.
     */
    AccessToken fetch(TokenKey key, CachePolicy policy, Function<TokenKey, AccessToken> provider);

    /** The cache dropped {@code rejected} (a payment call was refused with it): drop it everywhere if it is still the shared one. */
    default void invalidated(TokenKey key, AccessToken rejected) {
    }

    /** Told of shared hits, takeovers, refused writes and fallbacks (a shared store's). */
    default void setListener(Listener listener) {
    }

    /**
     * Where a shared store offers tokens other instances wrote, as soon as they are written
     * ({@link TokenCache#offer}), so this instance moves to a new token before the old one is refused.
     */
    default void offerTo(java.util.function.BiConsumer<TokenKey, AccessToken> offers) {
    }

    /**
     * Where a shared store says that a refresh replacing a token has started on some instance, for
     * providers whose new token revokes the previous one ({@link CachePolicy#replacesPrevious()}):
     * {@link TokenCache#hold}.
     */
    default void holdTo(java.util.function.BiConsumer<TokenKey, AccessToken> holds) {
    }

    /** What the readiness check shows of the store for a credential, besides its name (no secret). */
    default java.util.Map<String, Object> details(TokenKey key) {
        return java.util.Map.of();
    }

    /** What the readiness check shows of the store: empty when all is well. */
    default Optional<String> problem() {
        return Optional.empty();
    }

    @Override
    default void close() {
    }

    /** Told what a shared store does, for metrics. Must be cheap. */
    interface Listener {
        Listener NONE = new Listener() {
        };

        /** A token another instance requested was taken from the shared store instead of requesting one. */
        default void sharedHit(TokenKey key) {
        }

        /** A lease whose holder did not write a token in time was taken over. */
        default void leaseTakeover(TokenKey key) {
        }

        /** A token written with a lease that was no longer current was refused. */
        default void staleWriteRefused(TokenKey key) {
        }

        /** The shared store was unreachable: this instance requested its own token. */
        default void fallback(TokenKey key) {
        }
    }
}

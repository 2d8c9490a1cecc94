package org.camelb2b.token.health;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.camelb2b.token.cache.TokenCache;
import org.camelb2b.token.cache.TokenKey;
import org.camelb2b.token.provider.ConfigurationException;
import org.camelb2b.token.provider.ProviderRegistry;
import org.camelb2b.token.token.AccessToken;
import org.camelb2b.token.token.TokenAcquisitionException;

/**
 * Readiness of one provider ({@code b2b-token-<provider>}, group {@code b2b}): UP while a usable
 * token is held or can be had, DOWN with the provider's last response code and message when not,
 * and DOWN while the provider rejects every new token (tokens are issued, calls fail).
 * With no token held it asks the token cache, so the check itself joins the one request in flight,
 * or fails at once while the provider is known to be failing. Asking is not use: the check keeps
 * no token warm (background refreshes are for keys callers used). Never a liveness check: a provider
 * that refuses us is no reason to restart the application.
 *
 * <p>It is given the provider settings, the token cache and the monotonic clock it reads (the
 * runtime's, which makes and registers the checks), so it knows nothing of the route steps.
 */
public final class ProviderReadinessCheck extends AbstractHealthCheck {

    private final String provider;
    private final ProviderRegistry providers;
    private final TokenCache cache;
    private final LongSupplier nanoClock;

    /**
     * @param providers the settings the provider's token key comes from
     * @param cache     the token cache asked for the provider's token
     * @param nanoClock the monotonic clock the cache measures lifetimes on
     */
    public ProviderReadinessCheck(String provider, ProviderRegistry providers, TokenCache cache, LongSupplier nanoClock) {
        super("b2b", idOf(provider));
        this.provider = provider;
        this.providers = Objects.requireNonNull(providers);
        this.cache = Objects.requireNonNull(cache);
        this.nanoClock = Objects.requireNonNull(nanoClock);
    }

    /** The check's id: {@code b2b-token-<provider>}. */
    public static String idOf(String provider) {
        return "b2b-token-" + provider;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("provider", provider);
        try {
            TokenKey key = providers.get(provider).tokenKey();
            Optional<String> rejected = cache.tokensRejected(key);
            if (rejected.isPresent()) {
                // tokens are issued, but calls cannot succeed with them
                builder.message(rejected.get());
                builder.down();
                return;
            }
            // not use: a probe every few seconds must not keep a token nobody needs refreshed
            AccessToken token = cache.getWithoutUse(key);
            builder.detail("tokenExpiresInSeconds",
                    TimeUnit.NANOSECONDS.toSeconds(token.remainingNanos(nanoClock.getAsLong())));
            builder.detail("tokenStore", cache.store().toString());
            cache.store().details(key).forEach(builder::detail);
            // a shared store that fell back to this instance's own tokens: calls still work, say so
            cache.store().problem().ifPresent(problem -> {
                builder.detail("tokenStoreProblem", problem);
                builder.message(problem);
            });
            builder.up();
        } catch (TokenAcquisitionException e) {
            if (e.responseCode() != null) {
                builder.detail("responseCode", e.responseCode().raw());
            }
            if (e.httpStatus() >= 0) {
                builder.detail("httpStatus", e.httpStatus());
            }
            builder.message(e.getMessage());
            builder.down();
        } catch (ConfigurationException e) {
            builder.message(e.getMessage());
            builder.down();
        }
    }
}

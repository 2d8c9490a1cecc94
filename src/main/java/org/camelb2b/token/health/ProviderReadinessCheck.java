package org.camelb2b.token.health;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.camelb2b.token.cache.TokenKey;
import org.camelb2b.token.flow.B2bRuntime;
import org.camelb2b.token.provider.ConfigurationException;
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
 */
public final class ProviderReadinessCheck extends AbstractHealthCheck {

    private final String provider;

    public ProviderReadinessCheck(String provider) {
        super("b2b", idOf(provider));
        this.provider = provider;
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
            B2bRuntime runtime = B2bRuntime.of(getCamelContext());
            TokenKey key = B2bRuntime.keyOf(runtime.providers().get(provider));
            Optional<String> rejected = runtime.cache().tokensRejected(key);
            if (rejected.isPresent()) {
                // tokens are issued, but calls cannot succeed with them
                builder.message(rejected.get());
                builder.down();
                return;
            }
            // not use: a probe every few seconds must not keep a token nobody needs refreshed
            AccessToken token = runtime.cache().getWithoutUse(key);
            builder.detail("tokenExpiresInSeconds",
                    TimeUnit.NANOSECONDS.toSeconds(token.remainingNanos(runtime.nanoClock().getAsLong())));
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

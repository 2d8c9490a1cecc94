package org.camelb2b.token.flow;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.camelb2b.token.cache.TokenKey;
import org.camelb2b.token.metrics.B2bMetrics;
import org.camelb2b.token.provider.ProviderConfig;
import org.camelb2b.token.provider.ProviderRegistry;
import org.camelb2b.token.token.AccessToken;
import org.camelb2b.token.token.TokenAcquisitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one token acquisition through the provider's fetch route ({@code b2b-token-fetch}
 * template: build headers, sign, POST, parse) and writes the one log line every acquisition gets: provider, outcome, response code,
 * latency and lifetime; never the token, key or secret.
 */
final class TokenFetcher {

    static final Logger ACQUISITION_LOG = LoggerFactory.getLogger("org.camelb2b.token.acquisition");

    private final ProducerTemplate template;
    private final ProviderRegistry providers;
    private final LongSupplier nanoClock;
    private final B2bMetrics metrics;

    TokenFetcher(ProducerTemplate template, ProviderRegistry providers, LongSupplier nanoClock, B2bMetrics metrics) {
        this.template = template;
        this.providers = providers;
        this.nanoClock = nanoClock;
        this.metrics = metrics;
    }

    AccessToken fetch(TokenKey key) {
        ProviderConfig config = providers.get(key.provider());
        long start = nanoClock.getAsLong();
        Exchange result = template.send(B2bExchange.FETCH_ENDPOINT_PREFIX + config.id(),
                exchange -> exchange.setProperty(B2bExchange.PROVIDER, config.id()));
        long latencyNanos = nanoClock.getAsLong() - start;
        long latencyMs = TimeUnit.NANOSECONDS.toMillis(latencyNanos);
        Exception failure = result.getException();
        if (failure == null && !(result.getMessage().getBody() instanceof AccessToken)) {
            failure = new TokenAcquisitionException(config.id(), -1, null, null,
                    "the fetch route answered with no token");
        }
        metrics.tokenRequest(config.id(), failure == null, java.time.Duration.ofNanos(latencyNanos));
        if (failure != null) {
            TokenAcquisitionException error = failure instanceof TokenAcquisitionException tae ? tae
                    : new TokenAcquisitionException(config.id(), -1, null, null, failure.toString(), failure);
            ACQUISITION_LOG.warn("token acquisition provider={} outcome=failure responseCode={} httpStatus={} latencyMs={} error=\"{}\"",
                    config.id(), error.responseCode() == null ? "none" : error.responseCode().raw(),
                    error.httpStatus(), latencyMs, error.getMessage());
            throw error;
        }
        AccessToken token = result.getMessage().getBody(AccessToken.class);
        ACQUISITION_LOG.info("token acquisition provider={} outcome=success responseCode={} latencyMs={} lifetimeS={}",
                config.id(), config.dialect().tokenResponse().successCode(), latencyMs, token.lifetime().toSeconds());
        return token;
    }
}

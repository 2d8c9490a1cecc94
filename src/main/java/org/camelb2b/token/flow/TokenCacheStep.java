package org.camelb2b.token.flow;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The cache step of a token route ({@code b2bTokenCache}): answers from Caffeine, or waits for
 * the one fetch in flight for the provider's credential. Only the fetch exchanges the cache sends
 * itself ({@link B2bExchange#FETCH}) pass through to the provider steps.
 */
public class TokenCacheStep implements Processor {

    @Override
    public void process(Exchange exchange) {
        if (Boolean.TRUE.equals(exchange.getProperty(B2bExchange.FETCH, Boolean.class))) {
            return;
        }
        String provider = exchange.getProperty(B2bExchange.PROVIDER, String.class);
        exchange.getMessage().setBody(B2bRuntime.of(exchange.getContext()).token(provider));
    }
}

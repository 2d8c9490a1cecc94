package org.camelb2b.token.flow;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.camelb2b.token.token.TokenAcquisitionException;

/**
 * Used in the token route's catch block ({@code b2bTokenTransportFailure}): a token call that got
 * no HTTP response at all (refused, reset, timed out) becomes a typed error naming the provider.
 */
public class TokenTransportFailure implements Processor {

    @Override
    public void process(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String provider = exchange.getProperty(B2bExchange.PROVIDER, String.class);
        String url = exchange.getProperty(B2bExchange.TOKEN_URL, String.class);
        throw new TokenAcquisitionException(provider, -1, null, null,
                "no response from " + url + ": " + (cause == null ? "unknown error" : cause.getClass().getSimpleName()
                        + (cause.getMessage() == null ? "" : " " + cause.getMessage())), cause);
    }
}

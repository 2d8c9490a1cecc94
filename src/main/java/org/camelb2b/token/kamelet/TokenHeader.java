package org.camelb2b.token.kamelet;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.camelb2b.token.token.AccessToken;

/**
 * How the token kamelet enriches an exchange: the token route's answer becomes the
 * {@code Authorization} header ({@code Bearer <token>}); the body and the other headers stay as
 * they were. A failed acquisition is not aggregated: the enrich step fails the exchange with it.
 */
public class TokenHeader implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange original, Exchange resource) {
        if (resource == null) {
            return original;
        }
        AccessToken token = resource.getMessage().getBody(AccessToken.class);
        if (token == null) {
            throw new IllegalStateException("the token route returned no token");
        }
        original.getMessage().setHeader("Authorization", token.authorizationHeader());
        return original;
    }
}

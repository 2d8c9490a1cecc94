package org.camelb2b.token.flow;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.camelb2b.token.provider.ProviderConfig;
import org.camelb2b.token.token.TokenAcquisitionException;
import org.camelb2b.token.token.TokenResponseParser;
import java.time.Duration;
import java.time.Instant;

/**
 * The parse step ({@code b2bTokenResponse}): turns the HTTP response into an
 * {@link org.camelb2b.token.token.AccessToken} body, or throws a
 * {@link org.camelb2b.token.token.TokenAcquisitionException} with the provider's code.
 */
public class TokenResponseReader implements Processor {

    @Override
    public void process(Exchange exchange) {
        ProviderConfig config = B2bRuntime.providerOf(exchange);
        Message message = exchange.getMessage();
        Integer status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        String body = message.getBody(String.class);
        long requestedAt = exchange.getProperty(B2bExchange.REQUESTED_AT, Long.class);
        Duration retryAfter = RetryAfter.parse(message.getHeader("Retry-After", String.class), Instant.now());
        message.removeHeaders("*");
        try {
            message.setBody(new TokenResponseParser(config.id(), config.dialect().tokenResponse(),
                    config.cachePolicy().maxTokenLength(), config.tokenRules().tokenTypes(),
                    config.tokenRules().expiresInDateTime(), B2bRuntime.of(exchange.getContext()).clock())
                    .parse(status == null ? -1 : status, body, requestedAt));
        } catch (TokenAcquisitionException e) {
            if (retryAfter == null) {
                throw e;
            }
            throw e.withRetryAfter(retryAfter);
        }
    }
}

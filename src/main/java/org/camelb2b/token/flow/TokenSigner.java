package org.camelb2b.token.flow;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.camelb2b.token.dialect.Dialect;
import org.camelb2b.token.provider.ProviderConfig;

/**
 * The signing step ({@code b2bTokenSigner}): SHA256withRSA over {@code clientId|timestamp}, where
 * the timestamp is the very header value the request carries, so the two can never differ.
 */
public class TokenSigner implements Processor {

    @Override
    public void process(Exchange exchange) {
        ProviderConfig config = B2bRuntime.providerOf(exchange);
        Dialect dialect = config.dialect();
        if (!dialect.signs()) {
            return; // plain OAuth2: the client authenticates with HTTP Basic, nothing is signed
        }
        Message message = exchange.getMessage();
        String timestamp = message.getHeader(dialect.timestampHeader(), String.class);
        if (timestamp == null || timestamp.isEmpty()) {
            throw new IllegalStateException("provider '" + config.id() + "': no " + dialect.timestampHeader()
                    + " header to sign; the build-headers step must run first");
        }
        message.setHeader(dialect.signatureHeader(), config.signer().sign(config.clientId(), timestamp));
    }
}

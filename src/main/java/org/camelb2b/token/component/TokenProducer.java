package org.camelb2b.token.component;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;
import org.camelb2b.token.flow.B2bRuntime;
import org.camelb2b.token.token.AccessToken;

/**
 * {@code b2b:token:<provider>}: the provider's token from the cache, or from the one fetch in flight
 * for its credential, as the {@code Authorization} header (body and other headers kept) or, with
 * {@code target=body}, as the body. A failure is a {@code TokenAcquisitionException} naming the
 * provider and its response code.
 */
final class TokenProducer extends DefaultProducer {

    private final String provider;
    private final boolean intoBody;
    private final B2bRuntime runtime;

    TokenProducer(B2bEndpoint endpoint) {
        super(endpoint);
        this.provider = endpoint.getProvider();
        this.intoBody = "body".equals(endpoint.getTarget());
        this.runtime = endpoint.getComponent().runtime();
    }

    @Override
    public void process(Exchange exchange) {
        AccessToken token = runtime.token(provider);
        if (intoBody) {
            exchange.getMessage().setBody(token);
        } else {
            exchange.getMessage().setHeader("Authorization", token.authorizationHeader());
        }
    }
}

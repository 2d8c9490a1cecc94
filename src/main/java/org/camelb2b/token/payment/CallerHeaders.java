package org.camelb2b.token.payment;

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Keeps the caller's headers apart from the ones a payment call owns. {@code b2bCallerHeadersAside}
 * sets the caller's header map aside (unchanged, not copied) and gives the call an empty one, so
 * nothing of the caller's (a correlation id, its own {@code Authorization}) is sent to the provider;
 * {@code b2bCallerHeadersBack}, in the route's {@code doFinally}, puts the caller's headers back
 * with the answer's on top ({@code B2bResponse*}, {@code CamelHttpResponseCode},
 * {@code Content-Type}), or, when the call failed, the caller's alone: the request's
 * {@code Authorization} and signature never reach the caller's route.
 */
public class CallerHeaders implements Processor {

    /** Property: the caller's header map, while the call runs. */
    static final String ASIDE = "B2bCallerHeaders";

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        exchange.setProperty(ASIDE, message.getHeaders());
        message.setHeaders(exchange.getContext().getCamelContextExtension().getHeadersMapFactory().newMap());
    }

    /** {@code b2bCallerHeadersBack}: the caller's headers again, plus the answer's on success. */
    public static class Back implements Processor {

        @Override
        @SuppressWarnings("unchecked")
        public void process(Exchange exchange) {
            Object aside = exchange.removeProperty(ASIDE);
            if (!(aside instanceof Map<?, ?>)) {
                return;
            }
            Map<String, Object> caller = (Map<String, Object>) aside;
            Message message = exchange.getMessage();
            boolean failed = exchange.getException() != null || exchange.getProperty(Exchange.EXCEPTION_CAUGHT) != null;
            if (!failed) {
                // what the response step left: the answer's headers only
                caller.putAll(message.getHeaders());
            }
            message.setHeaders(caller);
        }
    }
}

package org.camelb2b.token.payment;

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Keeps the caller's headers apart from the ones a payment call owns, and one call's state apart
 * from the next call's on the same exchange. {@code b2bCallerHeadersAside}
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
    /** Property: the exception the caller's route had caught before the call, if any (not this call's failure). */
    private static final String CAUGHT_BEFORE = "B2bCaughtBefore";

    /** What one call keeps on the exchange while it runs; a later call on the same exchange starts afresh. */
    private static final String[] CALL_STATE = {PaymentHeaders.SIGNED_REQUEST, PaymentHeaders.ATTEMPTS,
        PaymentHeaders.RETRY, PaymentHeaders.USED_TOKEN};

    @Override
    public void process(Exchange exchange) {
        forgetCallState(exchange);
        Message message = exchange.getMessage();
        Object caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT);
        if (caught != null) {
            exchange.setProperty(CAUGHT_BEFORE, caught);
        }
        exchange.setProperty(ASIDE, message.getHeaders());
        message.setHeaders(exchange.getContext().getCamelContextExtension().getHeadersMapFactory().newMap());
    }

    /** {@code b2bCallerHeadersBack}: the caller's headers again, plus the answer's on success. */
    public static class Back implements Processor {

        @Override
        @SuppressWarnings("unchecked")
        public void process(Exchange exchange) {
            forgetCallState(exchange);
            Object aside = exchange.removeProperty(ASIDE);
            Object caughtBefore = exchange.removeProperty(CAUGHT_BEFORE);
            if (!(aside instanceof Map<?, ?>)) {
                return;
            }
            Map<String, Object> caller = (Map<String, Object>) aside;
            Message message = exchange.getMessage();
            // in doFinally, Camel keeps this call's exception in EXCEPTION_CAUGHT; one the caller's
            // route had caught before the call is not a failure of the call
            Object caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT);
            boolean failed = exchange.getException() != null || (caught != null && caught != caughtBefore);
            if (!failed) {
                // what the response step left: the answer's headers only
                caller.putAll(message.getHeaders());
            }
            message.setHeaders(caller);
        }
    }

    /**
     * Drops the state of a call (the signed request, its attempts, the retry decision, the token
     * used), so that a route calling twice on one exchange makes two calls: never the first one's
     * signed request again, with its X-EXTERNAL-ID.
     */
    static void forgetCallState(Exchange exchange) {
        for (String name : CALL_STATE) {
            exchange.removeProperty(name);
        }
    }
}

package org.camelb2b.token.payment;

import java.net.SocketTimeoutException;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.camelb2b.token.flow.B2bExchange;

/**
 * Used in the payment route's catch block ({@code b2bPaymentTransportFailure}): a call that got
 * no answer becomes a {@link PaymentCallException}, marked as a timeout when it timed out.
 */
public class PaymentTransportFailure implements Processor {

    @Override
    public void process(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        SignedRequest request = exchange.getProperty(PaymentHeaders.SIGNED_REQUEST, SignedRequest.class);
        boolean timeout = false;
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                timeout = true;
            }
        }
        throw new PaymentCallException(exchange.getProperty(B2bExchange.PROVIDER, String.class), -1, null, null,
                (timeout ? "timed out calling " : "no response from ") + (request == null ? "the provider" : request.url())
                        + (cause == null ? "" : ": " + cause.getClass().getSimpleName()), timeout, cause);
    }
}

package org.camelb2b.token.payment;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.camelb2b.token.flow.B2bExchange;
import org.camelb2b.token.token.ResponseCode;

/**
 * {@code b2bPaymentFailure}: turns an unsuccessful answer into a {@link PaymentCallException}, for
 * routes that let failures raise ({@code B2bThrowOnFailure}, the default) rather than branch.
 */
public class PaymentFailure implements Processor {

    @Override
    public void process(Exchange exchange) {
        Message m = exchange.getMessage();
        String code = m.getHeader(PaymentHeaders.RESPONSE_CODE, String.class);
        throw new PaymentCallException(exchange.getProperty(B2bExchange.PROVIDER, String.class),
                m.getHeader(Exchange.HTTP_RESPONSE_CODE, -1, Integer.class), ResponseCode.parse(code),
                m.getHeader(PaymentHeaders.RESPONSE_MESSAGE, String.class), "the provider answered with an error",
                false, null);
    }
}

package org.camelb2b.token.component;

import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.support.service.ServiceHelper;
import org.camelb2b.token.flow.BundledRoutes;
import org.camelb2b.token.payment.PaymentHeaders;

/**
 * {@code b2b:call:<provider>}: sends the exchange through {@code direct:b2b-call} (sign -> permit
 * -> HTTP -> read the response code, once more on a rejected token) with the endpoint's provider,
 * path, query and method. An option given wins over the caller's header of the same meaning
 * ({@code B2bPath}, {@code B2bQuery}, {@code CamelHttpMethod}), as camel-http's {@code httpMethod}
 * does; an option left out leaves the header to say it. Afterwards the caller's headers are as they
 * were, with the answer's {@code B2bResponse*} on top.
 */
final class CallProducer extends DefaultAsyncProducer {

    /** The request headers this producer sets for the call route and takes back after it. */
    private static final String[] REQUEST_HEADERS = {PaymentHeaders.PROVIDER, PaymentHeaders.PATH, PaymentHeaders.QUERY,
        Exchange.HTTP_METHOD};
    /** The call route's property for throwOnFailure. */
    private static final String THROW_ON_FAILURE = "B2bThrowOnFailure";

    private final B2bEndpoint endpoint;
    private AsyncProducer route;

    CallProducer(B2bEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        route = getEndpoint().getCamelContext().getEndpoint(BundledRoutes.CALL_ENDPOINT).createAsyncProducer();
        ServiceHelper.startService(route);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(route);
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Message message = exchange.getMessage();
        Object[] callers = new Object[REQUEST_HEADERS.length];
        for (int i = 0; i < REQUEST_HEADERS.length; i++) {
            callers[i] = message.getHeader(REQUEST_HEADERS[i]);
        }
        message.setHeader(PaymentHeaders.PROVIDER, endpoint.getProvider());
        setIfGiven(message, PaymentHeaders.PATH, endpoint.getPath());
        setIfGiven(message, PaymentHeaders.QUERY, endpoint.getQuery());
        setIfGiven(message, Exchange.HTTP_METHOD, endpoint.getMethod());
        Object callerThrow = exchange.getProperty(THROW_ON_FAILURE);
        exchange.setProperty(THROW_ON_FAILURE, endpoint.isThrowOnFailure());
        return route.process(exchange, done -> {
            Message after = exchange.getMessage();
            for (int i = 0; i < REQUEST_HEADERS.length; i++) {
                if (callers[i] == null) {
                    after.removeHeader(REQUEST_HEADERS[i]);
                } else {
                    after.setHeader(REQUEST_HEADERS[i], callers[i]);
                }
            }
            if (callerThrow == null) {
                exchange.removeProperty(THROW_ON_FAILURE);
            } else {
                exchange.setProperty(THROW_ON_FAILURE, callerThrow);
            }
            callback.done(done);
        });
    }

    private static void setIfGiven(Message message, String header, String value) {
        if (value != null && !value.isEmpty()) {
            message.setHeader(header, value);
        }
    }
}

package org.camelb2b.token.payment;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.camelb2b.token.flow.B2bExchange;
import org.camelb2b.token.flow.B2bRuntime;
import org.camelb2b.token.provider.ProviderConfig;
import org.camelb2b.token.token.AccessToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The response step of payment calls ({@code b2bPaymentResponse}): puts the provider's response
 * code on the exchange as headers a route can branch on, drops the request's headers (the
 * {@code Authorization} header must not travel back to the caller), and, when the provider
 * rejected the token on the first attempt, invalidates that token (only if it is still the cached
 * one) and asks the route for one retry ({@link PaymentHeaders#RETRY}).
 */
public class PaymentResponseReader implements org.apache.camel.Processor {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentResponseReader.class);

    @Override
    public void process(Exchange exchange) {
        B2bRuntime runtime = B2bRuntime.of(exchange.getContext());
        ProviderConfig config = runtime.providers().get(exchange.getProperty(B2bExchange.PROVIDER, String.class));
        Message message = exchange.getMessage();
        Integer status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        String contentType = message.getHeader(Exchange.CONTENT_TYPE, String.class);
        PaymentResponse response = PaymentResponse.read(config.dialect(), status == null ? -1 : status,
                message.getBody(String.class));
        int attempts = exchange.getProperty(PaymentHeaders.ATTEMPTS, 1, Integer.class);

        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, response.httpStatus());
        if (contentType != null) {
            message.setHeader(Exchange.CONTENT_TYPE, contentType);
        }
        message.setHeader(PaymentHeaders.RESPONSE_SUCCESS, response.success());
        message.setHeader(PaymentHeaders.ATTEMPTS, attempts);
        if (response.code() != null) {
            message.setHeader(PaymentHeaders.RESPONSE_CODE, response.code().raw());
            if (response.code().isSplit()) {
                message.setHeader(PaymentHeaders.RESPONSE_HTTP_STATUS, response.code().httpStatus());
                message.setHeader(PaymentHeaders.RESPONSE_SERVICE_CODE, response.code().serviceCode());
                message.setHeader(PaymentHeaders.RESPONSE_CASE_CODE, response.code().caseCode());
            }
        }
        if (response.message() != null) {
            message.setHeader(PaymentHeaders.RESPONSE_MESSAGE, response.message());
        }

        String codeClass = response.code() != null && response.code().isSplit()
                ? (response.code().httpStatus() / 100) + "xx" : response.httpStatus() > 0 ? (response.httpStatus() / 100) + "xx"
                : "none";
        runtime.metrics().paymentCall(config.id(), codeClass);
        boolean rejected = TokenRejection.isTokenRejected(config.dialect(), response.httpStatus(), response.code(),
                response.message());
        boolean retry = rejected && attempts == 1;
        if (retry) {
            runtime.metrics().retry(config.id());
            AccessToken used = exchange.getProperty(PaymentHeaders.USED_TOKEN, AccessToken.class);
            boolean dropped = runtime.cache().invalidate(B2bRuntime.keyOf(config), used);
            LOG.info("provider={} rejected its token (responseCode={}); {} and retrying once", config.id(),
                    response.code().raw(), dropped ? "dropped it" : "a newer token is already cached");
        }
        exchange.setProperty(PaymentHeaders.RETRY, retry);
    }
}

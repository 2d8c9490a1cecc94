package org.camelb2b.token.payment;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.camelb2b.token.cache.TokenCache;
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
 * rejected the token, tells the token cache ({@link TokenCache#rejected}), which drops it (only if it
 * is still the cached one) and allows one retry ({@link PaymentHeaders#RETRY}) on the first attempt,
 * unless the token was rejected as soon as it was issued (then every new token is, and neither
 * a new token nor a retry would help). A call that succeeded tells the cache its token is accepted.
 */
public class PaymentResponseReader implements org.apache.camel.Processor {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentResponseReader.class);

    private final RuntimeOfContext runtimes = new RuntimeOfContext();

    @Override
    public void process(Exchange exchange) {
        B2bRuntime runtime = runtimes.get(exchange);
        ProviderConfig config = runtime.providers().get(exchange.getProperty(B2bExchange.PROVIDER, String.class));
        Message message = exchange.getMessage();
        Integer status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        String contentType = message.getHeader(Exchange.CONTENT_TYPE, String.class);
        PaymentResponse response = PaymentResponse.read(config.dialect(), status == null ? -1 : status,
                answerText(exchange, message));
        int attempts = exchange.getProperty(PaymentHeaders.ATTEMPTS, 1, Integer.class);

        message.getHeaders().clear();
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
        boolean rejected = config.dialect().isTokenRejected(response.httpStatus(), response.code(),
                response.message());
        AccessToken used = exchange.getProperty(PaymentHeaders.USED_TOKEN, AccessToken.class);
        boolean retry = false;
        if (rejected && used != null) {
            // the cache decides: a revoked or old token is replaced and the call retried once; a token
            // rejected as soon as it was issued means every new one is, so neither happens
            TokenCache.RejectionOutcome outcome = runtime.cache().rejected(B2bRuntime.keyOf(config), used);
            retry = attempts == 1 && outcome.retry();
            if (retry) {
                runtime.metrics().retry(config.id());
                LOG.info("provider={} rejected its token (responseCode={}); retrying once with a new token", config.id(),
                        codeOf(response));
            } else if (attempts == 1) {
                LOG.debug("provider={} rejected a token it had just issued (responseCode={}); not retried", config.id(),
                        codeOf(response));
            }
        } else if (response.success() && used != null) {
            runtime.cache().accepted(B2bRuntime.keyOf(config), used);
        }
        exchange.setProperty(PaymentHeaders.RETRY, retry);
    }

    /** The answer's code for a log line: its response code, else its HTTP status. */
    private static String codeOf(PaymentResponse response) {
        return response.code() != null ? response.code().raw() : "HTTP " + response.httpStatus();
    }

    /**
     * The answer as text, decoded as Camel decodes it (the charset of its {@code Content-Type},
     * else the default). The body becomes the answer's bytes, read once from camel-http's stream
     * cache, so that a route (the gateway's answer) takes them as they are rather than reading
     * the stream again.
     */
    private static String answerText(Exchange exchange, Message message) {
        Object body = message.getBody();
        if (body == null || body instanceof String) {
            return (String) body;
        }
        byte[] bytes = body instanceof byte[] b ? b : message.getBody(byte[].class);
        if (bytes == null) {
            return message.getBody(String.class);
        }
        if (bytes != body) {
            message.setBody(bytes);
        }
        return exchange.getContext().getTypeConverter().convertTo(String.class, exchange, bytes);
    }
}

package org.camelb2b.token.gateway;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.camelb2b.token.payment.PaymentCallException;
import org.camelb2b.token.payment.ProviderBusyException;
import org.camelb2b.token.provider.ConfigurationException;
import org.camelb2b.token.token.TokenAcquisitionException;

/**
 * {@code b2bGatewayError}: answers a failed gateway call with a JSON body naming the provider and
 * what went wrong: 502 when no token can be had (with the token error's code and message) or the
 * provider did not answer, 503 with {@code Retry-After} when the provider's concurrency limit
 * refused the call unsent, 504 when it timed out, 400 for a body that is not JSON, 500 for a
 * configuration gap. Never includes a token or secret.
 */
public class GatewayError implements Processor {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void process(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String provider = exchange.getMessage().getHeader("B2bProvider", String.class);
        Map<String, Object> body = new LinkedHashMap<>();
        int status;
        if (e instanceof TokenAcquisitionException tae) {
            status = 502;
            body.put("error", "token_unavailable");
            body.put("provider", tae.provider());
            body.put("responseCode", tae.responseCode() == null ? null : tae.responseCode().raw());
            body.put("httpStatus", tae.httpStatus() < 0 ? null : tae.httpStatus());
            body.put("message", tae.providerMessage() != null ? tae.providerMessage() : tae.getMessage());
        } else if (e instanceof ProviderBusyException busy) {
            // nothing was sent: the caller may try again shortly
            status = 503;
            body.put("error", "provider_busy");
            body.put("provider", busy.provider());
            body.put("message", busy.getMessage());
            answer(exchange, status, body);
            exchange.getMessage().setHeader("Retry-After", "1");
            return;
        } else if (e instanceof PaymentCallException pce) {
            status = pce.isTimeout() ? 504 : 502;
            body.put("error", pce.isTimeout() ? "provider_timeout" : "provider_unreachable");
            body.put("provider", pce.provider());
            body.put("message", pce.getMessage());
        } else if (e instanceof ConfigurationException ce) {
            status = 500;
            body.put("error", "configuration");
            body.put("provider", provider);
            body.put("message", ce.getMessage());
        } else if (e instanceof IllegalArgumentException iae) {
            status = 400;
            body.put("error", "bad_request");
            body.put("provider", provider);
            body.put("message", iae.getMessage());
        } else {
            status = 502;
            body.put("error", "gateway_error");
            body.put("provider", provider);
            body.put("message", e == null ? "unknown error" : e.getClass().getSimpleName());
        }
        answer(exchange, status, body);
    }

    static void answer(Exchange exchange, int status, Map<String, ?> body) {
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        try {
            exchange.getMessage().setBody(JSON.writeValueAsString(body));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}

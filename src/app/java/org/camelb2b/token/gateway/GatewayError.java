package org.camelb2b.token.gateway;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.camelb2b.token.payment.InvalidPaymentRequestException;
import org.camelb2b.token.payment.PaymentCallException;
import org.camelb2b.token.payment.ProviderBusyException;
import org.camelb2b.token.payment.PaymentRequestRules;
import org.camelb2b.token.provider.ConfigurationException;
import org.camelb2b.token.token.ResponseCode;
import org.camelb2b.token.token.TokenAcquisitionException;

/**
 * {@code b2bGatewayError}: answers a failed gateway call with a JSON body naming the provider and
 * what went wrong: 502 when no token can be had (with the token error's code, our reason and the
 * provider's message) or the provider did not answer, 503 with {@code Retry-After} when the provider's concurrency limit
 * refused the call unsent, 504 when it timed out, 405 for a method
 * that is not signed, 400 for any other part of the request that cannot be sent as signed (naming
 * the part), 500 for a configuration gap. Never includes a token or secret.
 */
public class GatewayError implements Processor {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void process(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String provider = exchange.getMessage().getHeader("B2bProvider", String.class);
        Map<String, Object> body = new LinkedHashMap<>();
        int status;
        if (e instanceof GatewayRefusal refusal) {
            status = refusal.status();
            body.put("error", refusal.error());
            body.put("provider", refusal.provider());
            body.put("message", refusal.getMessage());
        } else if (e instanceof TokenAcquisitionException tae) {
            status = 502;
            body.put("error", "token_unavailable");
            body.put("provider", tae.provider());
            body.put("responseCode", tae.responseCode() == null ? null : tae.responseCode().raw());
            body.put("httpStatus", tae.httpStatus() < 0 ? null : tae.httpStatus());
            body.put("message", reason(tae));
            if (tae.providerMessage() != null) {
                body.put("providerMessage", tae.providerMessage());
            }
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
        } else if (e instanceof InvalidPaymentRequestException ipe) {
            answer(exchange, invalid(ipe));
            return;
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

    /** An error answer: status, JSON body, and extra headers (e.g. {@code Allow}). */
    record Answer(int status, Map<String, Object> body, Map<String, String> headers) {
    }

    /** 405 (with {@code Allow}) for the method, 400 for any other part; the body names the part. */
    static Answer invalid(InvalidPaymentRequestException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean method = e.part() == InvalidPaymentRequestException.Part.METHOD;
        body.put("error", method ? "method_not_allowed" : "bad_request");
        body.put("provider", e.provider());
        body.put("part", e.part().label());
        body.put("message", e.getMessage());
        return new Answer(method ? 405 : 400, body,
                method ? Map.of("Allow", PaymentRequestRules.ALLOWED_METHODS) : Map.of());
    }

    /**
     * Why no token: the provider's message when the provider refused (an error code), else our
     * reason for refusing its answer (a success code with a bad {@code expiresIn} must not read
     * "Successful"); with the fail-fast note when the cache answered without asking again.
     */
    static String reason(TokenAcquisitionException e) {
        TokenAcquisitionException origin = e;
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof TokenAcquisitionException inner) {
                origin = inner;
            }
        }
        ResponseCode code = origin.responseCode();
        boolean providerRefused = code != null && code.isSplit() && (code.httpStatus() < 200 || code.httpStatus() > 299);
        String reason = providerRefused && origin.providerMessage() != null ? origin.providerMessage()
                : origin.problem() != null ? origin.problem() : origin.getMessage();
        if (origin != e && e.problem() != null) {
            reason = reason + " (" + e.problem() + ")";
        }
        return reason;
    }

    static void answer(Exchange exchange, Answer answer) {
        answer(exchange, answer.status(), answer.body());
        answer.headers().forEach(exchange.getMessage()::setHeader);
    }

    static void answer(Exchange exchange, int status, Map<String, ?> body) {
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(json(body));
    }

    static String json(Map<String, ?> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}

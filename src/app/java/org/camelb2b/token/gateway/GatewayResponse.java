package org.camelb2b.token.gateway;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * {@code b2bGatewayResponse}: returns the provider's status, body and content type unchanged, and
 * nothing else (no request header, least of all {@code Authorization}, goes back to the caller).
 */
public class GatewayResponse implements Processor {

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        Integer status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        String contentType = message.getHeader(Exchange.CONTENT_TYPE, String.class);
        String code = message.getHeader("B2bResponseCode", String.class);
        byte[] body = message.getBody(byte[].class);
        message.getHeaders().clear();
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status == null ? 502 : status);
        if (contentType != null) {
            message.setHeader(Exchange.CONTENT_TYPE, contentType);
        }
        if (code != null) {
            message.setHeader("X-B2B-RESPONSE-CODE", code);
        }
        message.setBody(body == null ? new byte[0] : body);
    }
}

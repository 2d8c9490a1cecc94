package org.camelb2b.token.flow;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.camelb2b.token.provider.Dialect;
import org.camelb2b.token.provider.ProviderConfig;

/**
 * The build-headers step ({@code b2bTokenRequest}): clears whatever headers the exchange carried,
 * then sets the dialect's headers, one timestamp read once from the clock, the token URL and the
 * JSON body. The signing step signs exactly that timestamp header.
 */
public class TokenRequestBuilder implements Processor {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void process(Exchange exchange) throws JsonProcessingException {
        B2bRuntime runtime = B2bRuntime.of(exchange.getContext());
        ProviderConfig config = runtime.providers().get(exchange.getProperty(B2bExchange.PROVIDER, String.class));
        Dialect dialect = config.dialect();

        Message message = exchange.getMessage();
        message.removeHeaders("*");
        String timestamp = config.timestampFormat().format(runtime.clock().instant());
        message.setHeader(dialect.timestampHeader(), timestamp);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setHeader(Exchange.HTTP_METHOD, "POST");

        Map<String, Object> body = new LinkedHashMap<>();
        if (dialect == Dialect.SNAP) {
            message.setHeader("X-CLIENT-KEY", config.clientId());
            body.put("grantType", "client_credentials");
        } else {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("client_id", config.clientId());
            info.put("client_secret", config.clientSecret());
            body.put("grant_type", "client_credentials");
            body.put("additional_info", info);
        }
        message.setBody(JSON.writeValueAsString(body));
        exchange.setProperty(B2bExchange.TOKEN_URL, config.tokenUrl());
        exchange.setProperty(B2bExchange.TOKEN_ENDPOINT, B2bRuntime.tokenEndpoint(config));
        exchange.setProperty(B2bExchange.REQUESTED_AT, runtime.nanoClock().getAsLong());
    }
}

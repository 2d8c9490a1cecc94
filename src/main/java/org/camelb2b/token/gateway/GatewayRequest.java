package org.camelb2b.token.gateway;

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.camelb2b.token.flow.B2bRuntime;
import org.camelb2b.token.payment.PaymentHeaders;

/**
 * {@code b2bGatewayRequest}: maps {@code {METHOD} /gateway/{provider}/{path}?{query}} to a signed
 * payment call of that provider ({@code B2bProvider}, {@code B2bPath}, {@code B2bQuery}), keeping
 * the caller's {@code X-EXTERNAL-ID}, {@code CHANNEL-ID} and {@code X-PARTNER-ID}. An unknown
 * provider is answered 404 here ({@link #HANDLED} is set).
 */
public class GatewayRequest implements Processor {

    /** Property set when this step already wrote the answer (404). */
    public static final String HANDLED = "CamelB2bGatewayHandled";
    static final String PREFIX = "/gateway/";

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        String fullPath = requestPath(message);
        String rest = fullPath.startsWith(PREFIX) ? fullPath.substring(PREFIX.length()) : "";
        int slash = rest.indexOf('/');
        String provider = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "/" : rest.substring(slash);

        if (!B2bRuntime.of(exchange.getContext()).providers().contains(provider)) {
            GatewayError.answer(exchange, 404, Map.of("error", "unknown_provider", "provider", provider,
                    "message", "no provider '" + provider + "' is configured"));
            exchange.setProperty(HANDLED, true);
            return;
        }
        String method = message.getHeader(Exchange.HTTP_METHOD, String.class);
        String query = message.getHeader(Exchange.HTTP_RAW_QUERY, String.class);
        if (query == null) {
            query = message.getHeader(Exchange.HTTP_QUERY, String.class);
        }
        String externalId = message.getHeader("X-EXTERNAL-ID", String.class);
        String channelId = message.getHeader("CHANNEL-ID", String.class);
        String partnerId = message.getHeader("X-PARTNER-ID", String.class);

        message.removeHeaders("*");
        message.setHeader(PaymentHeaders.PROVIDER, provider);
        message.setHeader(PaymentHeaders.PATH, path);
        if (query != null && !query.isEmpty()) {
            message.setHeader(PaymentHeaders.QUERY, query);
        }
        message.setHeader(Exchange.HTTP_METHOD, method);
        setIfPresent(message, "X-EXTERNAL-ID", externalId);
        setIfPresent(message, "CHANNEL-ID", channelId);
        setIfPresent(message, "X-PARTNER-ID", partnerId);
        exchange.setProperty("B2bThrowOnFailure", false);
    }

    /** The path of the incoming request, from the host on, without the query. */
    static String requestPath(Message message) {
        String uri = message.getHeader(Exchange.HTTP_URI, String.class);
        if (uri != null) {
            int q = uri.indexOf('?');
            String p = q < 0 ? uri : uri.substring(0, q);
            int scheme = p.indexOf("://");
            if (scheme >= 0) {
                int slash = p.indexOf('/', scheme + 3);
                p = slash < 0 ? "/" : p.substring(slash);
            }
            return p;
        }
        String path = message.getHeader(Exchange.HTTP_PATH, String.class);
        return path == null ? "" : path;
    }

    private static void setIfPresent(Message message, String name, String value) {
        if (value != null && !value.isBlank()) {
            message.setHeader(name, value);
        }
    }
}

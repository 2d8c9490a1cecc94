package org.camelb2b.token.gateway;


import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.camelb2b.token.flow.B2bRuntime;
import org.camelb2b.token.payment.PaymentHeaders;
import org.camelb2b.token.payment.PaymentRequestRules;

/**
 * {@code b2bGatewayRequest}: maps {@code {METHOD} /gateway/{provider}/{path}?{query}} to a signed
 * payment call of that provider ({@code B2bProvider}, {@code B2bPath}, {@code B2bQuery}), keeping
 * the caller's {@code X-EXTERNAL-ID}, {@code CHANNEL-ID} and {@code X-PARTNER-ID}. An unknown
 * provider (404) or a media type the gateway does not sign (415) is a {@link GatewayRefusal},
 * answered by {@link GatewayError} like every other failure.
 */
public class GatewayRequest implements Processor {

    static final String PREFIX = "/gateway/";

    /** The runtime of this bean's context, looked up once, not on every request. */
    private volatile B2bRuntime runtime;

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        String fullPath = requestPath(message);
        String provider = providerOf(fullPath);
        String path = pathBelowProvider(fullPath);

        B2bRuntime r = runtime;
        if (r == null || r.context() != exchange.getContext()) {
            r = B2bRuntime.of(exchange.getContext());
            runtime = r;
        }
        if (!r.providers().contains(provider)) {
            throw new GatewayRefusal(404, "unknown_provider", provider, "no provider '" + provider + "' is configured");
        }
        String method = message.getHeader(Exchange.HTTP_METHOD, String.class);
        String query = message.getHeader(Exchange.HTTP_RAW_QUERY, String.class);
        if (query == null) {
            query = message.getHeader(Exchange.HTTP_QUERY, String.class);
        }
        byte[] body = message.getBody(byte[].class);
        String mediaTypeProblem = mediaTypeProblem(message.getHeader(Exchange.CONTENT_TYPE), body != null && body.length > 0);
        if (mediaTypeProblem != null) {
            throw new GatewayRefusal(415, "unsupported_media_type", provider, mediaTypeProblem);
        }
        // raw values: a header sent twice arrives as a list, which the signing step refuses by name
        Object externalId = message.getHeader("X-EXTERNAL-ID");
        Object channelId = message.getHeader("CHANNEL-ID");
        Object partnerId = message.getHeader("X-PARTNER-ID");

        message.getHeaders().clear();
        message.setHeader(PaymentHeaders.PROVIDER, provider);
        message.setHeader(PaymentHeaders.PATH, path);
        if (query != null && !query.isEmpty()) {
            message.setHeader(PaymentHeaders.QUERY, query);
        }
        message.setHeader(Exchange.HTTP_METHOD, method);
        setIfPresent(message, "X-EXTERNAL-ID", externalId);
        setIfPresent(message, "CHANNEL-ID", channelId);
        setIfPresent(message, "X-PARTNER-ID", partnerId);
        // the bytes as received: the signing step decodes them as strict UTF-8
        message.setBody(body == null || body.length == 0 ? null : body);
        exchange.setProperty("B2bThrowOnFailure", false);
    }

    /**
     * Null when the request's {@code Content-Type} is one the gateway signs, else why not: any
     * {@code application/json} or {@code application/*+json}, with no charset or
     * {@code charset=utf-8} (any case, quoted or not). No {@code Content-Type} is fine only
     * without a body. Everything else (forms, multipart, text, another charset, the header sent
     * twice) would be parsed or decoded on the way and sent otherwise than it is signed.
     */
    static String mediaTypeProblem(Object contentType, boolean hasBody) {
        if (contentType instanceof java.util.Collection<?> values) {
            if (values.size() != 1) {
                return "the Content-Type header was sent " + values.size() + " times: send it once";
            }
            contentType = values.iterator().next();
        }
        String ct = contentType == null ? null : contentType.toString().strip();
        if (ct == null || ct.isEmpty()) {
            return hasBody ? "a body without a Content-Type is not signed: send it as application/json" : null;
        }
        String[] parts = ct.split(";");
        String type = parts[0].strip().toLowerCase(java.util.Locale.ROOT);
        boolean json = type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json")
                && type.length() > "application/+json".length());
        boolean utf8 = true;
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            String name = (eq < 0 ? parts[i] : parts[i].substring(0, eq)).strip();
            if (name.equalsIgnoreCase("charset")) {
                String value = eq < 0 ? "" : parts[i].substring(eq + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                utf8 &= value.equalsIgnoreCase("utf-8");
            }
        }
        if (json && utf8) {
            return null;
        }
        return "Content-Type " + PaymentRequestRules.quote(ct) + " is not signed by the gateway: send the JSON body as "
                + "application/json (or application/*+json), in UTF-8";
    }

    /** The provider segment of a raw request path ({@code /gateway/{provider}/...}), or "" when none. */
    static String providerOf(String rawPath) {
        String rest = rawPath != null && rawPath.startsWith(PREFIX) ? rawPath.substring(PREFIX.length()) : "";
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    /** The rest of a raw request path after {@code /gateway/{provider}}: the path below the provider's base URL ("/" when none). */
    static String pathBelowProvider(String rawPath) {
        String rest = rawPath != null && rawPath.startsWith(PREFIX) ? rawPath.substring(PREFIX.length()) : "";
        int slash = rest.indexOf('/');
        return slash < 0 ? "/" : rest.substring(slash);
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

    private static void setIfPresent(Message message, String name, Object value) {
        if (value != null) {
            message.setHeader(name, value);
        }
    }
}

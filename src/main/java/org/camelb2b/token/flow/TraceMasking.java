package org.camelb2b.token.flow;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.StreamCache;
import org.apache.camel.spi.ExchangeFormatter;
import org.apache.camel.spi.Tracer;
import org.apache.camel.support.ExchangeHelper;
import org.apache.camel.util.SensitiveUtils;

/**
 * What Camel's tracer ({@code camel.main.tracing=true}) prints of an exchange, with the bundle's
 * secrets masked. The tracer prints every header and the body at INFO, and Camel's own masking
 * ({@code logMask}) knows neither {@code Authorization} nor the signature headers; so the tracer's
 * formatter is wrapped: it is given a copy whose secret headers read {@value #MASK} and whose
 * body has its token and secret fields masked (token responses, Klikoo's token request body).
 * The original exchange is never changed.
 */
public final class TraceMasking implements ExchangeFormatter {

    static final String MASK = "xxxxxx";

    /** Headers that carry a credential in this bundle's calls, in lower case. */
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "x-signature",
            "open-api-signature", "x-client-secret", "cookie", "set-cookie");
    /** JSON fields that carry a token or secret, with their string value. */
    private static final Pattern SECRET_FIELDS = Pattern.compile(
            "(\"(?:accessToken|access_token|refreshToken|refresh_token|token|clientSecret|client_secret)\"\\s*:\\s*\")"
                    + "(?:[^\"\\\\]|\\\\.)*(\")");

    private final ExchangeFormatter delegate;

    private TraceMasking(ExchangeFormatter delegate) {
        this.delegate = delegate;
    }

    /** Wraps the context's tracer formatter, once; the application's own formatter is kept inside. */
    public static void install(CamelContext context) {
        Tracer tracer = context.getTracer();
        if (tracer != null && !(tracer.getExchangeFormatter() instanceof TraceMasking)) {
            tracer.setExchangeFormatter(new TraceMasking(tracer.getExchangeFormatter()));
        }
    }

    @Override
    public String format(Exchange exchange) {
        Exchange copy = ExchangeHelper.createCopy(exchange, true);
        mask(copy.getIn());
        if (copy.hasOut()) {
            mask(copy.getOut());
        }
        return delegate.format(copy);
    }

    private static void mask(Message message) {
        for (Map.Entry<String, Object> header : message.getHeaders().entrySet()) {
            if (isSecret(header.getKey()) && header.getValue() != null) {
                header.setValue(MASK);
            }
        }
        Object body = message.getBody();
        String text = null;
        if (body instanceof String s) {
            text = s;
        } else if (body instanceof byte[] || body instanceof StreamCache) {
            text = message.getBody(String.class);
            if (body instanceof StreamCache cache) {
                cache.reset();
            }
        }
        if (text != null) {
            message.setBody(SECRET_FIELDS.matcher(text).replaceAll("$1" + MASK + "$2"));
        }
    }

    static boolean isSecret(String header) {
        String name = header.toLowerCase(Locale.ROOT);
        return SECRET_HEADERS.contains(name) || SensitiveUtils.containsSensitive(name.replace("-", ""));
    }
}

package org.camelb2b.token.payment;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.StreamCache;
import org.apache.camel.component.http.HttpMethods;
import org.camelb2b.token.flow.B2bExchange;
import org.camelb2b.token.flow.B2bRuntime;
import org.camelb2b.token.payment.InvalidPaymentRequestException.Part;
import org.camelb2b.token.dialect.Dialect;
import org.camelb2b.token.provider.ConfigurationException;
import org.camelb2b.token.provider.ProviderConfig;
import org.camelb2b.token.provider.TransactionSignature;
import org.camelb2b.token.signature.PaymentSignature;
import org.camelb2b.token.token.AccessToken;

/**
 * The enrichment step of payment calls ({@code b2bPaymentSigner}): takes the provider's token
 * from the token cache and sets everything the provider checks, right before the HTTP call.
 *
 * <p>In: {@code B2bProvider} (header or the {@code B2bProvider} property), {@code B2bPath}
 * (below the base URL), optional {@code B2bQuery}, {@code CamelHttpMethod} (default POST with a
 * body, GET without), the JSON body, and optionally the caller's {@code X-EXTERNAL-ID},
 * {@code X-PARTNER-ID} and {@code CHANNEL-ID}.
 *
 * <p>Out: the body replaced by the exact bytes that were signed (the dialect's canonical form:
 * compact JSON; Klikoo: keys sorted), all other headers removed, and {@code Authorization}, the
 * dialect's headers (timestamp, signature; SNAP's {@code X-PARTNER-ID}/{@code X-EXTERNAL-ID}/
 * {@code CHANNEL-ID}), {@code Content-Type}, {@code CamelHttpMethod} and {@code CamelHttpUri} set, and the provider's
 * camel-http endpoint in the {@code B2bHttpEndpoint} property.
 * What differs between dialects is asked of the provider's {@link Dialect}.
 *
 * <p>Refused before anything is signed, with an {@link InvalidPaymentRequestException} naming the
 * provider and the part ({@link PaymentRequestRules}): a method other than GET, POST, PUT, PATCH,
 * DELETE; a path or query that Camel's HTTP producer would send otherwise than it is signed
 * (outside RFC 3986, {@code ~}, bad percent-encoding, dot or empty segments); a body on GET or
 * DELETE; body bytes that are not strict UTF-8, or text that is not JSON; a caller header sent
 * twice, not visible ASCII, or over 64 characters.
 *
 * <p>Run again on the same exchange after a rejected token ({@link PaymentHeaders#RETRY}), it
 * signs the same request with a new token and timestamp, keeping the {@code X-EXTERNAL-ID}.
 */
public class PaymentSigner implements Processor {

    /** Whether this is the signing step of {@code direct:b2b-call} ({@link ForCall}). */
    private final boolean forCall;

    public PaymentSigner() {
        this(false);
    }

    private PaymentSigner(boolean forCall) {
        this.forCall = forCall;
    }

    /**
     * {@code b2bCallSigner}: the signing step of {@code direct:b2b-call}, whose next HTTP step is
     * the provider's own camel-http endpoint. It signs and sets the same as {@link PaymentSigner},
     * and hands camel-http what it would otherwise work out again on every call:
     * {@code CamelHttpMethod} as camel-http's own {@link HttpMethods} (as text, camel-http 4.18
     * converts it through a type-converter lookup that costs tens of microseconds a call), and
     * the provider's endpoint, resolved once, in the {@link PaymentHeaders#CALL_ENDPOINT} property
     * (its URI would be parsed and normalised on every call). That endpoint is
     * {@link B2bRuntime#paymentEndpoint} with {@code copyHeaders=false}: the answer carries the
     * provider's headers only, not the request's ({@code Authorization}, signature), which the
     * response step would drop at once anyway.
     */
    public static class ForCall extends PaymentSigner {

        public ForCall() {
            super(true);
        }
    }

    @Override
    public void process(Exchange exchange) {
        B2bRuntime runtime = runtime(exchange);
        SignedRequest request = exchange.getProperty(PaymentHeaders.SIGNED_REQUEST, SignedRequest.class);
        if (request == null) {
            request = describe(exchange, runtime);
            exchange.setProperty(PaymentHeaders.SIGNED_REQUEST, request);
        }
        ProviderConfig config = runtime.providers().get(request.provider());
        AccessToken token = runtime.token(request.provider());
        String timestamp = config.timestampFormat().format(runtime.clock().instant());
        String signature = !config.dialect().signs() ? null
                : config.transactionSignature() == TransactionSignature.RSA
                ? config.signer().signBase64(PaymentSignature.asymmetricStringToSign(request.method(), request.signedPath(),
                        request.body(), timestamp))
                : PaymentSignature.sign(config.clientSecret(), request.method(), request.signedPath(), token.value(),
                        request.body(), timestamp);

        Message message = exchange.getMessage();
        message.getHeaders().clear();
        message.setHeader("Authorization", token.authorizationHeader());
        config.dialect().paymentHeaders(message, timestamp, signature, request.partnerId(), request.externalId(),
                request.channelId());
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setHeader(Exchange.HTTP_METHOD, forCall ? HttpMethods.valueOf(request.method()) : request.method());
        message.setHeader(Exchange.HTTP_URI, request.url());
        message.setBody(request.body());
        // the provider's own camel-http endpoint: its pool, timeouts, no automatic retries
        String endpoint = runtime.paymentEndpoint(config);
        exchange.setProperty(B2bExchange.HTTP_ENDPOINT, endpoint);
        if (forCall) {
            exchange.setProperty(PaymentHeaders.CALL_ENDPOINT, callEndpoint(exchange.getContext(),
                    runtime.callEndpoint(config)));
        }
        exchange.setProperty(B2bExchange.PROVIDER, request.provider());
        exchange.setProperty(PaymentHeaders.USED_TOKEN, token);
        Object attempts = exchange.getProperty(PaymentHeaders.ATTEMPTS);
        exchange.setProperty(PaymentHeaders.ATTEMPTS, attempts instanceof Integer n ? n + 1 : 1);
    }

    private final RuntimeOfContext runtimes = new RuntimeOfContext();
    private volatile CallEndpoints callEndpoints;

    /** The endpoints of one context's payment calls, by the URI the runtime gives. */
    private record CallEndpoints(CamelContext context, Map<String, Endpoint> byUri) {
    }

    /** The endpoint of {@code uri} ({@link B2bRuntime#callEndpoint}), resolved once per context. */
    private Endpoint callEndpoint(CamelContext context, String uri) {
        CallEndpoints known = callEndpoints;
        if (known == null || known.context() != context) {
            known = new CallEndpoints(context, new ConcurrentHashMap<>());
            callEndpoints = known;
        }
        Endpoint endpoint = known.byUri().get(uri);
        return endpoint != null ? endpoint
                : known.byUri().computeIfAbsent(uri, context::getEndpoint);
    }

    /** The runtime of the exchange's context, looked up once per context, not per call. */
    private B2bRuntime runtime(Exchange exchange) {
        return runtimes.get(exchange);
    }

    /** Reads the caller's request from the exchange and fixes what is signed and sent. */
    private static SignedRequest describe(Exchange exchange, B2bRuntime runtime) {
        Message message = exchange.getMessage();
        Map<String, Object> headers = callerHeaders(exchange);
        String provider = providerOf(exchange);
        ProviderConfig config = runtime.providers().get(provider);
        if (config.clientSecret().isEmpty() && config.dialect().signs()
                && config.transactionSignature() == TransactionSignature.HMAC) {
            throw new ConfigurationException(List.of("b2b." + provider + ".client-secret: is not set; signed payment "
                    + "calls need it as their HMAC key"));
        }
        String path = text(headers.get(PaymentHeaders.PATH));
        if (path == null || !path.startsWith("/")) {
            throw new InvalidPaymentRequestException(provider, Part.PATH, "the " + PaymentHeaders.PATH
                    + " header must be a path starting with '/', was " + (path == null ? "missing" : "'" + path + "'"));
        }
        // what Camel's HTTP producer would send otherwise than it is signed is refused here
        PaymentRequestRules.path(provider, path);
        String query = text(headers.get(PaymentHeaders.QUERY));
        boolean hasQuery = query != null && !query.isEmpty();
        PaymentRequestRules.query(provider, query);
        String body = body(message, provider);
        boolean hasBody = body != null && !body.isBlank();
        String method = text(headers.get(Exchange.HTTP_METHOD));
        method = method == null || method.isBlank() ? (hasBody ? "POST" : "GET")
                : PaymentRequestRules.method(provider, method);
        if (hasBody) {
            PaymentRequestRules.bodyAllowed(provider, method);
        }

        Dialect dialect = config.dialect();
        byte[] bytes;
        try {
            bytes = !hasBody ? new byte[0] : dialect.canonicalBody(body);
        } catch (IllegalArgumentException e) {
            throw new InvalidPaymentRequestException(provider, Part.BODY, "the body is not JSON: " + e.getMessage(), e);
        }
        String basePath = config.baseUrl().getRawPath() == null ? "" : config.baseUrl().getRawPath();
        String url = config.baseUrl() + path + (hasQuery ? "?" + query : "");
        String signedPath = dialect.signedRelativeUrl(basePath, path, hasQuery ? query : null,
                config.signSortedQuery());
        if (!dialect.sendsPartnerHeaders()) {
            return new SignedRequest(provider, method, url, signedPath, bytes, null, null, "");
        }
        return new SignedRequest(provider, method, url, signedPath, bytes,
                callerHeader(provider, headers, "X-EXTERNAL-ID", null),
                callerHeader(provider, headers, "X-PARTNER-ID", config.clientId()),
                callerHeader(provider, headers, "CHANNEL-ID", config.channelId()));
    }

    /** The provider a payment call is for: the {@code B2bProvider} header, else the exchange's provider property. */
    static String providerOf(Exchange exchange) {
        String provider = text(callerHeaders(exchange).get(PaymentHeaders.PROVIDER));
        if (provider == null || provider.isBlank()) {
            provider = exchange.getProperty(B2bExchange.PROVIDER, String.class);
        }
        if (provider == null || provider.isBlank()) {
            throw new IllegalArgumentException("payment call without a provider: set the " + PaymentHeaders.PROVIDER
                    + " header");
        }
        return provider;
    }

    /** The caller's headers: set aside by {@link CallerHeaders} in the payment route, else the message's. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> callerHeaders(Exchange exchange) {
        Object aside = exchange.getProperty(CallerHeaders.ASIDE);
        return aside instanceof Map<?, ?> m ? (Map<String, Object>) m : exchange.getMessage().getHeaders();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /**
     * The body as text. Bytes (and streams) are decoded as strict UTF-8 (see
     * {@link PaymentRequestRules#utf8}): Camel's own conversion would replace a malformed sequence
     * with U+FFFD, which would then be signed and sent.
     */
    private static String body(Message message, String provider) {
        Object body = message.getBody();
        if (body == null || body instanceof String) {
            return (String) body;
        }
        if (body instanceof byte[] || body instanceof InputStream || body instanceof StreamCache
                || body instanceof ByteBuffer) {
            byte[] bytes = message.getBody(byte[].class);
            return bytes == null ? null : PaymentRequestRules.utf8(provider, bytes);
        }
        return message.getBody(String.class);
    }

    /** The caller's value if set (one visible-ASCII value, see {@link PaymentRequestRules#callerHeader}), else the fallback ({@code X-EXTERNAL-ID}: a new one). */
    private static String callerHeader(String provider, Map<String, Object> headers, String name, String fallback) {
        String v = PaymentRequestRules.callerHeader(provider, name, headers.get(name));
        if (v != null) {
            return v;
        }
        return fallback != null ? fallback : ExternalIds.next();
    }

}

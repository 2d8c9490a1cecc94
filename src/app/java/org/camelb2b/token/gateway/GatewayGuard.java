package org.camelb2b.token.gateway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.camelb2b.token.payment.InvalidPaymentRequestException;
import org.camelb2b.token.payment.PaymentRequestRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's first handler on the Vert.x router, ahead of platform-http's body handler: it
 * looks at the request line and headers only, and refuses what the gateway would refuse anyway
 * before any of the body is read or buffered:
 *
 * <ul>
 * <li>405 for a method other than GET, POST, PUT, PATCH, DELETE (exactly, as HTTP methods are
 * case-sensitive);</li>
 * <li>415 for a {@code Content-Type} the gateway does not sign (forms and multipart included,
 * which the body handler would otherwise parse into a map);</li>
 * <li>400 for a body announced on GET or DELETE;</li>
 * <li>413 for a {@code Content-Length} over {@link GatewayLimits#maxBodySize()} (a chunked body
 * over it is stopped by the body handler, whose 413 is answered here as JSON too);</li>
 * <li>503 ({@code Retry-After: 1}) when taking the body would pass
 * {@link GatewayLimits#maxBodyBytesInFlight()}: each request holds its {@code Content-Length}
 * (chunked, or HTTP/2 without one: the maximum) until its answer is written or its connection
 * closes;</li>
 * <li>408, and the connection closed, when the request has not arrived in full
 * {@link GatewayLimits#requestReadTimeoutMs()} after its headers.</li>
 * </ul>
 *
 * Early answers on HTTP/1.x close the connection, so the unread rest of a body is never read.
 * Every answer is JSON naming the provider, as the route's own errors are.
 */
public final class GatewayGuard implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayGuard.class);

    private final GatewayLimits limits;
    private final AtomicLong bytesInFlight = new AtomicLong();

    GatewayGuard(GatewayLimits limits) {
        this.limits = limits;
    }

    /**
     * Caps platform-http's body handler (which reads the whole body before the route runs) at
     * {@link GatewayLimits#maxBodySize()}, unless {@code camel.server.max-body-size} is smaller
     * already: this stops a chunked body, whose size is not known up front. Call before the
     * gateway route is set up (the body handler is built then).
     */
    public static void capBodyHandler(CamelContext context, GatewayLimits limits) {
        MainHttpServer server = context.hasService(MainHttpServer.class);
        if (server != null) {
            Long configured = server.getConfiguration().getMaxBodySize();
            if (configured == null || configured > limits.maxBodySize()) {
                server.getConfiguration().setMaxBodySize(limits.maxBodySize());
            }
        }
    }

    /**
     * Puts a guard in front of the gateway route on the main HTTP server's router. Call once the
     * server is up and before the gateway route starts.
     *
     * @throws IllegalStateException when there is no platform-http server to guard
     */
    public static GatewayGuard install(CamelContext context, GatewayLimits limits) {
        VertxPlatformHttpRouter router = context.getRegistry().findByType(VertxPlatformHttpRouter.class).stream()
                .filter(VertxPlatformHttpRouter::isMainServer).findFirst().orElse(null);
        if (router == null) {
            throw new IllegalStateException("the signing gateway is enabled but there is no platform-http server to "
                    + "guard (camel.server.enabled)");
        }
        GatewayGuard guard = new GatewayGuard(limits);
        router.route(GatewayRequest.PREFIX + "*").order(Integer.MIN_VALUE).handler(guard).failureHandler(guard::failure);
        // a path Vert.x cannot decode (bad percent-encoding) fails on the server's root router,
        // before the gateway's own router is reached: answered there, as JSON for the gateway
        HttpServer server = router.getServer() == null ? null : router.getServer().getServer();
        if (server != null && server.requestHandler() instanceof Router root) {
            root.errorHandler(400, GatewayGuard::undecodablePath);
        }
        LOG.info("Gateway limits: bodies up to {} bytes, {} bytes of bodies in flight, {} ms to read a request",
                limits.maxBodySize(), limits.maxBodyBytesInFlight(), limits.requestReadTimeoutMs());
        return guard;
    }

    /** Body bytes currently held by requests being read or served (for tests and metrics). */
    public long bytesInFlight() {
        return bytesInFlight.get();
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String provider = GatewayRequest.providerOf(request.path());
        String method = request.method().name();
        if (!PaymentRequestRules.isSignedMethod(method)) {
            refuse(ctx, GatewayError.invalid(new InvalidPaymentRequestException(provider,
                    InvalidPaymentRequestException.Part.METHOD, "the method " + PaymentRequestRules.quote(method)
                    + " is not signed: use one of " + PaymentRequestRules.ALLOWED_METHODS)));
            return;
        }
        boolean chunked = false;
        for (String te : request.headers().getAll("Transfer-Encoding")) {
            chunked |= te.toLowerCase(java.util.Locale.ROOT).contains("chunked");
        }
        long length = 0;
        String contentLength = request.getHeader("Content-Length");
        if (!chunked && contentLength != null) {
            try {
                length = Long.parseLong(contentLength.strip());
            } catch (NumberFormatException e) {
                length = -1;
            }
            if (length < 0) {
                refuse(ctx, 400, body("bad_request", provider, "the Content-Length is not a number of bytes"), Map.of());
                return;
            }
        }
        boolean hasBody = chunked || length > 0;
        // HTTP/2 frames a body without Content-Length (Java's HttpClient sends none on GET/DELETE):
        // whether one follows is known only at the end of the stream, so it may be up to the limit
        boolean unknownLength = chunked || (contentLength == null && request.version() == HttpVersion.HTTP_2);
        List<String> types = request.headers().getAll("Content-Type");
        String mediaTypeProblem = GatewayRequest.mediaTypeProblem(types.size() > 1 ? types : request.getHeader("Content-Type"),
                hasBody);
        if (mediaTypeProblem != null) {
            refuse(ctx, 415, body("unsupported_media_type", provider, mediaTypeProblem), Map.of());
            return;
        }
        if (hasBody) {
            try {
                PaymentRequestRules.bodyAllowed(provider, method);
            } catch (InvalidPaymentRequestException e) {
                refuse(ctx, GatewayError.invalid(e));
                return;
            }
        }
        if (length > limits.maxBodySize()) {
            refuse(ctx, 413, tooLarge(provider, length), Map.of());
            return;
        }
        long held = unknownLength ? limits.maxBodySize() : length;
        if (held > 0 && !reserve(held)) {
            refuse(ctx, 503, body("busy", provider, "the gateway holds as many request bodies as it may at once "
                    + "(b2b.gateway.max-body-bytes-in-flight = " + limits.maxBodyBytesInFlight() + " bytes): retry shortly"),
                    Map.of("Retry-After", "1"));
            return;
        }
        AtomicBoolean released = new AtomicBoolean();
        long timer = ctx.vertx().setTimer(limits.requestReadTimeoutMs(), id -> {
            if (!request.isEnded()) {
                refuse(ctx, 408, body("request_timeout", provider, "the request did not arrive in full within "
                        + limits.requestReadTimeoutMs() + " ms of its headers (b2b.gateway.request-read-timeout-ms)"),
                        Map.of());
            }
        });
        ctx.addEndHandler(done -> {
            ctx.vertx().cancelTimer(timer);
            if (held > 0 && released.compareAndSet(false, true)) {
                bytesInFlight.addAndGet(-held);
            }
        });
        ctx.next();
    }

    /**
     * The body handler's own failures: a chunked body over the limit (413) is answered as JSON; a
     * connection closed while its body was read is dropped quietly.
     */
    void failure(RoutingContext ctx) {
        if (ctx.failure() instanceof HttpClosedException || ctx.response().closed()) {
            // the client went away (or was closed after a timeout) while its body was being read:
            // nothing to answer, and nothing worth an ERROR line per connection
            LOG.debug("gateway request closed before it was read in full: {}", ctx.request().path());
            return;
        }
        if (ctx.statusCode() == 413) {
            refuse(ctx, 413, tooLarge(GatewayRequest.providerOf(ctx.request().path()), -1), Map.of());
        } else {
            ctx.next();
        }
    }

    /** A request target Vert.x could not decode (bad percent-encoding in the path or query): 400, as JSON for the gateway. */
    private static void undecodablePath(RoutingContext ctx) {
        String path = ctx.request().path();
        if (ctx.response().ended() || ctx.response().headWritten()) {
            return;
        }
        if (path == null || !path.startsWith(GatewayRequest.PREFIX)) {
            ctx.response().setStatusCode(400).end("Bad Request");
            return;
        }
        String provider = GatewayRequest.providerOf(path);
        try {
            PaymentRequestRules.path(provider, GatewayRequest.pathBelowProvider(path));
            PaymentRequestRules.query(provider, ctx.request().query());
        } catch (InvalidPaymentRequestException e) {
            refuse(ctx, GatewayError.invalid(e));
            return;
        }
        refuse(ctx, 400, body("bad_request", provider, "the request target cannot be decoded"), Map.of());
    }

    private boolean reserve(long bytes) {
        long now;
        do {
            now = bytesInFlight.get();
            if (now + bytes > limits.maxBodyBytesInFlight()) {
                return false;
            }
        } while (!bytesInFlight.compareAndSet(now, now + bytes));
        return true;
    }

    private Map<String, Object> tooLarge(String provider, long length) {
        return body("body_too_large", provider, "the body is larger than the gateway takes: "
                + (length >= 0 ? length + " bytes, " : "") + "at most " + limits.maxBodySize()
                + " bytes (b2b.gateway.max-body-size)");
    }

    private static Map<String, Object> body(String error, String provider, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("provider", provider);
        body.put("message", message);
        return body;
    }

    private static void refuse(RoutingContext ctx, GatewayError.Answer answer) {
        Map<String, String> headers = new LinkedHashMap<>();
        answer.headers().forEach(headers::put);
        refuse(ctx, answer.status(), answer.body(), headers);
    }

    /**
     * Answers with a JSON error and, on HTTP/1.x, closes the connection once it is written: the
     * rest of the request (its body) is never read. On HTTP/2 only the stream is answered.
     */
    private static void refuse(RoutingContext ctx, int status, Map<String, Object> body, Map<String, String> headers) {
        HttpServerRequest request = ctx.request();
        HttpServerResponse response = ctx.response();
        boolean http1 = request.version() != HttpVersion.HTTP_2;
        if (response.ended() || response.closed() || response.headWritten()) {
            if (http1) {
                request.connection().close();
            }
            return;
        }
        response.setStatusCode(status).putHeader("Content-Type", "application/json");
        headers.forEach(response::putHeader);
        if (http1) {
            response.putHeader("Connection", "close");
        }
        response.end(GatewayError.json(body)).onComplete(done -> {
            if (http1) {
                request.connection().close();
            }
            // HTTP/2 (h2c, which Java's HttpClient upgrades to): the stream is answered and the
            // connection serves on; the unread body stays paused, bounded by the stream's
            // flow-control window. (A reset after the answer makes that client lose the answer.)
        });
    }
}

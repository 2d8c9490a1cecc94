package org.camelb2b.token.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

/**
 * The provider of the gateway benchmark: a Vert.x server on one event-loop thread of its own that
 * answers every payment call from memory (the same 57-byte SNAP success, {@code Content-Type:
 * application/json}) and the token request with a token that lives 15 minutes. Vert.x writes
 * each answer in one go with TCP_NODELAY (no Nagle stall), and a request costs its event loop a
 * few microseconds, so the stub is never what limits the routes measured: its thread's CPU time
 * is reported next to every round ({@link #cpuNanos}).
 */
final class PaymentStub implements AutoCloseable {

    static final String PAYMENT_ANSWER = "{\"responseCode\":\"2000000\",\"responseMessage\":\"Successful\"}";
    private static final String TOKEN_ANSWER = "{\"responseCode\":\"2007300\",\"responseMessage\":\"Successful\","
            + "\"accessToken\":\"stub-token-xxxxxxxxxxxxxxxx\",\"tokenType\":\"Bearer\",\"expiresIn\":900}";

    private final Vertx vertx;
    private final HttpServer server;
    private final Buffer payment = Buffer.buffer(PAYMENT_ANSWER);
    private final Buffer token = Buffer.buffer(TOKEN_ANSWER);
    private final long thread;
    private final AtomicLong calls = new AtomicLong();

    PaymentStub() throws Exception {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
        server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0)
                .setTcpNoDelay(true).setIdleTimeout(0).setAcceptBacklog(1024));
        server.requestHandler(this::handle);
        server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        CompletableFuture<Long> id = new CompletableFuture<>();
        vertx.runOnContext(v -> id.complete(Thread.currentThread().getId()));
        thread = id.get(10, TimeUnit.SECONDS); // the one event loop, which serves every connection
    }

    private void handle(HttpServerRequest request) {
        boolean tokenRequest = request.path().endsWith("/access-token/b2b");
        if (!tokenRequest) {
            calls.incrementAndGet();
        }
        request.end().onComplete(read -> request.response().putHeader("Content-Type", "application/json")
                .end(tokenRequest ? token : payment));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    /** Payment calls answered so far. */
    long calls() {
        return calls.get();
    }

    /** The Java thread id of the stub's event loop. */
    long threadId() {
        return thread;
    }

    /** CPU time the stub's event loop has used so far, in nanoseconds. */
    long cpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.getThreadCpuTime(thread);
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}

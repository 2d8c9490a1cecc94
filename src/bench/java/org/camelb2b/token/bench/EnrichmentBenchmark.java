package org.camelb2b.token.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.camelb2b.token.flow.B2bRuntime;
import org.camelb2b.token.payment.PaymentHeaders;
import org.camelb2b.token.payment.PaymentSigner;
import org.camelb2b.token.testing.TestApp;
import org.camelb2b.token.token.AccessToken;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cost of enriching a payment call on a cache hit, against the physical floor: the bare
 * SHA-256 of a 1 KB body plus the HMAC-SHA512 of the string to sign, with the JDK directly.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EnrichmentBenchmark {

    /** A compact 1 KB JSON body, as a payment route would send it. */
    static final String BODY;

    static {
        StringBuilder sb = new StringBuilder("{\"partnerServiceId\":\"  888994\",\"customerNo\":\"00000000000000000001\","
                + "\"virtualAccountName\":\"Toko Budi\",\"totalAmount\":{\"value\":\"12500.00\",\"currency\":\"IDR\"},"
                + "\"additionalInfo\":{\"items\":[");
        int i = 0;
        while (sb.length() < 990) {
            sb.append(i == 0 ? "" : ",").append("{\"sku\":\"SKU-").append(1000 + i).append("\",\"qty\":").append(i % 5 + 1)
                    .append("}");
            i++;
        }
        BODY = sb.append("]}}").toString();
    }

    BenchServer server;
    TestApp app;
    B2bRuntime runtime;
    PaymentSigner signer;
    Exchange exchange;
    byte[] bodyBytes;
    Mac mac;
    MessageDigest sha256;

    @Setup(Level.Trial)
    public void start() throws Exception {
        server = new BenchServer();
        app = BenchApp.start(server, 0);
        runtime = B2bRuntime.of(app.context());
        runtime.token("bench");
        signer = new PaymentSigner();
        exchange = new DefaultExchange(app.context());
        bodyBytes = BODY.getBytes(StandardCharsets.UTF_8);
        mac = Mac.getInstance("HmacSHA512");
        mac.init(new SecretKeySpec("bench-client-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
        sha256 = MessageDigest.getInstance("SHA-256");
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        app.close();
        server.close();
    }

    /** The floor: hash the body, HMAC the string to sign, base64 it. */
    @Benchmark
    public String bareCrypto() {
        String hash = HexFormat.of().formatHex(sha256.digest(bodyBytes));
        String toSign = "POST:/virtual-accounts/bi-snap-va/v1.1/transfer-va/create-va:snap-1-xxxxxxxxxxxxxxxx:" + hash
                + ":2026-11-22T10:00:00Z";
        return Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
    }

    /** Bearer only: the cached token into the Authorization header. */
    @Benchmark
    public Object bearerOnly() {
        AccessToken token = runtime.token("bench");
        exchange.getMessage().setHeader("Authorization", token.authorizationHeader());
        return exchange.getMessage().getHeader("Authorization");
    }

    /**
     * The full enrichment step: body serialised once, HMAC signature, every provider header. Each
     * call starts from the caller's headers alone, as a route's would: not from the previous
     * call's output (whose X-EXTERNAL-ID would be taken as the caller's, and whose nine headers
     * would be searched as the caller's).
     */
    @Benchmark
    public Object signedWithHmac() {
        exchange.removeProperty(PaymentHeaders.SIGNED_REQUEST);
        exchange.removeProperty(PaymentHeaders.ATTEMPTS);
        exchange.getMessage().getHeaders().clear();
        exchange.getMessage().setHeader(PaymentHeaders.PROVIDER, "bench");
        exchange.getMessage().setHeader(PaymentHeaders.PATH, "/virtual-accounts/bi-snap-va/v1.1/transfer-va/create-va");
        exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
        exchange.getMessage().setBody(BODY);
        signer.process(exchange);
        return exchange.getMessage().getHeader("X-SIGNATURE");
    }
}

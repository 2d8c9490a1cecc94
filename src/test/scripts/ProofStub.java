import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * cluster-proof.sh's provider, a process of its own: a SNAP token endpoint that counts the token
 * requests it receives and invalidates the previous token when it issues a new one; every other
 * POST is a payment call, 200 with the current token, 401 with any other. GET /count tells.
 * Run: java ProofStub.java PORT
 */
public class ProofStub {
    static final AtomicInteger tokens = new AtomicInteger();
    static final AtomicInteger ok = new AtomicInteger();
    static final AtomicInteger unauthorized = new AtomicInteger();
    static volatile String current = "";

    public static void main(String[] args) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                Integer.parseInt(args[0])), 500);
        server.setExecutor(Executors.newFixedThreadPool(64));
        server.createContext("/", ProofStub::handle);
        server.start();
        System.out.println("stub listening on " + args[0]);
    }

    static void handle(HttpExchange ex) throws IOException {
        ex.getRequestBody().readAllBytes();
        String path = ex.getRequestURI().getPath();
        if (path.equals("/count")) {
            answer(ex, 200, "tokens=" + tokens.get() + " ok=" + ok.get() + " unauthorized=" + unauthorized.get());
        } else if (path.endsWith("/access-token/b2b")) {
            String token = "proof-" + tokens.incrementAndGet() + "-" + Long.toHexString(System.nanoTime());
            current = token;
            answer(ex, 200, "{\"responseCode\":\"2007300\",\"responseMessage\":\"Successful\",\"accessToken\":\""
                    + token + "\",\"tokenType\":\"Bearer\",\"expiresIn\":\"900\"}");
        } else if (("Bearer " + current).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            ok.incrementAndGet();
            answer(ex, 200, "{\"responseCode\":\"2000000\",\"responseMessage\":\"Successful\"}");
        } else {
            unauthorized.incrementAndGet();
            answer(ex, 401, "{\"responseCode\":\"4010001\",\"responseMessage\":\"Invalid Token (B2B)\"}");
        }
    }

    static void answer(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * cluster-proof.sh's provider, a process of its own, written without any of our code: a SNAP token
 * endpoint that counts the token requests it receives and invalidates the previous token when it
 * issues a new one; every other POST is a payment call, 200 with the current token, 401
 * (4010001) with any other.
 *
 * <ul>
 * <li>{@code GET /count}: {@code tokens=N ok=N unauthorized=N}</li>
 * <li>{@code GET /tokens}: one line per token request: milliseconds since the stub started, the
 * caller's port, and what it got (issued, or hung)</li>
 * <li>{@code POST /config?expiresIn=S}: the lifetime (seconds) of the tokens issued from now on</li>
 * <li>{@code POST /config?hangNext=MS}: the next token request hangs that long and issues nothing
 * (then 504): a provider stuck on one request</li>
 * <li>{@code GET /hanging}: the port of the caller whose token request is hanging, if any</li>
 * <li>{@code POST /revoke}: the current token is refused from now on (the provider revoked it)</li>
 * </ul>
 * Run: java ProofStub.java PORT
 */
public class ProofStub {
    static final long START = System.nanoTime();
    static final AtomicInteger tokens = new AtomicInteger();
    static final AtomicInteger ok = new AtomicInteger();
    static final AtomicInteger unauthorized = new AtomicInteger();
    static final List<String> tokenLog = new ArrayList<>();
    static volatile String current = "";
    static volatile int expiresIn = 900;
    static volatile long hangNextMs;
    static volatile int hangingPort = -1;

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
        switch (path) {
            case "/count" -> answer(ex, 200, "tokens=" + tokens.get() + " ok=" + ok.get() + " unauthorized="
                    + unauthorized.get());
            case "/tokens" -> {
                synchronized (tokenLog) {
                    answer(ex, 200, String.join("\n", tokenLog) + "\n");
                }
            }
            case "/hanging" -> answer(ex, 200, hangingPort < 0 ? "" : String.valueOf(hangingPort));
            case "/config" -> {
                Map<String, String> q = query(ex.getRequestURI());
                if (q.containsKey("expiresIn")) {
                    expiresIn = Integer.parseInt(q.get("expiresIn"));
                }
                if (q.containsKey("hangNext")) {
                    hangNextMs = Long.parseLong(q.get("hangNext"));
                }
                answer(ex, 200, "expiresIn=" + expiresIn + " hangNext=" + hangNextMs);
            }
            case "/revoke" -> {
                current = "revoked";
                answer(ex, 200, "revoked");
            }
            default -> {
                if (path.endsWith("/access-token/b2b")) {
                    token(ex);
                } else {
                    payment(ex);
                }
            }
        }
    }

    static void token(HttpExchange ex) throws IOException {
        int port = ex.getRemoteAddress().getPort();
        long hang;
        synchronized (ProofStub.class) {
            hang = hangNextMs;
            hangNextMs = 0;
        }
        if (hang > 0) {
            log(port, "hung " + hang + " ms, no token");
            hangingPort = port;
            try {
                Thread.sleep(hang);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            hangingPort = -1;
            answer(ex, 504, "{\"responseCode\":\"5047300\",\"responseMessage\":\"Timeout\"}");
            return;
        }
        String token = "proof-" + tokens.incrementAndGet() + "-" + Long.toHexString(System.nanoTime());
        current = token;
        log(port, "issued " + token.substring(0, token.lastIndexOf('-')) + " expiresIn " + expiresIn);
        answer(ex, 200, "{\"responseCode\":\"2007300\",\"responseMessage\":\"Successful\",\"accessToken\":\""
                + token + "\",\"tokenType\":\"Bearer\",\"expiresIn\":\"" + expiresIn + "\"}");
    }

    static void payment(HttpExchange ex) throws IOException {
        if (("Bearer " + current).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            ok.incrementAndGet();
            answer(ex, 200, "{\"responseCode\":\"2000000\",\"responseMessage\":\"Successful\"}");
        } else {
            unauthorized.incrementAndGet();
            answer(ex, 401, "{\"responseCode\":\"4010001\",\"responseMessage\":\"Invalid Token (B2B)\"}");
        }
    }

    static void log(int port, String what) {
        synchronized (tokenLog) {
            tokenLog.add((System.nanoTime() - START) / 1_000_000 + " " + port + " " + what);
        }
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> q = new HashMap<>();
        if (uri.getQuery() != null) {
            for (String pair : uri.getQuery().split("&")) {
                int eq = pair.indexOf('=');
                q.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return q;
    }

    static void answer(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", status == 200 && !body.startsWith("{") ? "text/plain"
                : "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}

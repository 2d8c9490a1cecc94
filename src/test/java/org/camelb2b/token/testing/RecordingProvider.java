package org.camelb2b.token.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A SNAP provider on a plain socket that records every payment call exactly as it arrived: the
 * method, the request target byte for byte, each header line and the body bytes. It checks the
 * HMAC signature over exactly those bytes (not over a re-minified body, as a lenient provider
 * might), so {@link Received#signatureValid()} means "what was signed is what was sent". Its token
 * endpoint answers with {@link #setTokenResponse} (default: a valid 900 s Bearer token).
 */
public final class RecordingProvider implements AutoCloseable {

    /** A payment call as received. Header values are the raw bytes read as ISO-8859-1. */
    public record Received(String method, String target, List<String[]> headers, byte[] body, boolean signatureValid) {

        public String header(String name) {
            return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst().orElse(null);
        }

        public List<String> headerValues(String name) {
            return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).toList();
        }
    }

    public static final String TOKEN = "recorded-token-0123456789abcdef";

    private final String clientSecret;
    private final ServerSocket server;
    private final Thread acceptor;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile String tokenResponse = "{\"responseCode\":\"2007300\",\"responseMessage\":\"Successful\","
            + "\"accessToken\":\"" + TOKEN + "\",\"tokenType\":\"Bearer\",\"expiresIn\":\"900\"}";

    public RecordingProvider(String clientSecret) throws IOException {
        this.clientSecret = clientSecret;
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::accept, "recording-provider");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Payment calls received so far (token requests are not recorded). */
    public List<Received> received() {
        return List.copyOf(received);
    }

    public void setTokenResponse(String json) {
        this.tokenResponse = json;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread t = new Thread(() -> serve(socket), "recording-provider-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(20_000);
            InputStream in = socket.getInputStream();
            String requestLine = line(in);
            if (requestLine == null) {
                return;
            }
            String[] parts = requestLine.split(" ", 3);
            List<String[]> headers = new ArrayList<>();
            long length = 0;
            boolean chunked = false;
            for (String l = line(in); l != null && !l.isEmpty(); l = line(in)) {
                int colon = l.indexOf(':');
                String name = l.substring(0, colon).strip();
                String value = l.substring(colon + 1).strip();
                headers.add(new String[] {name, value});
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                    chunked = true;
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (chunked) {
                for (int n = Integer.parseInt(line(in).strip(), 16); n > 0; n = Integer.parseInt(line(in).strip(), 16)) {
                    body.write(in.readNBytes(n));
                    line(in);
                }
                line(in);
            } else {
                body.write(in.readNBytes((int) length));
            }
            String method = parts[0];
            String target = parts[1];
            String answer;
            if (target.endsWith("/access-token/b2b")) {
                answer = tokenResponse;
            } else {
                Received r = new Received(method, target, headers, body.toByteArray(), false);
                r = new Received(method, target, headers, r.body(), signatureValid(r));
                received.add(r);
                answer = "{\"responseCode\":\"2000000\",\"responseMessage\":\"Successful\"}";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.flush();
        } catch (IOException | RuntimeException e) {
            // a broken request: nothing recorded
        }
    }

    private boolean signatureValid(Received r) {
        String auth = r.header("Authorization");
        String timestamp = r.header("X-TIMESTAMP");
        String signature = r.header("X-SIGNATURE");
        if (auth == null || !auth.startsWith("Bearer ") || timestamp == null || signature == null) {
            return false;
        }
        try {
            String bodyHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(r.body()));
            String toSign = r.method() + ":" + r.target() + ":" + auth.substring(7) + ":" + bodyHash + ":" + timestamp;
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(clientSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
            String expected = Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
            return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    signature.getBytes(StandardCharsets.ISO_8859_1));
        } catch (Exception e) {
            return false;
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                b.write(c);
            }
        }
        return c < 0 && b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}

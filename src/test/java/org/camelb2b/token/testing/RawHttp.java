package org.camelb2b.token.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket on 127.0.0.1, for requests no well-behaved client would send: a
 * request target with raw {@code |} or non-ASCII bytes, an unknown method, a header sent twice,
 * a body that stops half way.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** A response as read from the socket; {@code closed} when the server closed the connection after it. */
    public record Response(int status, Map<String, String> headers, byte[] body, boolean closed) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * Sends {@code head} (request line and headers, lines separated by {@code \r\n}, without the
     * blank line; {@code Host} and {@code Connection: close} are added) and {@code body} as they
     * are, ISO-8859-1 for the head so any byte can be written, and reads the answer.
     */
    public static Response send(int port, String head, byte[] body) throws IOException {
        try (Socket socket = open(port)) {
            write(socket, head, body);
            return read(socket.getInputStream());
        }
    }

    /** A connected socket with a 20 s read timeout. */
    public static Socket open(int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(20_000);
        return socket;
    }

    /** Writes the head (with Host and Connection: close added) and as much of a body as given. */
    public static void write(Socket socket, String head, byte[] body) throws IOException {
        OutputStream out = socket.getOutputStream();
        String full = head + "\r\nHost: 127.0.0.1:" + socket.getPort() + "\r\nConnection: close\r\n\r\n";
        out.write(full.getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            out.write(body);
        }
        out.flush();
    }

    /** Reads one response: status line, headers, then a Content-Length or chunked body, or up to EOF. */
    public static Response read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("connection closed without a response");
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String l = line(in); l != null && !l.isEmpty(); l = line(in)) {
            int colon = l.indexOf(':');
            headers.put(l.substring(0, colon).strip().toLowerCase(Locale.ROOT), l.substring(colon + 1).strip());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String length = headers.get("content-length");
        if (length != null) {
            body.write(in.readNBytes(Integer.parseInt(length)));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int n = Integer.parseInt(line(in).strip(), 16); n > 0; n = Integer.parseInt(line(in).strip(), 16)) {
                body.write(in.readNBytes(n));
                line(in);
            }
        } else {
            body.write(in.readAllBytes());
        }
        return new Response(status, headers, body.toByteArray(), closedAfter(in));
    }

    /** Whether the peer closed the connection (EOF or reset) within the socket's read timeout. */
    private static boolean closedAfter(InputStream in) throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                break;
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        if (c < 0 && b.size() == 0) {
            return null;
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }
}

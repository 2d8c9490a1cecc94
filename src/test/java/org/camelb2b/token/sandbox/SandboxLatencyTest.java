package org.camelb2b.token.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.camelb2b.token.testing.SandboxSetup;
import org.junit.jupiter.api.Test;

/**
 * The sandbox answers on one kept-alive connection without the Nagle stall of the JDK server (its
 * headers and body are two writes; with Nagle the body waits for the client's delayed ACK, about
 * 40 ms a request). 30 requests in a row on one socket: the median is far below that stall.
 */
class SandboxLatencyTest {

    @Test
    void answersOnOneConnectionWithoutANagleStall() throws Exception {
        try (SandboxProvider sandbox = SandboxSetup.start(); Socket socket = new Socket("127.0.0.1", sandbox.port())) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            String body = "{\"grantType\":\"client_credentials\"}";
            byte[] request = ("POST /authorization/v1/access-token/b2b HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.US_ASCII);
            long[] micros = new long[30];
            for (int i = 0; i < micros.length; i++) {
                long start = System.nanoTime();
                out.write(request);
                out.flush();
                String head = readAnswer(in);
                micros[i] = (System.nanoTime() - start) / 1000;
                // no signature: the sandbox refuses it as DOKU does, and keeps the connection
                assertTrue(head.startsWith("HTTP/1.1 40"), head);
            }
            Arrays.sort(micros);
            long median = micros[micros.length / 2];
            assertTrue(median < 20_000, "median " + median + " us (a Nagle stall is about 40,000)");
            assertEquals(30, micros.length);
        }
    }

    /** Reads one answer (headers and its Content-Length body); returns the headers. */
    private static String readAnswer(InputStream in) throws Exception {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new IllegalStateException("closed after " + head);
            }
            head.append((char) c);
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        in.readNBytes(length);
        return head.toString();
    }
}

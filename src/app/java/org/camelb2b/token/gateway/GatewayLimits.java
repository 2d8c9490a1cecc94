package org.camelb2b.token.gateway;

/**
 * The standalone gateway's limits ({@code b2b.gateway.*}).
 *
 * @param maxBodySize          the largest request body taken, in bytes ({@code max-body-size})
 * @param maxBodyBytesInFlight the most body bytes held at once by requests being read or served
 *                             ({@code max-body-bytes-in-flight}); a request counts its
 *                             {@code Content-Length}, or {@code maxBodySize} when chunked (or
 *                             HTTP/2 without a length)
 * @param requestReadTimeoutMs how long a request may take to arrive in full once its headers
 *                             are in ({@code request-read-timeout-ms})
 */
public record GatewayLimits(long maxBodySize, long maxBodyBytesInFlight, long requestReadTimeoutMs) {

    /** 256 KiB: payment bodies are a few KB; an unknown-length body holds this much of the budget. */
    public static final long DEFAULT_MAX_BODY_SIZE = 256 * 1024;
    public static final long DEFAULT_MAX_BODY_BYTES_IN_FLIGHT = 32L * 1024 * 1024;
    public static final long DEFAULT_REQUEST_READ_TIMEOUT_MS = 10_000;

    public static GatewayLimits defaults() {
        return new GatewayLimits(DEFAULT_MAX_BODY_SIZE, DEFAULT_MAX_BODY_BYTES_IN_FLIGHT, DEFAULT_REQUEST_READ_TIMEOUT_MS);
    }
}

package org.camelb2b.token.token;

/**
 * A token request that did not give a usable token: a provider error code (even with HTTP 200),
 * a body that is not JSON or lacks fields, or a transport failure. It carries the provider, the
 * HTTP status, the response code split into parts and the provider's message; it never carries a
 * token, key or secret.
 */
public class TokenAcquisitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String provider;
    private final int httpStatus;
    private final ResponseCode responseCode;
    private final String providerMessage;
    private final java.time.Duration retryAfter;

    public TokenAcquisitionException(String provider, int httpStatus, ResponseCode responseCode, String providerMessage,
                                     String problem) {
        this(provider, httpStatus, responseCode, providerMessage, problem, null);
    }

    public TokenAcquisitionException(String provider, int httpStatus, ResponseCode responseCode, String providerMessage,
                                     String problem, Throwable cause) {
        this(provider, httpStatus, responseCode, providerMessage, problem, cause, null);
    }

    /** @param retryAfter the provider's {@code Retry-After}, or null */
    public TokenAcquisitionException(String provider, int httpStatus, ResponseCode responseCode, String providerMessage,
                                     String problem, Throwable cause, java.time.Duration retryAfter) {
        super(describe(provider, httpStatus, responseCode, providerMessage, problem), cause);
        this.provider = provider;
        this.httpStatus = httpStatus;
        this.responseCode = responseCode;
        this.providerMessage = providerMessage;
        this.retryAfter = retryAfter;
    }

    private TokenAcquisitionException(TokenAcquisitionException original, java.time.Duration retryAfter) {
        super(original.getMessage() + "; Retry-After " + retryAfter.toSeconds() + " s", original.getCause());
        this.provider = original.provider;
        this.httpStatus = original.httpStatus;
        this.responseCode = original.responseCode;
        this.providerMessage = original.providerMessage;
        this.retryAfter = retryAfter;
    }

    /** The same failure, carrying the provider's {@code Retry-After}. */
    public TokenAcquisitionException withRetryAfter(java.time.Duration delay) {
        return new TokenAcquisitionException(this, delay);
    }

    /** The provider's {@code Retry-After} (429, 503), or null. */
    public java.time.Duration retryAfter() {
        return retryAfter;
    }

    /**
     * Whether asking again later can help: no answer, 429, 5xx, or a malformed success. A 4xx
     * answer (bad signature, unknown client, bad credentials, IP not allowed, field errors) needs
     * a change of configuration, not another request.
     */
    public boolean retryable() {
        int status = responseCode != null && responseCode.isSplit() ? responseCode.httpStatus() : httpStatus;
        return status < 0 || status == 429 || status == 408 || status >= 500 || (status >= 200 && status < 300);
    }

    public String provider() {
        return provider;
    }

    /** The HTTP status of the token response, or -1 when none arrived. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The provider's response code, or null when the response had none. */
    public ResponseCode responseCode() {
        return responseCode;
    }

    /** The provider's {@code responseMessage}, or null. */
    public String providerMessage() {
        return providerMessage;
    }

    private static String describe(String provider, int httpStatus, ResponseCode code, String message,
                                   String problem) {
        StringBuilder sb = new StringBuilder("B2B token request to provider '").append(provider).append("' failed: ")
                .append(problem);
        if (httpStatus >= 0) {
            sb.append("; HTTP ").append(httpStatus);
        }
        if (code != null) {
            sb.append("; responseCode ").append(code);
        }
        if (message != null) {
            sb.append("; message '").append(message).append('\'');
        }
        return sb.toString();
    }
}

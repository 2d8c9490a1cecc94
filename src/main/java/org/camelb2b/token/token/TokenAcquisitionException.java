package org.camelb2b.token.token;

import java.time.Duration;

/**
 * A token request that did not give a usable token: a provider error code (even with HTTP 200),
 * a body that is not JSON or lacks fields, or a transport failure. It carries the provider, the
 * HTTP status, the response code split into parts, the provider's message and its
 * {@code Retry-After}; it never carries a token, key or secret.
 */
public class TokenAcquisitionException extends ProviderCallException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

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
                                     String problem, Throwable cause, Duration retryAfter) {
        super("token request", provider, httpStatus, responseCode, providerMessage, problem, cause);
        this.retryAfter = retryAfter;
    }

    private TokenAcquisitionException(TokenAcquisitionException original, Duration retryAfter) {
        super(original.getMessage() + "; Retry-After " + retryAfter.toSeconds() + " s", original.getCause(),
                original.provider(), original.httpStatus(), original.responseCode(), original.providerMessage(),
                original.problem());
        this.retryAfter = retryAfter;
    }

    /** The same failure, carrying the provider's {@code Retry-After}. */
    public TokenAcquisitionException withRetryAfter(Duration delay) {
        return new TokenAcquisitionException(this, delay);
    }

    /** The provider's {@code Retry-After} (429, 503), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /**
     * Whether asking again later can help: no answer, 429, 5xx, or a malformed success. A 4xx
     * answer (bad signature, unknown client, bad credentials, IP not allowed, field errors) needs
     * a change of configuration, not another request.
     */
    public boolean retryable() {
        ResponseCode code = responseCode();
        int status = code != null && code.isSplit() ? code.httpStatus() : httpStatus();
        return status < 0 || status == 429 || status == 408 || status >= 500 || (status >= 200 && status < 300);
    }
}

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

    public TokenAcquisitionException(String provider, int httpStatus, ResponseCode responseCode, String providerMessage,
                                     String problem) {
        this(provider, httpStatus, responseCode, providerMessage, problem, null);
    }

    public TokenAcquisitionException(String provider, int httpStatus, ResponseCode responseCode, String providerMessage,
                                     String problem, Throwable cause) {
        super(describe(provider, httpStatus, responseCode, providerMessage, problem), cause);
        this.provider = provider;
        this.httpStatus = httpStatus;
        this.responseCode = responseCode;
        this.providerMessage = providerMessage;
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

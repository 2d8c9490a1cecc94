package org.camelb2b.token.token;

/**
 * A call to a provider that did not succeed: what both the token request and payment calls
 * report. Carries the provider, the HTTP status, the response code split into parts and the
 * provider's message; never a token, key or secret.
 */
public abstract class ProviderCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String provider;
    private final int httpStatus;
    private final ResponseCode responseCode;
    private final String providerMessage;
    private final String problem;

    /** @param call what was called, e.g. "token request", for the message */
    protected ProviderCallException(String call, String provider, int httpStatus, ResponseCode responseCode,
                                    String providerMessage, String problem, Throwable cause) {
        this(describe(call, provider, httpStatus, responseCode, providerMessage, problem), cause, provider, httpStatus,
                responseCode, providerMessage, problem);
    }

    /** A copy with a message of its own (e.g. the original one with a detail added). */
    protected ProviderCallException(String message, Throwable cause, String provider, int httpStatus,
                                    ResponseCode responseCode, String providerMessage, String problem) {
        super(message, cause);
        this.provider = provider;
        this.httpStatus = httpStatus;
        this.responseCode = responseCode;
        this.providerMessage = providerMessage;
        this.problem = problem;
    }

    public String provider() {
        return provider;
    }

    /** The HTTP status of the provider's answer, or -1 when none arrived. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The provider's response code, or null when the answer had none. */
    public ResponseCode responseCode() {
        return responseCode;
    }

    /** The provider's response message, or null. */
    public String providerMessage() {
        return providerMessage;
    }

    /**
     * Why the call did not succeed, in our words (e.g. "expiresIn is 0, not a positive lifetime",
     * "the provider answered with an error code"): the reason even when the provider's own code
     * and message say success.
     */
    public String problem() {
        return problem;
    }

    private static String describe(String call, String provider, int httpStatus, ResponseCode code, String message,
                                   String problem) {
        StringBuilder sb = new StringBuilder("B2B ").append(call).append(" to provider '").append(provider)
                .append("' failed: ").append(problem);
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

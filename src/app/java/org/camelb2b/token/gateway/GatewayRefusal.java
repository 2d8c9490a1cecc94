package org.camelb2b.token.gateway;

/**
 * A gateway request refused before any call to the provider (an unknown provider, a media type
 * the gateway does not sign): the status and JSON error the caller gets, from
 * {@link GatewayError}. It carries no token or secret.
 */
public class GatewayRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;
    private final String provider;

    public GatewayRefusal(int status, String error, String provider, String message) {
        super(message);
        this.status = status;
        this.error = error;
        this.provider = provider;
    }

    public int status() {
        return status;
    }

    /** The {@code error} field of the answer, e.g. {@code unknown_provider}. */
    public String error() {
        return error;
    }

    public String provider() {
        return provider;
    }
}

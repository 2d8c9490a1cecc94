package org.camelb2b.token.payment;

import org.camelb2b.token.token.ResponseCode;

/**
 * A payment call that did not succeed: the provider answered with an error code (or a non-2xx
 * status), or did not answer at all. A route's {@code onException} can catch it; the same facts
 * are also on the exchange headers ({@link PaymentHeaders}). It never carries a token or secret.
 */
public class PaymentCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String provider;
    private final int httpStatus;
    private final ResponseCode responseCode;
    private final String providerMessage;
    private final boolean timeout;

    public PaymentCallException(String provider, int httpStatus, ResponseCode responseCode, String providerMessage,
                                String problem, boolean timeout, Throwable cause) {
        super("B2B payment call to provider '" + provider + "' failed: " + problem
                + (httpStatus >= 0 ? "; HTTP " + httpStatus : "")
                + (responseCode != null ? "; responseCode " + responseCode : "")
                + (providerMessage != null ? "; message '" + providerMessage + "'" : ""), cause);
        this.provider = provider;
        this.httpStatus = httpStatus;
        this.responseCode = responseCode;
        this.providerMessage = providerMessage;
        this.timeout = timeout;
    }

    public String provider() {
        return provider;
    }

    /** The HTTP status of the provider's answer, or -1 when none arrived. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The provider's response code, or null. */
    public ResponseCode responseCode() {
        return responseCode;
    }

    public String providerMessage() {
        return providerMessage;
    }

    /** True when no answer arrived because the provider timed out. */
    public boolean isTimeout() {
        return timeout;
    }
}

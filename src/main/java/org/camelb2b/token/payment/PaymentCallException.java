package org.camelb2b.token.payment;

import org.camelb2b.token.token.ProviderCallException;
import org.camelb2b.token.token.ResponseCode;

/**
 * A payment call that did not succeed: the provider answered with an error code (or a non-2xx
 * status), or did not answer at all. A route's {@code onException} can catch it; the same facts
 * are also on the exchange headers ({@link PaymentHeaders}). It never carries a token or secret.
 */
public class PaymentCallException extends ProviderCallException {

    private static final long serialVersionUID = 1L;

    private final boolean timeout;

    public PaymentCallException(String provider, int httpStatus, ResponseCode responseCode, String providerMessage,
                                String problem, boolean timeout, Throwable cause) {
        super("payment call", provider, httpStatus, responseCode, providerMessage, problem, cause);
        this.timeout = timeout;
    }

    /** True when no answer arrived because the provider timed out. */
    public boolean isTimeout() {
        return timeout;
    }
}

package org.camelb2b.token.payment;

/**
 * A payment call refused before it was sent: the provider already has
 * {@code b2b.<provider>.max-concurrent-calls} calls in flight (typically because it is slow or
 * hanging). Refusing at once keeps one provider's trouble from taking the capacity of the others;
 * nothing was sent, so the caller may try again.
 */
public class ProviderBusyException extends PaymentCallException {

    private static final long serialVersionUID = 1L;

    private final int limit;

    public ProviderBusyException(String provider, int limit) {
        super(provider, -1, null, null, "not sent: " + limit + " calls to this provider were in flight "
                + "for longer than the caller may wait (b2b." + provider + ".max-concurrent-calls, "
                + "b2b." + provider + ".call-queue-timeout-ms)", false, null);
        this.limit = limit;
    }

    /** The provider's concurrency limit that was reached. */
    public int limit() {
        return limit;
    }
}

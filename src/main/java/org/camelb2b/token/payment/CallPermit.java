package org.camelb2b.token.payment;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.camelb2b.token.flow.B2bRuntime;
import org.camelb2b.token.provider.ProviderConfig;

/**
 * {@code b2bCallPermit}: right before a payment's HTTP call, takes one of the provider's
 * {@code max-concurrent-calls} permits, waiting at most {@code call-queue-timeout-ms} for a call in
 * flight to finish, or refuses the call unsent with a {@link ProviderBusyException}: a burst is
 * smoothed, and a hanging provider holds at most its own permits (and the threads behind them),
 * never the capacity other providers' calls need. Waiting for a token holds no permit. The
 * permit is handed back by {@link Release} in the HTTP step's {@code doFinally}, whatever happened.
 */
public class CallPermit implements Processor {

    /** Property: the semaphore this exchange holds a permit of. */
    static final String HELD = "B2bCallPermit";

    private final RuntimeOfContext runtimes = new RuntimeOfContext();

    @Override
    public void process(Exchange exchange) {
        String provider = PaymentSigner.providerOf(exchange);
        B2bRuntime runtime = runtimes.get(exchange);
        ProviderConfig config = runtime.providers().get(provider);
        Semaphore permits = runtime.callPermits(config);
        boolean acquired;
        try {
            acquired = permits.tryAcquire(config.callLimits().queueTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            runtime.metrics().refused(provider);
            throw new ProviderBusyException(provider, config.callLimits().maxConcurrentCalls());
        }
        exchange.setProperty(HELD, permits);
    }

    /** {@code b2bCallPermitRelease}: hands back the permit {@link CallPermit} took, once. */
    public static class Release implements Processor {

        @Override
        public void process(Exchange exchange) {
            Object held = exchange.removeProperty(HELD);
            if (held instanceof Semaphore permits) {
                permits.release();
            }
        }
    }
}

package org.camelb2b.token.payment;

import org.apache.camel.Exchange;
import org.camelb2b.token.flow.B2bRuntime;

/**
 * A route step's {@link B2bRuntime}, looked up once per CamelContext rather than on every call
 * ({@link B2bRuntime#of} asks the context for its {@code b2b} component each time). A step bean
 * belongs to one context; should it see another, it looks up that one's.
 */
final class RuntimeOfContext {

    private volatile B2bRuntime runtime;

    B2bRuntime get(Exchange exchange) {
        B2bRuntime r = runtime;
        if (r == null || r.context() != exchange.getContext()) {
            r = B2bRuntime.of(exchange.getContext());
            runtime = r;
        }
        return r;
    }
}

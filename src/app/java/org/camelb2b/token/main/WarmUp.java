package org.camelb2b.token.main;

import org.apache.camel.CamelContext;
import org.camelb2b.token.flow.B2bRuntime;
import org.camelb2b.token.provider.ProviderConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acquires a token for every configured provider right after startup, in the background, so the
 * first payment call finds a warm cache. Each acquisition logs its own line; a failure here does
 * not stop the application (the provider may be down for a moment), it is retried on first use.
 */
final class WarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);

    private final CamelContext context;

    WarmUp(CamelContext context) {
        this.context = context;
    }

    void start() {
        B2bRuntime runtime = B2bRuntime.of(context);
        for (ProviderConfig provider : runtime.providers().all()) {
            Thread thread = new Thread(() -> {
                try {
                    runtime.token(provider.id());
                } catch (RuntimeException e) {
                    LOG.debug("warm-up of provider {} failed; it will be retried on first use", provider.id());
                }
            }, "b2b-warmup-" + provider.id());
            thread.setDaemon(true);
            thread.start();
        }
    }
}

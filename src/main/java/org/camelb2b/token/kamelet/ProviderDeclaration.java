package org.camelb2b.token.kamelet;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.camelb2b.token.flow.B2bExchange;
import org.camelb2b.token.flow.BundledRoutes;
import org.camelb2b.token.flow.ProviderDeclarations;

/**
 * A provider as the kamelets declare it: a local bean of each kamelet, made from the kamelet's
 * properties, whose {@link #declare()} runs as the kamelet's route is created. It declares the
 * provider with the given settings ({@link ProviderDeclarations}: settings left out come from the
 * {@code b2b.<provider>.*} properties), and adds the routes the kamelet sends to when the
 * application has not got them: the provider's token route and, for payment calls,
 * {@code direct:b2b-call}. The settings are checked with every other provider's before the
 * application's routes start, so a wrong one stops startup and is named.
 *
 * <p>As the kamelet's first step it marks the exchange as one for its provider. Each property
 * setter takes the kamelet property of the same name; blank means "not given".
 */
public class ProviderDeclaration implements CamelContextAware, Processor {

    private final Map<String, String> settings = new LinkedHashMap<>();
    private CamelContext camelContext;
    private String provider;
    private boolean calls;

    /** Declares the provider and adds the routes it needs (the kamelet's {@code initMethod}). */
    public void declare() {
        if (camelContext == null) {
            throw new IllegalStateException("the provider declaration has no CamelContext");
        }
        ProviderDeclarations.of(camelContext).declare(provider, settings);
        BundledRoutes.ensureTokenRoute(camelContext, provider);
        if (calls) {
            BundledRoutes.ensureCallRoute(camelContext);
        }
    }

    @Override
    public void process(Exchange exchange) {
        exchange.setProperty(B2bExchange.PROVIDER, provider);
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    /** The provider id: names its token route, metrics, readiness check and b2b.<provider>.* properties. */
    public void setProvider(String provider) {
        this.provider = provider == null ? null : provider.strip();
    }

    /** Whether the kamelet makes signed payment calls (and so needs {@code direct:b2b-call}). */
    public void setCalls(boolean calls) {
        this.calls = calls;
    }

    public void setDialect(String value) {
        settings.put("dialect", value);
    }

    public void setBaseUrl(String value) {
        settings.put("base-url", value);
    }

    public void setTokenPath(String value) {
        settings.put("token-path", value);
    }

    public void setClientId(String value) {
        settings.put("client-id", value);
    }

    public void setPrivateKey(String value) {
        settings.put("private-key", value);
    }

    public void setPrivateKeyPassword(String value) {
        settings.put("private-key-passphrase", value);
    }

    public void setClientSecret(String value) {
        settings.put("client-secret", value);
    }

    public void setChannelId(String value) {
        settings.put("channel-id", value);
    }

    public void setTimestampZone(String value) {
        settings.put("timestamp-zone", value);
    }

    public void setTimestampMillis(String value) {
        settings.put("timestamp-millis", value);
    }

    public void setSignSortedQuery(String value) {
        settings.put("sign-sorted-query", value);
    }

    public void setTokenRefreshFrom(String value) {
        settings.put("token.refresh-from", value);
    }

    public void setTokenRefreshTo(String value) {
        settings.put("token.refresh-to", value);
    }

    public void setTokenSkewMaxMs(String value) {
        settings.put("token.skew-max-ms", value);
    }

    public void setTokenAcquireTimeoutMs(String value) {
        settings.put("token.acquire-timeout-ms", value);
    }

    public void setTokenBackoffInitialMs(String value) {
        settings.put("token.backoff-initial-ms", value);
    }

    public void setTokenBackoffMaxMs(String value) {
        settings.put("token.backoff-max-ms", value);
    }

    public void setTokenFatalHoldOffMs(String value) {
        settings.put("token.fatal-hold-off-ms", value);
    }

    public void setTokenKeepWarmMs(String value) {
        settings.put("token.keep-warm-ms", value);
    }

    public void setTokenMaxLength(String value) {
        settings.put("token.max-length", value);
    }

    public void setTokenMinRequestIntervalMs(String value) {
        settings.put("token.min-request-interval-ms", value);
    }

    public void setTokenProbeIntervalMs(String value) {
        settings.put("token.probe-interval-ms", value);
    }

    @Override
    public String toString() {
        // setting names only: the values include the private key and the client secret
        return "ProviderDeclaration[provider=" + provider + ", settings="
                + settings.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
                        .map(Map.Entry::getKey).toList() + "]";
    }
}

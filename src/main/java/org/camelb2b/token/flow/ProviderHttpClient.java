package org.camelb2b.token.flow;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * {@code b2bHttpClient}: the HTTP client set-up of every call to a provider, token and payment
 * alike. Apache HttpClient 5 retries on its own by default: a request answered 429 or 503 is sent
 * again after sleeping for {@code Retry-After} in the calling thread, and an idempotent one (a
 * GET status inquiry) again after an I/O error. A signed payment must reach the provider once;
 * the bundle's only resend is its documented retry after a rejected token, and {@code Retry-After}
 * is honoured by the token cache, not by a sleeping thread. So: no automatic retries, no
 * redirects, no cookies carried from one call to the next.
 */
public class ProviderHttpClient implements HttpClientConfigurer {

    /** The bean name the routes declare it under. */
    public static final String BEAN_NAME = "b2bHttpClient";

    @Override
    public void configureHttpClient(HttpClientBuilder builder) {
        builder.disableAutomaticRetries();
        builder.disableRedirectHandling();
        builder.disableCookieManagement();
    }
}

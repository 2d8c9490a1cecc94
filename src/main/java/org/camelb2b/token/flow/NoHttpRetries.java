package org.camelb2b.token.flow;

import java.io.IOException;

import org.apache.hc.client5.http.HttpRequestRetryStrategy;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;

/**
 * The HTTP client's retry strategy for calls to providers ({@code b2bNoHttpRetries}): none. By
 * default HttpClient 5 sends any request answered 429 or 503 once more, POST included, a second
 * (or Retry-After) later: a token request would be two at the provider, past the token cache's
 * bound and count, and a payment call would be sent twice. Retrying is the cache's job (with its
 * backoff, probes and bound) and, for payments, only the one documented retry after a rejected token.
 * Set per endpoint ({@code httpClient.retryStrategy=#b2bNoHttpRetries}), so the application's own
 * http component settings are left as they are.
 */
public final class NoHttpRetries implements HttpRequestRetryStrategy {

    @Override
    public boolean retryRequest(HttpRequest request, IOException exception, int execCount, HttpContext context) {
        return false;
    }

    @Override
    public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
        return false;
    }

    @Override
    public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
        return TimeValue.ZERO_MILLISECONDS;
    }
}

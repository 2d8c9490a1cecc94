package org.camelb2b.token.flow;

/**
 * Names of the exchange properties the bundle's routes use. They start with {@code B2b}, never
 * with {@code Camel}, which is Camel's own.
 */
public final class B2bExchange {

    /** The provider id an exchange is for: set by a token route's first step, the fetch, a payment call. */
    public static final String PROVIDER = "B2bProvider";
    /** The token endpoint URL for the HTTP step. */
    public static final String TOKEN_URL = "B2bTokenUrl";
    /** The camel-http endpoint URI of the token request (the token URL with the provider's HTTP set-up). */
    public static final String TOKEN_ENDPOINT = "B2bTokenEndpoint";
    /** The camel-http endpoint URI of a payment call ({@link B2bRuntime#paymentEndpoint}). */
    public static final String HTTP_ENDPOINT = "B2bHttpEndpoint";
    /** Monotonic time the token request was built, just before it was signed and sent. */
    public static final String REQUESTED_AT = "B2bTokenRequestedAt";

    /** A provider's fetch route ({@code b2b-token-fetch} template) consumes from {@code direct:b2b-token-fetch-<provider>}. */
    public static final String FETCH_ENDPOINT_PREFIX = "direct:b2b-token-fetch-";

    private B2bExchange() {
    }
}

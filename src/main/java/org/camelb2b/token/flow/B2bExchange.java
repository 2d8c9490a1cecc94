package org.camelb2b.token.flow;

/** Names of the exchange properties the token routes use. */
public final class B2bExchange {

    /** The provider id a token route serves, set by the route's first step from the template parameter. */
    public static final String PROVIDER = "CamelB2bProvider";
    /** Set on the exchanges the cache sends to fetch a token: only these go on to the provider. */
    public static final String FETCH = "CamelB2bTokenFetch";
    /** The token endpoint URL for the HTTP step. */
    public static final String TOKEN_URL = "CamelB2bTokenUrl";
    /** The camel-http endpoint URI of the token request (the token URL with the provider's HTTP set-up). */
    public static final String TOKEN_ENDPOINT = "CamelB2bTokenEndpoint";
    /** The camel-http endpoint URI of a payment call ({@link B2bRuntime#paymentEndpoint}). */
    public static final String HTTP_ENDPOINT = "CamelB2bHttpEndpoint";
    /** Monotonic time the token request was built, just before it was signed and sent. */
    public static final String REQUESTED_AT = "CamelB2bTokenRequestedAt";

    /** The route group of every route made from the {@code b2b-token} template. */
    public static final String ROUTE_GROUP = "b2b-token";
    /** Token routes consume from {@code direct:b2b-token-<provider>}. */
    public static final String ENDPOINT_PREFIX = "direct:b2b-token-";

    private B2bExchange() {
    }
}

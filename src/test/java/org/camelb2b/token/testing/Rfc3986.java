package org.camelb2b.token.testing;

/**
 * A path and a query that use every character RFC 3986 allows in them (and percent-encodings,
 * dots and empty parameters that are not dot segments): what must reach the provider exactly as
 * signed, through the library and through the gateway alike.
 */
public final class Rfc3986 {

    public static final String PATH = "/v1.0/a-b_c.d/!$&'()*+,;=:@/%2F%20%c3%A9%7E/";
    public static final String QUERY = "x=a/b?c&y=!$'()*+,;:@%2F%2b&z=&=&.=..";

    private Rfc3986() {
    }
}

package org.camelb2b.token.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class RelativeUrlsTest {

    @Test
    void snapSignsThePathAndQueryAsSent() {
        assertEquals("/orders/v1.0/status?b=2&a=1", RelativeUrls.snap("/orders/v1.0/status?b=2&a=1"));
        assertEquals("/v1.0/qr/qr-mpm-generate", RelativeUrls.snap("/v1.0/qr/qr-mpm-generate"));
        assertEquals("/p?x=a%20b&y=%2F&z", RelativeUrls.snap("/p?x=a%20b&y=%2F&z"), "encoding untouched");
        assertEquals("/nicepay/v1.0/x?", RelativeUrls.snap("/nicepay/v1.0/x?"), "as given, even an empty query");
    }

    @Test
    void snapTakesAnAbsoluteUrlFromTheHostOnAndNeverAFragment() {
        assertEquals("/snap/v1.0/transfer-va/status?a=1",
                RelativeUrls.snap("https://sandbox.partner.bri.co.id:443/snap/v1.0/transfer-va/status?a=1"));
        assertEquals("/", RelativeUrls.snap("HTTPS://api.doku.com"));
        assertEquals("/?a=1", RelativeUrls.snap("http://localhost:8080?a=1"));
        assertEquals("/p?a=1", RelativeUrls.snap("/p?a=1#section"));
    }

    @Test
    void bcaSortsQueryParametersByNameThenValueKeepingTheirEncoding() {
        assertEquals("/openapi/x?a=1%2F&b=2&b=3", RelativeUrls.sortedQuery("/openapi/x?b=3&a=1%2F&b=2"));
        assertEquals("/openapi/x", RelativeUrls.sortedQuery("/openapi/x"));
        // String order of the encoded names: upper case before lower case, shorter prefix first
        assertEquals("/x?B=1&a=2&ab=0", RelativeUrls.sortedQuery("/x?ab=0&a=2&B=1"));
        // a parameter without '=' sorts as an empty value and keeps its form
        assertEquals("/x?a&a=1&b=", RelativeUrls.sortedQuery("/x?b=&a=1&a"));
        // empty parameters carry nothing and are dropped; no parameter at all leaves the path
        assertEquals("/x?a=1&b=2", RelativeUrls.sortedQuery("/x?&b=2&&a=1&"));
        assertEquals("/x", RelativeUrls.sortedQuery("/x?"));
        // '=' inside a value stays in the value
        assertEquals("/x?a=b=c&a=b=d", RelativeUrls.sortedQuery("/x?a=b=d&a=b=c"));
        assertEquals("/openapi/v1.0/balance?a=1", RelativeUrls.sortedQuery("https://sandbox.bca.co.id/openapi/v1.0/balance?a=1#f"));
    }

    @Test
    void klikooLeavesOutTheDeploymentPrefixAndTheQuery() {
        String bare = "/v1/open-api/account/inquiry";
        assertEquals(bare, RelativeUrls.klikooPath("/klikoo-b2b", "/klikoo-b2b/v1/open-api/account/inquiry"));
        assertEquals(bare, RelativeUrls.klikooPath("/klikoo-b2b", bare));
        assertEquals(bare, RelativeUrls.klikooPath("/klikoo-b2b/", "/v1/open-api/account/inquiry?x=1"));
        assertEquals(bare, RelativeUrls.klikooPath("/klikoo-b2b", "/klikoo-b2b/v1/open-api/account/inquiry?x=1#f"));
        assertEquals(bare, RelativeUrls.klikooPath("klikoo-b2b", "/klikoo-b2b/v1/open-api/account/inquiry"));
        assertEquals(bare, RelativeUrls.klikooPath("https://sandbox.klikoo.id/klikoo-b2b",
                "https://sandbox.klikoo.id/klikoo-b2b/v1/open-api/account/inquiry"));
        assertEquals(bare, RelativeUrls.klikooPath("/a/b", "/a/b/v1/open-api/account/inquiry"), "a prefix of two segments");
    }

    @Test
    void klikooWithoutAPrefixOrWithAPathThatMerelyStartsLikeIt() {
        String bare = "/v1/open-api/account/inquiry";
        assertEquals(bare, RelativeUrls.klikooPath("", bare));
        assertEquals(bare, RelativeUrls.klikooPath(null, bare));
        assertEquals(bare, RelativeUrls.klikooPath("/", bare));
        assertEquals("/klikoo-b2bx/v1", RelativeUrls.klikooPath("/klikoo-b2b", "/klikoo-b2bx/v1"), "whole segments only");
        assertEquals("/", RelativeUrls.klikooPath("/klikoo-b2b", "/klikoo-b2b"));
        assertEquals("/", RelativeUrls.klikooPath("/klikoo-b2b", "/klikoo-b2b/"));
    }

    @Test
    void missingOrRelativeInputsAreRefusedByName() {
        refused("pathAndQuery is missing", () -> RelativeUrls.snap(null));
        refused("pathAndQuery is missing", () -> RelativeUrls.snap(" "));
        refused("pathAndQuery must start with '/' (or be an absolute http(s) URL)", () -> RelativeUrls.snap("v1.0/x"));
        refused("pathAndQuery is missing", () -> RelativeUrls.sortedQuery(""));
        refused("pathAndQuery must start with '/' (or be an absolute http(s) URL)", () -> RelativeUrls.sortedQuery("x?a=1"));
        refused("requestPath is missing", () -> RelativeUrls.klikooPath("/klikoo-b2b", null));
        refused("requestPath must start with '/' (or be an absolute http(s) URL)",
                () -> RelativeUrls.klikooPath("/klikoo-b2b", "v1/open-api/account/inquiry"));
    }

    @Test
    void pathsAndQueriesThatAreSentAsSignedPassTheCheck() {
        RelativeUrls.checkPath("/");
        RelativeUrls.checkPath("/v1.0/a-b_c.d/!$&'()*+,;=:@/%2F%20%c3%A9/");
        RelativeUrls.checkPath("/a/.well/..x/...");
        RelativeUrls.checkQuery("x=a/b?c&y=!$'()*+,;:@%2F%2b&z=&=&.=..");
        RelativeUrls.checkQuery(null);
        RelativeUrls.checkQuery("");
    }

    @Test
    void pathsAndQueriesThatWouldBeSentOtherwiseAreRefusedNamingThePartAndCharacter() {
        refused("the path has '|' at character 3, outside RFC 3986: percent-encode it (UTF-8)",
                () -> RelativeUrls.checkPath("/a|b"));
        refused("the path has U+0020 at character 3, outside RFC 3986: percent-encode it (UTF-8)",
                () -> RelativeUrls.checkPath("/a b"));
        refused("the path has U+20AC at character 2, outside RFC 3986: percent-encode it (UTF-8)",
                () -> RelativeUrls.checkPath("/€"));
        refused("the path has '~' at character 3: Camel's HTTP client would send it as %7E, not as signed; write it as %7E",
                () -> RelativeUrls.checkPath("/a~b"));
        refused("the path has a '%' not followed by two hex digits at character 3: write a literal '%' as %25",
                () -> RelativeUrls.checkPath("/a%4"));
        refused("the path has an empty segment ('//') at character 3: servers may merge it, so it may not reach the "
                + "provider as signed", () -> RelativeUrls.checkPath("/a//b"));
        for (String dots : new String[] {"/..", "/a/./b", "/a/../b", "/%2e", "/a/%2E%2e/b", "/a/.%2E", "/a/%2e./"}) {
            assertThrows(IllegalArgumentException.class, () -> RelativeUrls.checkPath(dots), dots);
        }
        refused("the path must start with '/'", () -> RelativeUrls.checkPath("a"));
        refused("the path is missing", () -> RelativeUrls.checkPath(null));
        refused("the query has '{' at character 3, outside RFC 3986: percent-encode it (UTF-8)",
                () -> RelativeUrls.checkQuery("q={{b2b.doku.client-secret}}"));
        refused("the query has '#' at character 4, outside RFC 3986: percent-encode it (UTF-8)",
                () -> RelativeUrls.checkQuery("q=a#b"));
    }

    private static void refused(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }
}

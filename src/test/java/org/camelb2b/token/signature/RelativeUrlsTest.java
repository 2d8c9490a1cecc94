package org.camelb2b.token.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RelativeUrlsTest {

    @Test
    void snapSignsThePathAndQueryAsSent() {
        assertEquals("/orders/v1.0/status?b=2&a=1", RelativeUrls.snap("/orders/v1.0/status?b=2&a=1"));
    }

    @Test
    void bcaSortsQueryParametersKeepingTheirEncoding() {
        assertEquals("/openapi/x?a=1%2F&b=2&b=3", RelativeUrls.sortedQuery("/openapi/x?b=3&a=1%2F&b=2"));
        assertEquals("/openapi/x", RelativeUrls.sortedQuery("/openapi/x"));
    }

    @Test
    void klikooLeavesOutTheDeploymentPrefixAndTheQuery() {
        assertEquals("/v1/open-api/account/inquiry", RelativeUrls.klikooPath("/klikoo-b2b", "/klikoo-b2b/v1/open-api/account/inquiry"));
        assertEquals("/v1/open-api/account/inquiry", RelativeUrls.klikooPath("/klikoo-b2b/", "/v1/open-api/account/inquiry?x=1"));
        assertEquals("/v1/open-api/account/inquiry", RelativeUrls.klikooPath("", "/v1/open-api/account/inquiry"));
        assertEquals("/klikoo-b2bx/v1", RelativeUrls.klikooPath("/klikoo-b2b", "/klikoo-b2bx/v1"));
    }
}

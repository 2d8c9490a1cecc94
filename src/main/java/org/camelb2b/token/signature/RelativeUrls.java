package org.camelb2b.token.signature;

import java.util.Arrays;
import java.util.Comparator;

/** The relative URL a payment signature covers, by dialect. */
public final class RelativeUrls {

    private RelativeUrls() {
    }

    /** SNAP: the path from the host on, with the query string exactly as sent. */
    public static String snap(String pathAndQuery) {
        return pathAndQuery;
    }

    /**
     * SNAP as BCA signs it: the query parameters sorted by name, then value, each kept encoded as
     * given ({@code /a?b=2&a=1} becomes {@code /a?a=1&b=2}).
     */
    public static String sortedQuery(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        if (q < 0 || q == pathAndQuery.length() - 1) {
            return pathAndQuery;
        }
        String[] params = pathAndQuery.substring(q + 1).split("&");
        Arrays.sort(params, Comparator.comparing((String p) -> p.split("=", 2)[0])
                .thenComparing(p -> p.contains("=") ? p.split("=", 2)[1] : ""));
        return pathAndQuery.substring(0, q + 1) + String.join("&", params);
    }

    /**
     * Klikoo: the bare path, without the deployment prefix of the base URL and without a query:
     * base path {@code /klikoo-b2b} and {@code /klikoo-b2b/v1/open-api/account/inquiry} or
     * {@code /v1/open-api/account/inquiry} both give {@code /v1/open-api/account/inquiry}.
     */
    public static String klikooPath(String basePath, String requestPath) {
        String path = requestPath;
        int q = path.indexOf('?');
        if (q >= 0) {
            path = path.substring(0, q);
        }
        String prefix = basePath == null ? "" : basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1)
                : basePath;
        if (!prefix.isEmpty() && (path.equals(prefix) || path.startsWith(prefix + "/"))) {
            path = path.substring(prefix.length());
        }
        return path.isEmpty() ? "/" : path;
    }
}

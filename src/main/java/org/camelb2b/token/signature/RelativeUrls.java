package org.camelb2b.token.signature;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The relative URL a payment signature covers, by dialect. Percent-encoding is never changed:
 * what is signed is the text that is sent.
 *
 * <p>Each method takes the path (and query) from the host on; an absolute {@code http(s)://} URL
 * is also taken, and its scheme and host are dropped. A fragment ({@code #…}) is never sent, so it
 * is never signed. A null or blank argument, or a path that does not start with {@code /}, is
 * refused with an {@link IllegalArgumentException} naming the argument.
 */
public final class RelativeUrls {

    private static final Comparator<String[]> BY_NAME_THEN_VALUE =
            Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]);

    private RelativeUrls() {
    }

    /** SNAP: the path from the host on, with the query string exactly as sent. */
    public static String snap(String pathAndQuery) {
        return fromHost(pathAndQuery, "pathAndQuery");
    }

    /**
     * SNAP as BCA signs it: the query parameters sorted by name, then by value, both compared as
     * the encoded text given ({@link String#compareTo}), each parameter kept as given
     * ({@code /a?b=2&a=1%2F} becomes {@code /a?a=1%2F&b=2}). Empty parameters ({@code a=1&&b=2},
     * a trailing {@code &}) are dropped, and a query with no parameter at all leaves the bare path.
     */
    public static String sortedQuery(String pathAndQuery) {
        String url = fromHost(pathAndQuery, "pathAndQuery");
        int q = url.indexOf('?');
        if (q < 0) {
            return url;
        }
        List<String[]> params = new ArrayList<>();
        for (String param : url.substring(q + 1).split("&")) {
            if (!param.isEmpty()) {
                int eq = param.indexOf('=');
                params.add(new String[] {eq < 0 ? param : param.substring(0, eq), eq < 0 ? "" : param.substring(eq + 1),
                        param});
            }
        }
        if (params.isEmpty()) {
            return url.substring(0, q);
        }
        params.sort(BY_NAME_THEN_VALUE); // stable: "a" and "a=" keep their order
        StringBuilder out = new StringBuilder(url.length()).append(url, 0, q + 1);
        for (int k = 0; k < params.size(); k++) {
            if (k > 0) {
                out.append('&');
            }
            out.append(params.get(k)[2]);
        }
        return out.toString();
    }

    /**
     * Klikoo: the bare path, without the deployment prefix of the base URL and without any query
     * (Klikoo signs no query string): base path {@code /klikoo-b2b} and request path
     * {@code /klikoo-b2b/v1/open-api/account/inquiry} or {@code /v1/open-api/account/inquiry}
     * both give {@code /v1/open-api/account/inquiry}. The prefix is removed only as whole path
     * segments ({@code /klikoo-b2bx/v1} keeps its first segment).
     *
     * @param basePath    the path of the base URL (or the base URL itself); null, empty or {@code /} for none
     * @param requestPath the path called, with or without the prefix, with or without a query
     */
    public static String klikooPath(String basePath, String requestPath) {
        String path = fromHost(requestPath, "requestPath");
        int q = path.indexOf('?');
        if (q >= 0) {
            path = path.substring(0, q);
        }
        String prefix = basePath == null || basePath.isBlank() ? "" : basePath.strip();
        if (isAbsolute(prefix)) {
            prefix = fromHost(prefix, "basePath");
            int pq = prefix.indexOf('?');
            prefix = pq < 0 ? prefix : prefix.substring(0, pq);
        }
        int end = prefix.length();
        while (end > 0 && prefix.charAt(end - 1) == '/') {
            end--;
        }
        prefix = prefix.substring(0, end);
        if (!prefix.isEmpty() && prefix.charAt(0) != '/') {
            prefix = "/" + prefix;
        }
        if (!prefix.isEmpty() && (path.equals(prefix) || path.startsWith(prefix + "/"))) {
            path = path.substring(prefix.length());
        }
        return path.isEmpty() ? "/" : path;
    }

    /** The part from the host on, without a fragment; must start with '/'. */
    private static String fromHost(String url, String name) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(name + " is missing");
        }
        String s = url;
        if (isAbsolute(s)) {
            int authority = s.indexOf("//") + 2;
            int end = authority;
            while (end < s.length() && "/?#".indexOf(s.charAt(end)) < 0) {
                end++;
            }
            s = end == s.length() || s.charAt(end) != '/' ? "/" + s.substring(end) : s.substring(end);
        }
        int hash = s.indexOf('#');
        if (hash >= 0) {
            s = s.substring(0, hash);
        }
        if (s.isEmpty() || s.charAt(0) != '/') {
            throw new IllegalArgumentException(name + " must start with '/' (or be an absolute http(s) URL)");
        }
        return s;
    }

    /** Whether {@code s} starts with {@code http://} or {@code https://}, in any case (no allocation: a hot path). */
    private static boolean isAbsolute(String s) {
        return s.regionMatches(true, 0, "http://", 0, 7) || s.regionMatches(true, 0, "https://", 0, 8);
    }
}

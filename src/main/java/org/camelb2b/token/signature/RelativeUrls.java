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

    /**
     * Checks that {@code path} reaches the provider exactly as it is signed, and below the base
     * URL: it starts with {@code /}; every character is one RFC 3986 allows in a path (letters,
     * digits, {@code - . _}, {@code ! $ & ' ( ) * + , ; =}, {@code : @ /}) or a {@code %} with two
     * hex digits; no segment is empty ({@code //}; one trailing {@code /} is allowed) or a dot
     * segment ({@code .}, {@code ..}, also as {@code %2e}).
     *
     * <p>Everything else is refused, because something on the way would send it otherwise than it
     * is signed: Camel's HTTP producer percent-encodes {@code | { } ^ ` \ " < >}, space and
     * {@code ~}, and resolves {@code {{name}}} as a property placeholder (a secret's value would be
     * sent); the JDK refuses non-ASCII characters and bad percent-encoding; servers remove dot
     * segments (leaving the provider's base path) and may merge {@code //}.
     *
     * @throws IllegalArgumentException naming "the path" and what is wrong; quotes one character at most
     */
    public static void checkPath(String path) {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("the path is missing");
        }
        if (path.charAt(0) != '/') {
            throw new IllegalArgumentException("the path must start with '/'");
        }
        checkCharacters(path, "the path", false);
        int start = 1;
        while (start <= path.length()) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = path.length();
            }
            if (end == start && end < path.length()) {
                throw new IllegalArgumentException("the path has an empty segment ('//') at character " + start
                        + ": servers may merge it, so it may not reach the provider as signed");
            }
            if (isDotSegment(path, start, end)) {
                throw new IllegalArgumentException("the path has a dot segment ('.' or '..', also as %2e) at character "
                        + (start + 1) + ": it would be resolved on the way, possibly outside the provider's base URL");
            }
            start = end + 1;
        }
    }

    /**
     * Checks that {@code query} (without the {@code ?}) reaches the provider exactly as it is
     * signed: every character is one RFC 3986 allows in a query (those of a path, and {@code ?})
     * or a {@code %} with two hex digits. See {@link #checkPath} for why the others are refused.
     * Null or empty is no query, and fine.
     *
     * @throws IllegalArgumentException naming "the query" and what is wrong; quotes one character at most
     */
    public static void checkQuery(String query) {
        if (query != null) {
            checkCharacters(query, "the query", true);
        }
    }

    /** RFC 3986 pchar, '/', and '?' in a query; '~' apart, see {@link #checkPath}. */
    private static final boolean[] ALLOWED = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            ALLOWED[c] = true;
            ALLOWED[Character.toUpperCase(c)] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            ALLOWED[c] = true;
        }
        for (char c : "-._!$&'()*+,;=:@/".toCharArray()) {
            ALLOWED[c] = true;
        }
    }

    private static void checkCharacters(String s, String part, boolean query) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= n || !isHex(s.charAt(i + 1)) || !isHex(s.charAt(i + 2))) {
                    throw new IllegalArgumentException(part + " has a '%' not followed by two hex digits at character "
                            + (i + 1) + ": write a literal '%' as %25");
                }
                i += 2;
            } else if (c == '~') {
                throw new IllegalArgumentException(part + " has '~' at character " + (i + 1) + ": Camel's HTTP client "
                        + "would send it as %7E, not as signed; write it as %7E");
            } else if (c >= 128 || !(ALLOWED[c] || (query && c == '?'))) {
                throw new IllegalArgumentException(part + " has " + describe(c) + " at character " + (i + 1)
                        + ", outside RFC 3986: percent-encode it (UTF-8)");
            }
        }
    }

    private static boolean isDotSegment(String path, int start, int end) {
        int dots = 0;
        int i = start;
        while (i < end) {
            if (path.charAt(i) == '.') {
                i++;
            } else if (i + 3 <= end && path.charAt(i) == '%' && path.charAt(i + 1) == '2'
                    && (path.charAt(i + 2) == 'e' || path.charAt(i + 2) == 'E')) {
                i += 3;
            } else {
                return false;
            }
            if (++dots > 2) {
                return false;
            }
        }
        return dots > 0;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** A character for a message: quoted when visible ASCII, else as U+XXXX (never raw control characters). */
    private static String describe(char c) {
        return c > 0x20 && c < 0x7F ? "'" + c + "'" : String.format("U+%04X", (int) c);
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

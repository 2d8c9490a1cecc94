package org.camelb2b.token.payment;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;

import org.camelb2b.token.payment.InvalidPaymentRequestException.Part;
import org.camelb2b.token.signature.RelativeUrls;

/**
 * What a payment call may be, checked before anything is signed, so that the provider receives
 * exactly what was signed or nothing at all. Used by {@code direct:b2b-call} (the signing step)
 * and by the standalone gateway, which checks the cheap rules before it reads a body. Each
 * refusal is an {@link InvalidPaymentRequestException} naming the provider and the part.
 */
public final class PaymentRequestRules {

    /** The methods payment calls are signed for, as an {@code Allow} header lists them. */
    public static final String ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE";
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    /** The longest caller header value taken ({@code X-EXTERNAL-ID}, {@code X-PARTNER-ID}, {@code CHANNEL-ID}). */
    public static final int MAX_HEADER_LENGTH = 64;

    private PaymentRequestRules() {
    }

    /**
     * The method, upper-cased: one of GET, POST, PUT, PATCH, DELETE. Camel's HTTP producer knows
     * only a fixed set of methods (another fails as a type conversion), and HEAD, OPTIONS, TRACE
     * and CONNECT carry no payment call.
     */
    public static String method(String provider, String method) {
        String m = method == null ? "" : method.strip().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(m)) {
            throw new InvalidPaymentRequestException(provider, Part.METHOD, "the method " + quote(method)
                    + " is not signed: use one of " + ALLOWED_METHODS);
        }
        return m;
    }

    /** Whether {@code method} is, exactly (HTTP methods are case-sensitive), one of {@link #ALLOWED_METHODS}. */
    public static boolean isSignedMethod(String method) {
        return method != null && METHODS.contains(method);
    }

    /** A body on GET or DELETE would be hashed into the signature but not sent (Camel sends none): refused. */
    public static void bodyAllowed(String provider, String method) {
        if (method.equals("GET") || method.equals("DELETE")) {
            throw new InvalidPaymentRequestException(provider, Part.BODY, "a " + method + " request must not have a "
                    + "body: it would be signed but not sent; use POST, PUT or PATCH, or leave the body out");
        }
    }

    /** The path below the base URL; see {@link RelativeUrls#checkPath}. */
    public static void path(String provider, String path) {
        try {
            RelativeUrls.checkPath(path);
        } catch (IllegalArgumentException e) {
            throw new InvalidPaymentRequestException(provider, Part.PATH, e.getMessage());
        }
    }

    /** The query, without {@code ?}; see {@link RelativeUrls#checkQuery}. */
    public static void query(String provider, String query) {
        try {
            RelativeUrls.checkQuery(query);
        } catch (IllegalArgumentException e) {
            throw new InvalidPaymentRequestException(provider, Part.QUERY, e.getMessage());
        }
    }

    /**
     * The body bytes as UTF-8 text, decoded strictly: malformed or truncated sequences, overlong
     * forms and encoded surrogates are refused (naming the byte), never replaced by U+FFFD and
     * signed.
     */
    public static String utf8(String provider, byte[] bytes) {
        if (ascii(bytes)) {
            // ASCII is UTF-8 as it is, one char a byte: no decoder needed
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new InvalidPaymentRequestException(provider, Part.BODY, "the body is not valid UTF-8 (byte "
                    + (in.position() + 1) + " of " + bytes.length + ")");
        }
        return out.flip().toString();
    }

    /** Whether every byte is below 0x80 (an OR over all of them, which the JIT vectorises). */
    private static boolean ascii(byte[] bytes) {
        int or = 0;
        for (byte b : bytes) {
            or |= b;
        }
        return or >= 0;
    }

    /**
     * A caller's {@code X-EXTERNAL-ID}, {@code X-PARTNER-ID} or {@code CHANNEL-ID}: null when not
     * given (or blank), else one value of 1 to {@value #MAX_HEADER_LENGTH} visible ASCII
     * characters (no space or control character), surrounding white space dropped. A header sent
     * twice arrives as a list, which would otherwise be sent as the text {@code [111, 222]}; a
     * non-ASCII value would be sent as mojibake.
     */
    public static String callerHeader(String provider, String name, Object value) {
        Object v = value;
        if (v instanceof Collection<?> values) {
            if (values.size() != 1) {
                throw new InvalidPaymentRequestException(provider, Part.HEADER, "the " + name + " header was sent "
                        + values.size() + " times: send it once");
            }
            v = values.iterator().next();
        }
        String text = v == null ? null : v.toString().strip();
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.length() > MAX_HEADER_LENGTH) {
            throw new InvalidPaymentRequestException(provider, Part.HEADER, "the " + name + " header is "
                    + text.length() + " characters long, at most " + MAX_HEADER_LENGTH);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= 0x20 || c >= 0x7F) {
                throw new InvalidPaymentRequestException(provider, Part.HEADER, "the " + name + " header has "
                        + String.format("U+%04X", (int) c) + " at character " + (i + 1)
                        + ": only visible ASCII characters are sent as they are");
            }
        }
        return text;
    }

    /** A caller's value for a message: visible ASCII quoted, anything else as U+XXXX, at most 20 characters. */
    public static String quote(String value) {
        if (value == null) {
            return "(none)";
        }
        StringBuilder sb = new StringBuilder("'");
        for (int i = 0; i < value.length() && i < 20; i++) {
            char c = value.charAt(i);
            sb.append(c >= 0x20 && c < 0x7F && c != '\'' ? String.valueOf(c) : String.format("\\u%04X", (int) c));
        }
        return sb.append(value.length() > 20 ? "…'" : "'").toString();
    }
}

package org.camelb2b.token.signature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;

/**
 * The bytes of a payment call's body: serialised once as compact JSON, then hashed, signed and
 * sent exactly as they are.
 *
 * <ul>
 * <li>no white space between tokens; white space inside strings kept;</li>
 * <li>raw UTF-8 for non-ASCII text, emoji included (no {@code \\uXXXX}), {@code /} not escaped;</li>
 * <li>numbers kept as written ({@code 12345678.00} stays {@code 12345678.00});</li>
 * <li>strings escaped as JSON requires: {@code \"}, {@code \\}, {@code \b \f \n \r \t}, other
 * control characters as {@code \\u00XX} with upper-case hex (Jackson's form);</li>
 * <li>duplicate keys are refused.</li>
 * </ul>
 * Numbers and strings are copied as the parser read their text, never through a double.
 */
public final class JsonBodies {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
            // emoji and other supplementary characters as raw 4-byte UTF-8, not \\uD83D\\uDE00
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();
    private static final byte[] EMPTY = new byte[0];

    private JsonBodies() {
    }

    /**
     * Compact JSON, keys in the order given; an empty or blank body gives no bytes.
     *
     * <p>A body already in exactly the form this method writes (no white space outside strings,
     * only the escapes written here) is returned as its UTF-8 bytes without a parse: re-writing
     * it would give the same bytes. That skips the parse that would otherwise cost more than the
     * signature itself; such a body is not validated here, so a malformed one is judged by the
     * provider. Every other body is parsed, which rejects invalid JSON.
     */
    public static byte[] compact(String json) {
        if (json != null && !json.isEmpty()) {
            byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
            // the encoder turns an unpaired surrogate into '?': so unless the text is pure ASCII
            // (as many bytes as chars, and no '?' among them), the surrogates are checked
            int form = form(utf8);
            if (form != NOT_CANONICAL && ((utf8.length == json.length() && form == CANONICAL_NO_QUESTION_MARK)
                    || surrogatesPaired(json))) {
                return utf8;
            }
        }
        return write(json, false);
    }

    /**
     * Whether the UTF-8 {@code bytes} are already in this class's output form: no white space
     * outside strings; inside strings no raw control characters and only the escapes the writer
     * produces ({@code \" \\ \b \f \n \r \t}, and {@code \\u00XX} in upper-case hex for the other
     * control characters). Bytes of multi-byte characters (0x80 and up) never look like ASCII, so
     * a byte scan sees the structure.
     */
    static boolean isCanonical(byte[] bytes) {
        return form(bytes) != NOT_CANONICAL;
    }

    private static final int NOT_CANONICAL = 0;
    private static final int CANONICAL_NO_QUESTION_MARK = 1;
    private static final int CANONICAL_WITH_QUESTION_MARK = 2;

    /** {@link #isCanonical}, and whether a '?' occurs (the encoder's stand-in for an unpaired surrogate). */
    private static int form(byte[] bytes) {
        if (bytes.length == 0) {
            return NOT_CANONICAL;
        }
        int prefix = plainPrefix(bytes);
        if (prefix < 0) {
            return NOT_CANONICAL;
        }
        int from = prefix >>> 2;
        if (!scan(bytes, from, (prefix & 1) != 0)) {
            return NOT_CANONICAL;
        }
        boolean question = (prefix & 2) != 0;
        for (int i = from; i < bytes.length && !question; i++) {
            question = bytes[i] == '?';
        }
        return question ? CANONICAL_WITH_QUESTION_MARK : CANONICAL_NO_QUESTION_MARK;
    }

    /** Byte classes inside a string: 0 ordinary, 1 quote, 2 backslash, 3 control. */
    private static final byte[] IN_STRING = new byte[256];
    /** Byte classes outside strings: 0 ordinary, 1 quote, 3 white space or control. */
    private static final byte[] OUTSIDE = new byte[256];

    static {
        for (int c = 0; c < 0x20; c++) {
            IN_STRING[c] = 3;
            OUTSIDE[c] = 3;
        }
        OUTSIDE[' '] = 3;
        IN_STRING['"'] = 1;
        OUTSIDE['"'] = 1;
        IN_STRING['\\'] = 2;
    }

    /**
     * {@link #isCanonical} a byte at a time, from {@code from} on, starting inside a string or
     * not: one table of byte classes per state. It judges what {@link #plainPrefix} leaves: the
     * rest of a body from the first 8-byte word with a backslash on, and its last few bytes; on
     * its own, from 0, it judges a whole body the same way.
     */
    static boolean scan(byte[] bytes, int from, boolean startInString) {
        int n = bytes.length;
        int i = from;
        boolean inStr = startInString;
        while (i < n) {
            if (!inStr) {
                int kind = OUTSIDE[bytes[i++] & 0xFF];
                if (kind == 3) {
                    return false; // white space (or a control character) outside strings
                }
                inStr = kind == 1;
                continue;
            }
            while (i < n && IN_STRING[bytes[i] & 0xFF] == 0) {
                i++;
            }
            if (i >= n) {
                return false;
            }
            int k = IN_STRING[bytes[i++] & 0xFF];
            if (k == 1) {
                inStr = false;
            } else if (k == 3) {
                return false;
            } else { // an escape
                if (i >= n) {
                    return false;
                }
                int e = bytes[i++];
                if (e == 'u') {
                    if (i + 4 > n || !canonicalUnicodeEscape(bytes, i)) {
                        return false;
                    }
                    i += 4;
                } else if (e != '"' && e != '\\' && e != 'b' && e != 'f' && e != 'n' && e != 'r' && e != 't') {
                    return false;
                }
            }
        }
        return !inStr;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final long HIGH = 0x8080808080808080L;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;

    /**
     * How far from the start the body is plainly canonical, 8 bytes at a time: up to the first
     * 8-byte word that holds a backslash, or the end of the last whole word, times four, plus two
     * when a '?' was seen, plus one when that point is inside a string; -1 when a control
     * character, or white space outside a string, shows it is not canonical. Where it stopped,
     * {@link #scan} goes on (so a body is judged byte by byte from its first escape on, and in
     * its last few bytes). Each word gives bit masks of its quotes, its bytes below 0x21 and its
     * bytes below 0x20 (exact per byte, no carries between bytes); a running XOR over the quote
     * bits marks which bytes are inside a string (the opening quote counts as inside, the
     * closing one as outside). Bytes of multi-byte characters (0x80 and up) are in no mask.
     */
    private static int plainPrefix(byte[] b) {
        int n = b.length;
        int parity = 0; // 1 while the words so far hold an odd number of quotes: inside a string
        long question = 0; // non-zero once a word held a '?'
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            long x = (long) LONGS.get(b, i);
            long low = x & LOW7;
            // high bit of each byte set where the byte is exactly '"' / '\\' / below 0x21
            long quotes = ~(((low ^ QUOTES) + LOW7) | (x ^ QUOTES) | LOW7);
            long backslashes = ~(((low ^ BACKSLASHES) + LOW7) | (x ^ BACKSLASHES) | LOW7);
            long below21 = ~((low + 0x5F5F5F5F5F5F5F5FL) | x) & HIGH;
            if ((backslashes | below21) != 0) {
                if (backslashes != 0) {
                    break;
                }
                // white space or a control character: is it inside a string? One bit per byte
                // (bit k for byte k), a running XOR over the quote bits, flipped when the word
                // starts inside a string
                int q = gather(quotes);
                int in = q ^ (q << 1);
                in ^= in << 2;
                in ^= in << 4;
                in = (in ^ -parity) & 0xFF;
                int ws = gather(below21);
                int controls = gather(~((low + 0x6060606060606060L) | x) & HIGH);
                if ((ws & ~in) != 0 || (controls & in) != 0) {
                    return -1;
                }
            }
            parity ^= Long.bitCount(quotes) & 1;
            long t = x ^ 0x3F3F3F3F3F3F3F3FL;
            question |= (t - ONES) & ~t & HIGH; // non-zero if some byte of t is zero: no positions needed
        }
        return (i << 2) | (question != 0 ? 2 : 0) | parity;
    }

    /** The high bits of the 8 bytes of {@code m} (each 0x80 or 0) as bits 0-7. */
    private static int gather(long m) {
        return (int) (((m >>> 7) * 0x0102040810204080L) >>> 56);
    }

    /** Whether every surrogate in {@code text} is part of a pair (an unpaired one cannot be encoded). */
    private static boolean surrogatesPaired(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (++i >= n || !Character.isLowSurrogate(text.charAt(i))) {
                    return false;
                }
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** {@code 00XX}, upper-case hex, a control character without a short escape. */
    private static boolean canonicalUnicodeEscape(byte[] b, int at) {
        if (b[at] != '0' || b[at + 1] != '0' || (b[at + 2] != '0' && b[at + 2] != '1')) {
            return false;
        }
        int hi = b[at + 2] - '0';
        int d = b[at + 3];
        int lo = d >= '0' && d <= '9' ? d - '0' : d >= 'A' && d <= 'F' ? d - 'A' + 10 : -1;
        if (lo < 0) {
            return false;
        }
        int v = hi * 16 + lo;
        return v != 0x08 && v != 0x09 && v != 0x0A && v != 0x0C && v != 0x0D;
    }

    /**
     * {@link #compact}, always through the parser: the form a body received from a provider is
     * hashed in (white space between tokens dropped, inside strings kept), and invalid JSON refused
     * with an {@link IllegalArgumentException} saying where, never quoting the body.
     */
    public static byte[] compactParsed(String json) {
        return write(json, false);
    }

    /** Compact JSON with object keys sorted by {@link String#compareTo} at every level (Klikoo). */
    public static byte[] compactSortedKeys(String json) {
        return write(json, true);
    }

    private static byte[] write(String json, boolean sortKeys) {
        if (json == null || json.isBlank()) {
            return EMPTY;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length());
        try (JsonParser parser = FACTORY.createParser(json);
             JsonGenerator generator = FACTORY.createGenerator(out)) {
            if (sortKeys) {
                read(parser.nextToken(), parser, true).write(generator);
            } else {
                stream(parser, generator);
            }
            if (parser.nextToken() != null) {
                throw invalid("content after the JSON value", parser.currentLocation());
            }
        } catch (JsonProcessingException e) {
            // Jackson's own message may quote the body: say only where it broke
            throw invalid(e.getClass().getSimpleName(), e.getLocation());
        } catch (IOException e) {
            throw new IllegalArgumentException("the body cannot be read as JSON: " + e.getClass().getSimpleName(), e);
        }
        return out.toByteArray();
    }

    /** Copies one JSON value token by token, numbers as their text, without building a tree. */
    private static void stream(JsonParser p, JsonGenerator g) throws IOException {
        int depth = 0;
        JsonToken t;
        while ((t = p.nextToken()) != null) {
            switch (t) {
                case START_OBJECT -> {
                    g.writeStartObject();
                    depth++;
                }
                case START_ARRAY -> {
                    g.writeStartArray();
                    depth++;
                }
                case END_OBJECT -> {
                    g.writeEndObject();
                    depth--;
                }
                case END_ARRAY -> {
                    g.writeEndArray();
                    depth--;
                }
                case FIELD_NAME -> g.writeFieldName(p.currentName());
                case VALUE_STRING -> g.writeString(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> g.writeNumber(p.getText());
                case VALUE_TRUE -> g.writeBoolean(true);
                case VALUE_FALSE -> g.writeBoolean(false);
                case VALUE_NULL -> g.writeNull();
                default -> throw invalid("unexpected " + t, p.currentLocation());
            }
            if (depth == 0) {
                return;
            }
        }
        throw invalid("the JSON value is not complete", p.currentLocation());
    }

    /** A JSON value held as parsed, with numbers and strings kept as their exact text. */
    private interface Value {
        void write(JsonGenerator g) throws IOException;
    }

    private static Value read(JsonToken token, JsonParser p, boolean sortKeys) throws IOException {
        if (token == null) {
            throw invalid("no JSON value", p.currentLocation());
        }
        switch (token) {
            case START_OBJECT: {
                Map<String, Value> fields = sortKeys ? new TreeMap<>() : new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    fields.put(name, read(p.nextToken(), p, sortKeys));
                }
                return g -> {
                    g.writeStartObject();
                    for (Map.Entry<String, Value> e : fields.entrySet()) {
                        g.writeFieldName(e.getKey());
                        e.getValue().write(g);
                    }
                    g.writeEndObject();
                };
            }
            case START_ARRAY: {
                List<Value> items = new ArrayList<>();
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    items.add(read(t, p, sortKeys));
                }
                return g -> {
                    g.writeStartArray();
                    for (Value v : items) {
                        v.write(g);
                    }
                    g.writeEndArray();
                };
            }
            case VALUE_STRING: {
                String s = p.getText();
                return g -> g.writeString(s);
            }
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT: {
                String n = p.getText();
                return g -> g.writeNumber(n);
            }
            case VALUE_TRUE:
                return g -> g.writeBoolean(true);
            case VALUE_FALSE:
                return g -> g.writeBoolean(false);
            case VALUE_NULL:
                return JsonGenerator::writeNull;
            default:
                throw invalid("unexpected " + token, p.currentLocation());
        }
    }

    private static IllegalArgumentException invalid(String what, JsonLocation at) {
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return new IllegalArgumentException("invalid JSON" + where + ": " + what);
    }
}

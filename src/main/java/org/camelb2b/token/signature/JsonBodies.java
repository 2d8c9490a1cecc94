package org.camelb2b.token.signature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
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

    /** Compact JSON, keys in the order given; an empty or blank body gives no bytes. */
    public static byte[] compact(String json) {
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
            read(parser.nextToken(), parser, sortKeys).write(generator);
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

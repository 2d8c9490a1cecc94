package org.camelb2b.token.signature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Expected bytes checked with Python's json.dumps(separators=(',',':'), ensure_ascii=False). */
class JsonBodiesTest {

    static String compact(String json) {
        return new String(JsonBodies.compact(json), StandardCharsets.UTF_8);
    }

    @Test
    void prettyNestedObjectsAndArraysBecomeCompact() {
        assertEquals("{\"a\":{\"b\":[1,2,{\"c\":null}],\"d\":true},\"e\":\"x\"}",
                compact("{\n  \"a\": {\"b\": [1, 2, {\"c\": null}], \"d\": true},\n  \"e\": \"x\"\n}"));
    }

    @Test
    void nonAsciiTextStaysRawUtf8() {
        String out = compact("{\"name\": \"Pembayaran café ü 日本\", \"emoji\": \"😀\"}");
        assertEquals("{\"name\":\"Pembayaran café ü 日本\",\"emoji\":\"😀\"}", out);
        assertArrayEquals(out.getBytes(StandardCharsets.UTF_8), JsonBodies.compact("{\"name\":\"Pembayaran café ü 日本\",\"emoji\":\"😀\"}"));
        assertFalse(out.contains("\\u"));
    }

    @Test
    void escapedQuotesSlashesAndWhiteSpaceInsideStringsAreKept() {
        assertEquals("{\"q\":\"say \\\"hi\\\" \\\\ back\",\"url\":\"https://x.id/a/b\",\"ws\":\"  two  spaces\\tand tab  \"}",
                compact("{\"q\": \"say \\\"hi\\\" \\\\ back\", \"url\": \"https:\\/\\/x.id/a/b\", \"ws\": \"  two  spaces\\tand tab  \"}"));
    }

    @Test
    void numbersKeepTheirText() {
        assertEquals("{\"amount\":12345678.00,\"big\":123456789012345678901234567890,\"exp\":1e3,\"neg\":-0.5}",
                compact("{ \"amount\" : 12345678.00, \"big\": 123456789012345678901234567890, \"exp\": 1e3, \"neg\": -0.5 }"));
    }

    @Test
    void keyOrderIsKeptUnlessSorted() {
        assertEquals("{\"b\":1,\"a\":2}", compact("{\"b\": 1, \"a\": 2}"));
        assertEquals("{\"a\":2,\"b\":{\"c\":[{\"y\":1,\"z\":0}],\"d\":1}}", new String(JsonBodies.compactSortedKeys(
                "{\"b\": {\"d\": 1, \"c\": [{\"z\": 0, \"y\": 1}]}, \"a\": 2}"), StandardCharsets.UTF_8));
    }

    @Test
    void klikooDocsExampleHashesAsPrintedOnlyWithSortedKeys() {
        byte[] sorted = JsonBodies.compactSortedKeys("{\"bank_code\":\"000\",\"account_number\":true}");
        assertEquals("{\"account_number\":true,\"bank_code\":\"000\"}", new String(sorted, StandardCharsets.UTF_8));
        assertEquals("7791c19c8a1031a23713d71ef8d5a76c62beef20a5ed3b9c6731d108ac70af6e", PaymentSignature.bodyHash(sorted));
    }

    @Test
    void emptyBodyGivesNoBytes() {
        assertEquals(0, JsonBodies.compact(null).length);
        assertEquals(0, JsonBodies.compact("").length);
        assertEquals(0, JsonBodies.compactSortedKeys("  \n").length);
    }

    @Test
    void invalidJsonSaysWhereButNotWhat() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JsonBodies.compact("{\"card\": \"4111111111111111\", oops}"));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
        assertFalse(e.getMessage().contains("4111") || e.getMessage().contains("oops"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JsonBodies.compact("{\"a\":1} trailing"));
        assertThrows(IllegalArgumentException.class, () -> JsonBodies.compact("{\"a\": 1, \"a\": 2}"));
        assertThrows(IllegalArgumentException.class, () -> JsonBodies.compact("{\"a\": "));
        assertThrows(IllegalArgumentException.class, () -> JsonBodies.compactSortedKeys("{\"a\":1,\"a\":2}"));
    }

    @Test
    void aBodyAlreadyInCanonicalFormIsSentAsGivenWithoutAParse() {
        String canonical = "{\"a\":\"x y\\n\\u001F\\\"/é😀\",\"n\":12345678.00,\"l\":[1,{\"b\":null}]}";
        assertTrue(JsonBodies.isCanonical(canonical.getBytes(StandardCharsets.UTF_8)));
        assertArrayEquals(canonical.getBytes(StandardCharsets.UTF_8), JsonBodies.compact(canonical));
        // the fast path gives the very bytes the full rewrite gives
        assertEquals(canonical, compact(" " + canonical));
        // not validated on the fast path: a compact malformed body is left for the provider to refuse
        assertEquals("{\"a\":", compact("{\"a\":"));
    }

    @Test
    void anythingTheWriterWouldChangeTakesTheFullPath() {
        for (String text : new String[] {"{\"a\": 1}", "{\"a\":1}\n", "{\"u\":\"\\u00e9\"}", "{\"s\":\"a\\/b\"}",
                "{\"c\":\"\\u000A\"}", "{\"c\":\"\\u001f\"}", "{\"t\":\"a\tb\"}", "{\"open\":\"x}"}) {
            assertFalse(JsonBodies.isCanonical(text.getBytes(StandardCharsets.UTF_8)), text);
        }
        // an unpaired surrogate cannot be encoded as UTF-8: the full path escapes it instead of sending '?'
        assertEquals("{\"x\":\"\\uD83D\"}", compact("{\"x\":\"\uD83D\"}"));
        assertEquals("{\"u\":\"é\",\"s\":\"a/b\",\"c\":\"\\n\"}", compact("{\"u\":\"\\u00e9\",\"s\":\"a\\/b\",\"c\":\"\\u000A\"}"));
    }

    /**
     * The canonical check reads 8 bytes at a time up to the first escape; it must judge every
     * body as the byte-at-a-time scan does: random bodies over JSON's special bytes (quotes,
     * escapes, white space, control characters, multi-byte UTF-8), of every length around the
     * 8-byte words, canonical or not.
     */
    @Test
    void theWordAtATimeCheckJudgesEveryBodyAsTheByteScanDoes() {
        String[] pieces = {"{", "}", "[", "]", ":", ",", "\"", "\"", "\"", "\\", "\\\"", "\\n", "\\u001F", "\\u0008",
            "\\u00e9", "\\/", " ", "\t", "\n", "\u0001", "\u001f", "a", "1", "?", "é", "日", "😀", "x", "\u007f", "\u00a0"};
        java.util.Random random = new java.util.Random(20261123);
        int canonical = 0;
        for (int run = 0; run < 200_000; run++) {
            StringBuilder sb = new StringBuilder();
            int parts = random.nextInt(24);
            for (int k = 0; k < parts; k++) {
                sb.append(pieces[random.nextInt(pieces.length)]);
                if (random.nextInt(3) == 0) {
                    sb.append("abcdefgh", 0, random.nextInt(9));
                }
            }
            byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
            boolean expected = bytes.length > 0 && JsonBodies.scan(bytes, 0, false);
            assertEquals(expected, JsonBodies.isCanonical(bytes), sb.toString());
            canonical += expected ? 1 : 0;
        }
        assertTrue(canonical > 10_000, "too few canonical samples: " + canonical);
    }
}

package org.camelb2b.token.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResponseCodeTest {

    @Test
    void snapSevenDigits() {
        ResponseCode c = ResponseCode.parse("2007300");
        assertEquals(new ResponseCode("2007300", 200, "73", "00"), c);
        assertTrue(c.isSplit());
        assertEquals("2007300 (http 200, service 73, case 00)", c.toString());
    }

    @Test
    void klikooNineDigits() {
        assertEquals(new ResponseCode("401016570", 401, "01", "6570"), ResponseCode.parse("401016570"));
    }

    @Test
    void unsplittableCodesKeepTheirText() {
        ResponseCode c = ResponseCode.parse("ERR-42");
        assertEquals("ERR-42", c.raw());
        assertEquals(-1, c.httpStatus());
        assertFalse(c.isSplit());
        assertNull(c.serviceCode());
        assertEquals(-1, ResponseCode.parse("200").httpStatus());
        assertNull(ResponseCode.parse(null));
    }
}

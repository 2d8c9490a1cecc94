package org.camelb2b.token.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void masksAllButAShortPrefixOfLongSecrets() {
        String token = "eyJhbGciOiJSUzI1NiJ9.eyJleHAiOjE2NjUxMjc3OTEsIm5iZiI6MTY2NTEy";
        assertEquals("eyJh…(" + token.length() + " chars)", Secrets.mask(token));
        assertEquals("…(8 chars)", Secrets.mask("short-pw"));
        assertEquals("null", Secrets.mask(null));
        assertFalse(Secrets.mask(token).contains(token.substring(4, 12)));
    }
}

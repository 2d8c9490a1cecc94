package org.camelb2b.token.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class TimestampFormatTest {

    static final Instant AT = Instant.parse("2020-09-22T01:51:00.196Z");

    @Test
    void dokusUtcExampleAndWibOffset() {
        assertEquals("2020-09-22T01:51:00Z", new TimestampFormat(ZoneOffset.UTC, false).format(AT));
        assertEquals("2020-09-22T08:51:00+07:00", new TimestampFormat(ZoneOffset.ofHours(7), false).format(AT));
        assertEquals("2020-09-22T01:51:00.196Z", new TimestampFormat(ZoneOffset.UTC, true).format(AT));
        assertEquals("2020-09-22T08:51:00.196+07:00", new TimestampFormat(TimestampFormat.parseZone("Asia/Jakarta"), true)
                .format(AT));
    }

    @Test
    void zoneSettings() {
        assertEquals(ZoneOffset.UTC, TimestampFormat.parseZone("Z"));
        assertEquals(ZoneOffset.UTC, TimestampFormat.parseZone(" utc "));
        assertEquals(ZoneOffset.ofHours(7), TimestampFormat.parseZone("+07:00"));
        assertThrows(DateTimeException.class, () -> TimestampFormat.parseZone("+25:00"));
        assertThrows(DateTimeException.class, () -> TimestampFormat.parseZone("Mars/Olympus"));
    }
}

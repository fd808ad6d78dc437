package dev.tandem.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ColumnsTest {

    @Test
    void shortValuesStayAsTheyAre() {
        assertEquals("Ana", Columns.fit("Ana", 300));
        assertNull(Columns.fit(null, 300));
    }

    @Test
    void longValuesAreCutToTheColumn() {
        assertEquals("x".repeat(300), Columns.fit("x".repeat(5_000), 300));
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        assertEquals("ab", Columns.fit("ab\uD83D\uDC4B", 3));
    }

    @Test
    void nulCharactersAreDroppedBecausePostgresqlRefusesThem() {
        assertEquals("ab", Columns.fit("a\u0000b", 300));
        assertEquals("ab", Columns.storable("a\u0000b"));
    }
}

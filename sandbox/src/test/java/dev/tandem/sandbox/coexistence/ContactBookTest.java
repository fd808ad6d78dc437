package dev.tandem.sandbox.coexistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.sandbox.GraphException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContactBookTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void changesInTheSameSecondStillGetIncreasingTimestamps() {
        ContactBook book = new ContactBook();
        ContactBook.Change added = book.put("16505551234", "Pablo Morales", "Pablo", NOW);
        ContactBook.Change edited = book.put("16505551234", "Pablo M.", "Pablo", NOW);
        ContactBook.Change removed = book.remove("16505551234", NOW);
        assertEquals(NOW.getEpochSecond(), added.timestamp());
        assertTrue(edited.timestamp() > added.timestamp() && removed.timestamp() > edited.timestamp());
        assertEquals("remove", removed.action());
        assertNull(removed.fullName(), "a removal carries no names");
        assertTrue(book.entries().isEmpty());
    }

    @Test
    void theSnapshotAddsEveryContact() {
        ContactBook book = new ContactBook();
        book.put("16505551234", "Pablo Morales", "Pablo", NOW);
        book.put("4917612345678", "Zoë", null, NOW);
        List<ContactBook.Change> snapshot = book.snapshot(NOW);
        assertEquals(List.of("16505551234", "4917612345678"), snapshot.stream().map(ContactBook.Change::phone).toList());
        assertTrue(snapshot.stream().allMatch(c -> "add".equals(c.action())));
    }

    @Test
    void onlyWhatsAppNumbersWithANameAreKept() {
        ContactBook book = new ContactBook();
        assertEquals(100, assertThrows(GraphException.class, () -> book.put("+1 650", "X", null, NOW)).code());
        assertEquals(100, assertThrows(GraphException.class, () -> book.put("16505551234", " ", null, NOW)).code());
        assertEquals(100, assertThrows(GraphException.class, () -> book.remove("16505551234", NOW)).code());
    }
}

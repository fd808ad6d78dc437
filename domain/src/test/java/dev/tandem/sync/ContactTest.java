package dev.tandem.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ContactTest {

    private static final Instant T = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void addressBookChangesApplyNewestFirstWhateverTheArrivalOrder() {
        Contact contact = new Contact(UUID.randomUUID(), "16505551234", null, T);
        assertTrue(contact.applyAddressBook(false, null, null, T.plusSeconds(20), T));
        assertFalse(contact.applyAddressBook(true, "Pablo Morales", "Pablo", T.plusSeconds(10), T),
                "an add older than the remove arrives late and loses");
        assertFalse(contact.inAddressBook());
        assertNull(contact.fullName());
        assertTrue(contact.applyAddressBook(true, "Pablo M.", "Pablo", T.plusSeconds(30), T));
        assertEquals("Pablo M.", contact.displayName());
        assertFalse(contact.applyAddressBook(true, "Same time", null, T.plusSeconds(30), T), "a replay changes nothing");
    }

    @Test
    void contactsWithoutPhoneAreKeyedByBusinessScopedUserId() {
        Contact contact = new Contact(UUID.randomUUID(), null, "US.13491208655302741918", T);
        contact.seen("Ana", "16505550000", "US.other", T);
        assertEquals("16505550000", contact.waId(), "a phone learned later is kept");
        assertEquals("US.13491208655302741918", contact.userId(), "the first user id stays");
        assertEquals("Ana", contact.displayName());
        assertThrows(IllegalArgumentException.class, () -> new Contact(UUID.randomUUID(), null, null, T));
    }
}

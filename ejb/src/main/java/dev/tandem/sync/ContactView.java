package dev.tandem.sync;

import java.time.Instant;
import java.util.UUID;

/** A contact: phone (wa_id) and/or business-scoped user id, names, and address-book membership. */
public record ContactView(UUID id, String waId, String userId, String name, String profileName, String fullName,
                          boolean inAddressBook, Instant addressBookChangedAt) {
    static ContactView of(Contact contact) {
        return new ContactView(contact.id(), contact.waId(), contact.userId(), contact.displayName(),
                contact.profileName(), contact.fullName(), contact.inAddressBook(), contact.addressBookChangedAt());
    }
}

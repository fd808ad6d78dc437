package dev.tandem.sync;

import java.time.Instant;
import java.util.UUID;

/** A conversation as legacy systems read it, with its service-window state. */
public record ConversationView(UUID id, UUID tenantId, ContactView contact, Instant lastMessageAt,
                               boolean serviceWindowOpen, Instant serviceWindowClosesAt, Instant botPausedUntil) {

    static ConversationView of(Conversation conversation, Contact contact, Instant now) {
        return new ConversationView(conversation.id(), conversation.tenantId(), ContactView.of(contact),
                conversation.lastMessageAt(), conversation.serviceWindowOpen(now), conversation.serviceWindowClosesAt(),
                conversation.botPaused(now) ? conversation.humanTakeoverUntil() : null);
    }
}

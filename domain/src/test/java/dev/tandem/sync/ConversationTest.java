package dev.tandem.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConversationTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void onlyACustomersMessageOpensTheServiceWindowForTwentyFourHours() {
        Conversation conversation = new Conversation(UUID.randomUUID(), UUID.randomUUID(), T0);
        conversation.businessAppWrote(T0, Duration.ofMinutes(30));
        conversation.touched(T0.plusSeconds(5));
        assertFalse(conversation.serviceWindowOpen(T0.plusSeconds(10)), "echoes and API sends open nothing");
        assertNull(conversation.serviceWindowClosesAt());

        conversation.customerWrote(T0.plusSeconds(60));
        assertTrue(conversation.serviceWindowOpen(T0.plus(Duration.ofHours(24))));
        assertFalse(conversation.serviceWindowOpen(T0.plusSeconds(60).plus(Duration.ofHours(24))));
    }

    @Test
    void anEchoNeverExtendsTheWindowButPausesBots() {
        Conversation conversation = new Conversation(UUID.randomUUID(), UUID.randomUUID(), T0);
        conversation.customerWrote(T0);
        conversation.businessAppWrote(T0.plus(Duration.ofHours(23)), Duration.ofMinutes(30));
        assertEquals(T0.plus(Duration.ofHours(24)), conversation.serviceWindowClosesAt());
        assertTrue(conversation.botPaused(T0.plus(Duration.ofHours(23)).plusSeconds(60)));
        assertFalse(conversation.botPaused(T0.plus(Duration.ofHours(23)).plus(Duration.ofMinutes(31))));
    }

    @Test
    void anOlderCustomerMessageArrivingLateDoesNotShortenTheWindow() {
        Conversation conversation = new Conversation(UUID.randomUUID(), UUID.randomUUID(), T0);
        conversation.customerWrote(T0.plusSeconds(600));
        conversation.customerWrote(T0);
        assertEquals(T0.plusSeconds(600).plus(Conversation.SERVICE_WINDOW), conversation.serviceWindowClosesAt());
        assertEquals(T0.plusSeconds(600), conversation.lastMessageAt());
    }
}

package dev.tandem.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageStatusTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "SENT, DELIVERED, true", "SENT, READ, true", "DELIVERED, READ, true", "READ, PLAYED, true",
            "DELIVERED, SENT, false", "READ, DELIVERED, false", "READ, READ, false", "PENDING, SENT, true",
            "SENT, FAILED, true", "DELIVERED, FAILED, true", "READ, FAILED, false", "FAILED, DELIVERED, false",
            "FAILED, FAILED, false", "SENT, PENDING, false"})
    void statusesOnlyMoveForward(MessageStatus from, MessageStatus to, boolean advances) {
        assertEquals(advances, from.canAdvanceTo(to));
    }

    @Test
    void wireValuesAreReadCaseInsensitively() {
        assertEquals(MessageStatus.READ, MessageStatus.fromWire("read"));
        assertEquals(MessageStatus.PLAYED, MessageStatus.fromWire("PLAYED"));
        assertNull(MessageStatus.fromWire("deleted"));
        assertNull(MessageStatus.fromWire(null));
    }

    @Test
    void aFailedMessageKeepsMetasError() {
        Message message = new Message(UUID.randomUUID(), UUID.randomUUID(), "wamid.X", Direction.OUTBOUND, Origin.API,
                new MessageContent("text", "hi", null, "{}"), MessageStatus.SENT, Instant.EPOCH, Instant.EPOCH);
        assertTrue(message.advanceTo(MessageStatus.FAILED, 131047, "Re-engagement message", "24 hours"));
        assertFalse(message.advanceTo(MessageStatus.DELIVERED, null, null, null), "a late delivered changes nothing");
        assertEquals(MessageStatus.FAILED, message.status());
        assertEquals(131047, message.errorCode());
        assertEquals("24 hours", message.errorDetails());
    }
}

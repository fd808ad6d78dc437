package dev.tandem.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSplitterTest {

    private static final UUID DELIVERY = UUID.randomUUID();
    private static final Instant RECEIVED = Instant.parse("2026-11-24T10:00:00Z");

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = WebhookSplitterTest.class.getResourceAsStream("/webhooks/" + name)) {
            return in.readAllBytes();
        }
    }

    private static List<SyncEvent> split(byte[] body) {
        return WebhookSplitter.split(body, "1000", DELIVERY, RECEIVED);
    }

    @Test
    void aBatchYieldsOneEventPerMessageAndStatusAcrossEntriesAndChanges() throws IOException {
        List<SyncEvent> events = split(resource("batch-messages-and-statuses.json"));
        assertEquals(List.of(EventKind.MESSAGE, EventKind.MESSAGE, EventKind.STATUS, EventKind.STATUS, EventKind.STATUS,
                EventKind.MESSAGE), events.stream().map(SyncEvent::kind).toList());
        assertEquals(List.of("wamid.T1", "wamid.I1", "wamid.O1", "wamid.O1", "wamid.O2", "wamid.OTHER"),
                events.stream().map(e -> e.item().getString("id")).toList());
        assertEquals("106540352242922", events.get(0).phoneNumberId());
        assertEquals("102290129340398", events.get(0).wabaId());
        assertEquals("777", events.get(5).phoneNumberId());
        events.forEach(e -> assertEquals(DELIVERY, e.deliveryId()));
    }

    @Test
    void eventsOfOneConversationShareAGroupAndOthersDoNot() throws IOException {
        List<SyncEvent> events = split(resource("batch-messages-and-statuses.json"));
        assertEquals("106540352242922:16505551234", events.get(0).groupId());
        assertEquals(events.get(0).groupId(), events.get(2).groupId(), "a status joins its recipient's conversation");
        assertEquals("106540352242922:16505550000", events.get(1).groupId());
        assertEquals("777:4915100000009", events.get(5).groupId());
    }

    @Test
    void inboundMessagesCarryTheSendersProfile() throws IOException {
        List<SyncEvent> events = split(resource("batch-messages-and-statuses.json"));
        assertEquals("Sheena Nelson", events.get(0).profile().getJsonObject("profile").getString("name"));
        assertEquals("US.1349", events.get(1).profile().getString("user_id"));
        assertNull(events.get(2).profile());
    }

    @Test
    void coexistenceFieldsSplitIntoEchoesContactsHistoryAccountTemplateAndIgnoredGroups() throws IOException {
        List<SyncEvent> events = split(resource("coexistence.json"));
        assertEquals(List.of(EventKind.ECHO, EventKind.ECHO, EventKind.CONTACT, EventKind.CONTACT, EventKind.HISTORY,
                EventKind.ACCOUNT, EventKind.TEMPLATE, EventKind.GROUP), events.stream().map(SyncEvent::kind).toList());
        assertEquals("106540352242922:16505551234", events.get(0).groupId(), "echoes group by the customer they went to");
        assertEquals("106540352242922:16505559999", events.get(3).groupId());
        assertEquals("106540352242922:history:0:1", events.get(4).groupId(),
                "each history chunk is a group of its own (phase and chunk order), so chunks import in parallel");
        assertEquals("waba:102290129340398:account", events.get(5).groupId());
        assertEquals("PARTNER_REMOVED", events.get(5).item().getString("event"));
        assertEquals(SyncQueue.ECHOES, events.get(0).kind().queue());
        assertEquals(SyncQueue.STATE, events.get(4).kind().queue());
    }

    @Test
    void escapedUnicodeIsDecodedFromTheRawBytes() {
        String body = "{\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\",\"value\":{\"metadata\":"
                + "{\"phone_number_id\":\"2\"},\"messages\":[{\"from\":\"3\",\"id\":\"wamid.U\",\"type\":\"text\","
                + "\"text\":{\"body\":\"Gr\\u00fc\\u00df \\ud83d\\udc4b \\u0645\\u0631\\u062d\\u0628\\u0627\"}}]}}]}]}";
        SyncEvent event = split(body.getBytes(StandardCharsets.US_ASCII)).get(0);
        assertEquals("Grüß 👋 مرحبا", event.item().getJsonObject("text").getString("body"));
    }

    @Test
    void anEventSurvivesTheTripThroughItsJsonForm() throws IOException {
        for (SyncEvent event : split(resource("batch-messages-and-statuses.json"))) {
            assertEquals(event, SyncEvent.fromJson(event.toJson()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[1,2]", "{\"object\":\"whatsapp_business_account\"}",
            "{\"entry\":[\"x\"]}", "{\"entry\":[{\"changes\":[7]}]}"})
    void bodiesThatAreNotEnvelopesAreRefused(String body) {
        assertThrows(MalformedWebhookException.class, () -> split(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void nestingDeeperThanTheParserTakesIsRefusedAsMalformed() {
        String body = "{\"entry\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";
        assertThrows(MalformedWebhookException.class, () -> split(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anEnvelopeWithNoEventsYieldsNone() {
        assertEquals(List.of(), split("{\"entry\":[]}".getBytes(StandardCharsets.UTF_8)));
    }
}

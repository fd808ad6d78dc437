package dev.tandem.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.domain.JsonDocuments;
import dev.tandem.platform.Gzip;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SyncEventTest {

    private static SyncEvent eventWith(JsonObject item) {
        return new SyncEvent(EventKind.HISTORY, "history", "1000", "2000", "3000", UUID.randomUUID(),
                Instant.parse("2026-11-25T01:00:00Z"), "3000:history", item, null);
    }

    @Test
    void aSmallEventTravelsAsPlainUtf8Json() {
        SyncEvent event = eventWith(JsonDocuments.object().add("id", "wamid.1").add("text", "Grüß 👋").build());

        byte[] bytes = event.toBytes();

        assertFalse(Gzip.isCompressed(bytes));
        assertEquals(event.toJson(), new String(bytes, StandardCharsets.UTF_8));
        assertEquals(event, SyncEvent.fromBytes(bytes));
    }

    @Test
    void aHistoryChunkTravelsGzippedAndComesBackTheSame() {
        JsonArrayBuilder messages = JsonDocuments.array();
        for (int i = 0; i < 2_000; i++) {
            messages.add(JsonDocuments.object().add("id", "wamid.history-" + i).add("from", "4915100000" + (i % 50))
                    .add("timestamp", String.valueOf(1_760_000_000 + i)).add("type", "text")
                    .add("text", JsonDocuments.object().add("body", "message number " + i + " ü")));
        }
        SyncEvent chunk = eventWith(JsonDocuments.object().add("threads",
                JsonDocuments.array().add(JsonDocuments.object().add("id", "4915100000").add("messages", messages))).build());
        int jsonBytes = chunk.toJson().getBytes(StandardCharsets.UTF_8).length;

        byte[] bytes = chunk.toBytes();

        assertTrue(Gzip.isCompressed(bytes));
        assertTrue(bytes.length * 5 < jsonBytes, bytes.length + " bytes gzipped of " + jsonBytes);
        assertEquals(chunk, SyncEvent.fromBytes(bytes));
    }
}

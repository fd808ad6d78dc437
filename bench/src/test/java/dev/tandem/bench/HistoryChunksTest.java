package dev.tandem.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HistoryChunksTest {

    private static final TandemApi.Tenant TENANT = new TandemApi.Tenant("t", "1", "s", "200", "300", "4915100000001");

    @Test
    void everyMessageIsInExactlyOneChunkAndEveryPostStaysWithinThreeMegabytes() throws Exception {
        HistoryChunks history = new HistoryChunks(TENANT, 25_000, 700, 5_000, 1_800_000_000L, "r1");
        Set<String> wamids = new HashSet<>();
        int counted = 0;
        for (HistoryChunks.Chunk chunk : history) {
            assertTrue(chunk.body().getBytes(StandardCharsets.UTF_8).length <= HistoryChunks.MAX_BODY_BYTES,
                    "chunk of " + chunk.messages() + " messages is " + chunk.body().length() + " bytes");
            JsonNode value = TandemApi.JSON.readTree(chunk.body()).path("entry").path(0).path("changes").path(0);
            assertEquals("history", value.path("field").asText());
            JsonNode item = value.path("value").path("history").path(0);
            assertEquals("300", value.path("value").path("metadata").path("phone_number_id").asText());
            assertEquals(chunk.phase(), item.path("metadata").path("phase").asInt());
            assertEquals(chunk.chunkOrder(), item.path("metadata").path("chunk_order").asInt());
            int inChunk = 0;
            for (JsonNode thread : item.path("threads")) {
                for (JsonNode m : thread.path("messages")) {
                    inChunk++;
                    assertTrue(wamids.add(m.path("id").asText()), "a wamid appears once");
                    boolean business = m.has("to");
                    assertEquals(business ? "4915100000001" : thread.path("id").asText(), m.path("from").asText());
                    if (business) {
                        assertEquals(thread.path("id").asText(), m.path("to").asText());
                    }
                }
            }
            assertEquals(chunk.messages(), inChunk);
            counted += inChunk;
        }
        assertEquals(25_000, counted);
        assertEquals(25_000, wamids.size());
    }

    @Test
    void phasesFollowTheAgeAndProgressReachesOneHundredOnlyWithTheLastChunk() throws Exception {
        HistoryChunks history = new HistoryChunks(TENANT, 18_000, 50, 1_000, 1_800_000_000L, "r2");
        List<HistoryChunks.Chunk> chunks = new ArrayList<>();
        history.forEach(chunks::add);
        assertEquals(history.chunkCount(), chunks.size());
        int lastProgress = 0;
        int lastPhase = 0;
        int expectedOrder = 1;
        for (int k = 0; k < chunks.size(); k++) {
            HistoryChunks.Chunk c = chunks.get(k);
            assertTrue(c.progress() >= lastProgress, "progress only grows");
            assertEquals(k == chunks.size() - 1, c.progress() == 100);
            if (c.phase() != lastPhase) {
                assertTrue(c.phase() > lastPhase, "phase by phase");
                expectedOrder = 1;
            }
            assertEquals(expectedOrder++, c.chunkOrder(), "chunk_order counts from 1 within a phase");
            lastProgress = c.progress();
            lastPhase = c.phase();
            long ageOfFirst = 1_800_000_000L - TandemApi.JSON.readTree(c.body()).findValue("threads").path(0)
                    .path("messages").path(0).path("timestamp").asLong();
            assertEquals(c.phase(), HistoryChunks.phaseOf(ageOfFirst));
        }
        // 180 days evenly: day 0-1 is 1/180 of the messages (phase 0), days 1-90 about half, the rest phase 2.
        assertEquals(100, chunks.stream().filter(c -> c.phase() == 0).mapToInt(HistoryChunks.Chunk::messages).sum());
        assertEquals(8_900, chunks.stream().filter(c -> c.phase() == 1).mapToInt(HistoryChunks.Chunk::messages).sum());
        assertEquals(9_000, chunks.stream().filter(c -> c.phase() == 2).mapToInt(HistoryChunks.Chunk::messages).sum());
    }

    @Test
    void aMillionMessagesMakeFiveHundredPostsOfTwoThousand() {
        HistoryChunks history = new HistoryChunks(TENANT, 1_000_000, 10_000, 2_000, 1_800_000_000L, "r3");
        assertEquals(1_000_000, history.ranges().stream().mapToInt(r -> r[3] - r[2]).sum());
        assertTrue(history.chunkCount() >= 500 && history.chunkCount() <= 503, "chunks: " + history.chunkCount());
    }
}

package dev.tandem.sandbox.coexistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.sandbox.GraphException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HistoryPlanTest {

    private static final Instant ONBOARDED = Instant.parse("2026-11-24T10:00:00Z");
    private static final long DAY = 86_400;

    private static HistoryScript script(int messages, int customers, int chunkSize, boolean shuffle) {
        return new HistoryScript(messages, customers, 180, chunkSize, shuffle, false, false, 42L);
    }

    @Test
    void everyMessageIsSentExactlyOnceWithin180DaysInItsPhase() {
        HistoryPlan plan = HistoryPlan.plan(script(2000, 25, 150, true), ONBOARDED);
        Set<String> ids = new HashSet<>();
        Set<String> customers = new HashSet<>();
        int count = 0;
        for (HistoryPlan.Chunk chunk : plan.chunks()) {
            assertTrue(chunk.messages().size() <= 150 && !chunk.messages().isEmpty());
            for (HistoryPlan.Message m : chunk.messages()) {
                count++;
                ids.add(m.id());
                customers.add(m.customer());
                long age = ONBOARDED.getEpochSecond() - m.timestamp();
                assertTrue(age > 0 && age < 180 * DAY, "inside the 180 days before onboarding: " + age);
                int phase = age < DAY ? 0 : age < 90 * DAY ? 1 : 2;
                assertEquals(phase, chunk.phase(), "message " + m.id() + " aged " + age + "s");
            }
        }
        assertEquals(2000, count);
        assertEquals(2000, ids.size(), "no message twice");
        assertEquals(25, customers.size());
    }

    @Test
    void progressRisesInDeliveryOrderAndReaches100OnlyAtTheEnd() {
        List<HistoryPlan.Chunk> chunks = HistoryPlan.plan(script(2000, 25, 100, true), ONBOARDED).chunks();
        for (int i = 1; i < chunks.size(); i++) {
            assertTrue(chunks.get(i).progress() >= chunks.get(i - 1).progress(), "progress never goes back");
        }
        assertEquals(100, chunks.get(chunks.size() - 1).progress());
        assertEquals(1, chunks.stream().filter(c -> c.progress() == 100).count(), "100 only once, at the end");
        assertTrue(chunks.get(0).progress() >= 0);
    }

    @Test
    void chunksAreNumberedPerPhaseAndShuffledOnRequest() {
        List<HistoryPlan.Chunk> ordered = HistoryPlan.plan(script(2000, 10, 100, false), ONBOARDED).chunks();
        List<String> keys = new ArrayList<>();
        for (HistoryPlan.Chunk c : ordered) {
            keys.add(c.phase() + "/" + c.chunkOrder());
        }
        List<String> expected = new ArrayList<>();
        for (int phase = 0; phase < 3; phase++) {
            int p = phase;
            long inPhase = ordered.stream().filter(c -> c.phase() == p).count();
            assertTrue(inPhase > 0, "2,000 messages over 180 days fill every phase");
            for (int order = 1; order <= inPhase; order++) {
                expected.add(phase + "/" + order);
            }
        }
        assertEquals(expected, keys, "unshuffled: phase 0, 1, 2 in chunk_order");

        List<String> shuffled = new ArrayList<>();
        for (HistoryPlan.Chunk c : HistoryPlan.plan(script(2000, 10, 100, true), ONBOARDED).chunks()) {
            shuffled.add(c.phase() + "/" + c.chunkOrder());
        }
        assertNotEquals(expected, shuffled, "shuffled chunks arrive out of order");
        assertEquals(new HashSet<>(expected), new HashSet<>(shuffled), "but they are the same chunks");
    }

    @Test
    void anEmptyPhaseHasNoChunk() {
        HistoryScript twoDays = new HistoryScript(50, 3, 2, 10, false, false, false, 1L);
        Set<Integer> phases = new HashSet<>();
        HistoryPlan.plan(twoDays, ONBOARDED).chunks().forEach(c -> phases.add(c.phase()));
        assertEquals(Set.of(0, 1), phases, "two days of history have nothing in phase 2");
        assertTrue(HistoryPlan.plan(script(0, 1, 10, false), ONBOARDED).chunks().isEmpty());
    }

    @Test
    void mediaPlaceholdersAreEveryTenthMessage() {
        HistoryScript withMedia = new HistoryScript(100, 5, 180, 500, false, false, true, 3L);
        long placeholders = HistoryPlan.plan(withMedia, ONBOARDED).chunks().stream()
                .flatMap(c -> c.messages().stream()).filter(HistoryPlan.Message::mediaPlaceholder).count();
        assertEquals(10, placeholders);
    }

    @Test
    void scriptsAreBounded() {
        assertEquals(100, assertThrows(GraphException.class,
                () -> new HistoryScript(10, 1, 181, 10, false, false, false, 1L).complete()).code());
        assertEquals(100, assertThrows(GraphException.class,
                () -> new HistoryScript(10, 1, 180, 0, false, false, false, 1L).complete()).code());
        assertEquals(100, assertThrows(GraphException.class,
                () -> new HistoryScript(-1, 1, 180, 10, false, false, false, 1L).complete()).code());
        assertEquals(100, assertThrows(GraphException.class,
                () -> new HistoryScript(10, 0, 180, 10, false, false, false, 1L).complete()).code());
        HistoryScript defaults = new HistoryScript(null, null, null, null, null, null, null, null).complete();
        assertEquals(List.of(100, 10, 180, 500), List.of(defaults.messages(), defaults.customers(), defaults.days(),
                defaults.chunkSize()));
    }
}

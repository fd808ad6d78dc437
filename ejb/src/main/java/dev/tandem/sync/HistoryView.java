package dev.tandem.sync;

import java.time.Instant;
import java.util.List;

/**
 * Progress of a tenant's history sync. State is NOT_STARTED (nothing arrived), IN_PROGRESS, STALLED
 * (unfinished and quiet for longer than tandem.history.stall-after), COMPLETE or DECLINED (2593109).
 */
public record HistoryView(String state, int progress, Integer declinedCode, String declinedReason, Instant startedAt,
                          Instant lastChunkAt, Instant completedAt, List<Phase> phases) {

    /** Per phase (0: day 0-1, 1: days 1-90, 2: days 90-180): chunks received, messages in them, new ones imported. */
    public record Phase(int phase, long chunks, long messages, long imported) {
    }
}

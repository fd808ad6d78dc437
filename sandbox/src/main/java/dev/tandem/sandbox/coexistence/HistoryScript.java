package dev.tandem.sandbox.coexistence;

import dev.tandem.sandbox.GraphException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the Business App's chat history looks like for the next history sync: {@code messages}
 * messages with {@code customers} customers over the last {@code days} days (at most 180), sent in
 * chunks of {@code chunkSize} messages, shuffled (out of order) if asked, with every tenth message a
 * media placeholder if asked; or declined by the business (2593109). A seed makes it repeatable.
 */
public record HistoryScript(Integer messages, Integer customers, Integer days, Integer chunkSize, Boolean shuffle,
                            Boolean decline, Boolean mediaPlaceholders, Long seed) {

    static final int MAX_MESSAGES = 100_000;
    static final int MAX_CHUNK = 5_000;
    static final int MAX_DAYS = 180;

    /** This script with defaults filled in (100 messages, 10 customers, 180 days, chunks of 500) and checked. */
    public HistoryScript complete() {
        HistoryScript s = new HistoryScript(messages == null ? 100 : messages, customers == null ? 10 : customers,
                days == null ? MAX_DAYS : days, chunkSize == null ? 500 : chunkSize, Boolean.TRUE.equals(shuffle),
                Boolean.TRUE.equals(decline), Boolean.TRUE.equals(mediaPlaceholders),
                seed == null ? ThreadLocalRandom.current().nextLong() : seed);
        if (s.messages < 0 || s.messages > MAX_MESSAGES) {
            throw GraphException.invalidParameter("messages must be between 0 and " + MAX_MESSAGES);
        }
        if (s.customers < 1 || s.customers > 10_000) {
            throw GraphException.invalidParameter("customers must be between 1 and 10000");
        }
        if (s.days < 1 || s.days > MAX_DAYS) {
            throw GraphException.invalidParameter("days must be between 1 and " + MAX_DAYS + " (history covers 180 days)");
        }
        if (s.chunkSize < 1 || s.chunkSize > MAX_CHUNK) {
            throw GraphException.invalidParameter("chunkSize must be between 1 and " + MAX_CHUNK
                    + " (a webhook carries at most 3 MB)");
        }
        return s;
    }
}

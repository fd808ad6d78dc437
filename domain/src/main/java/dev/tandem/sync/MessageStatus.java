package dev.tandem.sync;

import java.util.Locale;

/**
 * Delivery state of a message. Statuses only move forward (sent, delivered, read, played);
 * FAILED ends an outbound message unless it was already read. RECEIVED is an inbound message's state.
 */
public enum MessageStatus {
    RECEIVED(0),
    PENDING(0),
    SENT(1),
    DELIVERED(2),
    READ(3),
    PLAYED(4),
    FAILED(5);

    private final int rank;

    MessageStatus(int rank) {
        this.rank = rank;
    }

    /** True when moving from this status to {@code next} is progress, not a late or repeated report. */
    public boolean canAdvanceTo(MessageStatus next) {
        if (next == this || next == RECEIVED || next == PENDING) {
            return false;
        }
        if (next == FAILED) {
            return this != READ && this != PLAYED && this != FAILED;
        }
        return this != FAILED && next.rank > rank;
    }

    /** Meta's lowercase wire value (history uses uppercase); null for unknown values. */
    public static MessageStatus fromWire(String value) {
        if (value == null) {
            return null;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

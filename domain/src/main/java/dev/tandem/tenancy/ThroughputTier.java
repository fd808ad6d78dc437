package dev.tandem.tenancy;

/** Meta's per-number throughput tiers (messages per second, inbound and outbound together). */
public enum ThroughputTier {
    STANDARD(80),
    UPGRADED(1000);

    /** Coexistence numbers are capped at 20 mps whatever their tier. */
    public static final int COEXISTENCE_MESSAGES_PER_SECOND = 20;

    private final int messagesPerSecond;

    ThroughputTier(int messagesPerSecond) {
        this.messagesPerSecond = messagesPerSecond;
    }

    public int messagesPerSecond() {
        return messagesPerSecond;
    }
}

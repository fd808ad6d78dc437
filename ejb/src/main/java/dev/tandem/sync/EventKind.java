package dev.tandem.sync;

/** What one split-out webhook event is, and the queue that carries it. */
public enum EventKind {
    MESSAGE(SyncQueue.INBOUND),
    STATUS(SyncQueue.INBOUND),
    ERRORS(SyncQueue.INBOUND),
    ECHO(SyncQueue.ECHOES),
    CONTACT(SyncQueue.STATE),
    HISTORY(SyncQueue.STATE),
    HISTORY_MEDIA(SyncQueue.STATE),
    ACCOUNT(SyncQueue.ACCOUNT),
    TEMPLATE(SyncQueue.ACCOUNT),
    PREFERENCES(SyncQueue.ACCOUNT),
    OTHER(SyncQueue.ACCOUNT),
    /** Group chats are never mirrored: kept for inspection and counted, nothing else. */
    GROUP(SyncQueue.ACCOUNT);

    private final SyncQueue queue;

    EventKind(SyncQueue queue) {
        this.queue = queue;
    }

    public SyncQueue queue() {
        return queue;
    }
}

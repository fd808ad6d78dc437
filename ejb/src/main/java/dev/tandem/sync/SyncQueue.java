package dev.tandem.sync;

/**
 * Tandem's sync queues (defined once, in configure-tandem.cli, bound in SyncQueues): inbound
 * messages and statuses; Business App echoes; contact and history sync; account, template and
 * preference events.
 */
public enum SyncQueue {
    INBOUND,
    ECHOES,
    STATE,
    ACCOUNT
}

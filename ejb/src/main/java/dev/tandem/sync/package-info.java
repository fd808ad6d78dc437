/**
 * Sync: webhook intake (verify, split, enqueue, acknowledge), the consumers that land every event
 * exactly once, in order per conversation, and the reads legacy systems use.
 * Flow: WebhookIntake -> JMS queues (grouped per conversation) -> SyncConsumers (batches of waiting
 * events, one transaction each) -> SyncBatch -> MessageSync, ContactSync, HistoryImport, NumberLifecycle
 * -> Events (table, then EventsTopic).
 */
package dev.tandem.sync;

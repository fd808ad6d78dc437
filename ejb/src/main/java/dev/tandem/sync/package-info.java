/**
 * Sync: webhook intake (verify, split, enqueue, acknowledge), the consumers that land every event
 * exactly once, in order per conversation, and the reads legacy systems use.
 * Flow: WebhookIntake -> JMS queues (grouped per conversation) -> *Consumer (MDB) -> MessageSync,
 * ContactSync, NumberLifecycle -> EventsTopic.
 */
package dev.tandem.sync;

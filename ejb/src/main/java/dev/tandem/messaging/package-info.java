/**
 * Messaging: the outbound engine. Outbox (boundary: checks, idempotency, enqueue) -> OutboundQueue ->
 * OutboundConsumer (MDB) -> Dispatcher (governor, Cloud API client, outcome) -> sync records the
 * message so that Meta's statuses land on it.
 */
package dev.tandem.messaging;

/**
 * Messaging: sends through the Cloud API within Meta's rules. An outbound message is stored under an
 * idempotency key before anything is called, paced by the throughput governor, and ends accepted
 * (with Meta's wamid) or failed (with Meta's code).
 */
package dev.tandem.messaging;

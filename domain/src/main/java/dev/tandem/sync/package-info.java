/**
 * Sync: what arrives from Meta and lands exactly once. Contacts, conversations and their messages
 * (inbound, API, Business App echoes, history), message statuses and revisions, and the raw
 * webhook archive.
 */
package dev.tandem.sync;

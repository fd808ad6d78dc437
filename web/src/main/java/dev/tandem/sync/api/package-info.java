/** Meta's webhook endpoint (/webhooks/whatsapp/{appId}) and the sync reads of /api/v1. */
package dev.tandem.sync.api;

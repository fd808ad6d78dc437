/**
 * The media API: multipart upload with Meta's type and size limits (131053), metadata with a signed
 * short-lived download URL, the download itself (Bearer token), delete. Stored in memory, bounded.
 */
package dev.tandem.sandbox.media;

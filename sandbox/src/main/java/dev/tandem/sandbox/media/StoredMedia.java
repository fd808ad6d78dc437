package dev.tandem.sandbox.media;

import java.time.Instant;

/** An uploaded file: who uploaded it (number and WABA), its type, bytes and SHA-256 (hex), and when. */
public record StoredMedia(String id, String phoneNumberId, String wabaId, String mimeType, byte[] bytes, String sha256,
                          Instant uploadedAt) {
}

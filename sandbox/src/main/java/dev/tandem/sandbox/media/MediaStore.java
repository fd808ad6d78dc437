package dev.tandem.sandbox.media;

import dev.tandem.sandbox.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Uploaded media, in memory. Bounded: at most {@link #MAX_TOTAL_BYTES} in all; when an upload would
 * exceed it, the oldest uploads are forgotten first (their ids then answer like unknown ids). Media
 * expires after 30 days like Meta's. A sandbox restart forgets everything.
 */
@ApplicationScoped
public class MediaStore {

    static final long MAX_TOTAL_BYTES = 128L * 1024 * 1024;
    static final Duration LIFETIME = Duration.ofDays(30);

    /** A 1x1 PNG. */
    private static final byte[] PIXEL = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private final Map<String, StoredMedia> media = new LinkedHashMap<>();
    private long totalBytes;

    public StoredMedia put(String phoneNumberId, String wabaId, String mimeType, byte[] bytes, Instant now) {
        MediaLimits.check(mimeType, bytes);
        StoredMedia stored = new StoredMedia(Ids.decimal(16), phoneNumberId, wabaId, MediaLimits.baseType(mimeType), bytes,
                sha256(bytes), now);
        synchronized (this) {
            Iterator<StoredMedia> oldest = media.values().iterator();
            while (totalBytes + bytes.length > MAX_TOTAL_BYTES && oldest.hasNext()) {
                totalBytes -= oldest.next().bytes().length;
                oldest.remove();
            }
            media.put(stored.id(), stored);
            totalBytes += bytes.length;
        }
        return stored;
    }

    /**
     * Stands in for media a customer or the Business App sent, so its webhook id can be fetched and
     * downloaded like Meta's: a tiny file of a type Meta accepts for that message type.
     */
    public StoredMedia putPlaceholder(String phoneNumberId, String wabaId, String messageType, Instant now) {
        return switch (messageType) {
            case "image" -> put(phoneNumberId, wabaId, "image/png", PIXEL, now);
            case "document" -> put(phoneNumberId, wabaId, "application/pdf",
                    "%PDF-1.4\n% sandbox placeholder\n%%EOF\n".getBytes(StandardCharsets.US_ASCII), now);
            case "audio" -> put(phoneNumberId, wabaId, "audio/ogg", "OggS sandbox placeholder".getBytes(StandardCharsets.US_ASCII), now);
            case "video" -> put(phoneNumberId, wabaId, "video/mp4", "ftypmp42 sandbox placeholder".getBytes(StandardCharsets.US_ASCII), now);
            case "sticker" -> put(phoneNumberId, wabaId, "image/webp", "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII), now);
            default -> throw new IllegalArgumentException("not a media message type: " + messageType);
        };
    }

    /** The media if it exists and has not expired. */
    public synchronized Optional<StoredMedia> get(String id, Instant now) {
        StoredMedia stored = media.get(id);
        if (stored != null && now.isAfter(stored.uploadedAt().plus(LIFETIME))) {
            remove(id);
            return Optional.empty();
        }
        return Optional.ofNullable(stored);
    }

    public synchronized boolean remove(String id) {
        StoredMedia removed = media.remove(id);
        if (removed != null) {
            totalBytes -= removed.bytes().length;
        }
        return removed != null;
    }

    synchronized long totalBytes() {
        return totalBytes;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

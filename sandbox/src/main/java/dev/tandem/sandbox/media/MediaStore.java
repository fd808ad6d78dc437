package dev.tandem.sandbox.media;

import dev.tandem.sandbox.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
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

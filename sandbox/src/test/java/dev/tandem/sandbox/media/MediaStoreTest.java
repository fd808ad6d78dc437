package dev.tandem.sandbox.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MediaStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void storesBytesWithTheirSha256UntilDeletedOrExpired() {
        MediaStore store = new MediaStore();
        StoredMedia media = store.put("1", "2", "text/plain", "abc".getBytes(StandardCharsets.US_ASCII), NOW);
        assertTrue(media.id().matches("\\d{16}"));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", media.sha256());
        assertArrayEquals("abc".getBytes(StandardCharsets.US_ASCII), store.get(media.id(), NOW).orElseThrow().bytes());
        assertTrue(store.get(media.id(), NOW.plus(Duration.ofDays(31))).isEmpty(), "media lives 30 days");
        StoredMedia other = store.put("1", "2", "text/plain", new byte[] {1}, NOW);
        assertTrue(store.remove(other.id()));
        assertFalse(store.remove(other.id()));
        assertEquals(0, store.totalBytes());
    }

    @Test
    void theOldestUploadsGiveWayWhenTheStoreIsFull() {
        MediaStore store = new MediaStore();
        int size = 5 * 1024 * 1024;
        StoredMedia first = store.put("1", "2", "image/jpeg", new byte[size], NOW);
        long fits = MediaStore.MAX_TOTAL_BYTES / size;
        StoredMedia last = first;
        for (int i = 1; i <= fits; i++) {
            last = store.put("1", "2", "image/jpeg", new byte[size], NOW);
        }
        assertTrue(store.get(first.id(), NOW).isEmpty(), "the first upload was evicted");
        assertTrue(store.get(last.id(), NOW).isPresent());
        assertTrue(store.totalBytes() <= MediaStore.MAX_TOTAL_BYTES);
    }

    @Test
    void placeholdersForInboundMediaPassMetasOwnLimits() {
        MediaStore store = new MediaStore();
        for (String type : new String[] {"image", "document", "audio", "video", "sticker"}) {
            StoredMedia placeholder = store.putPlaceholder("1", "2", type, NOW);
            assertTrue(store.get(placeholder.id(), NOW).isPresent(), type);
        }
        assertEquals("image/png", store.putPlaceholder("1", "2", "image", NOW).mimeType());
    }

    @Test
    void downloadLinksAreSignedAndExpire() {
        MediaLinks links = new MediaLinks();
        String url = links.url(java.net.URI.create("http://127.0.0.1:8080/sandbox/"), "123", NOW);
        assertTrue(url.startsWith("http://127.0.0.1:8080/sandbox/lookaside/whatsapp_business/attachments?mid=123&ext="), url);
        String ext = url.replaceAll(".*ext=(\\d+).*", "$1");
        String hash = url.replaceAll(".*hash=([0-9a-f]+)$", "$1");
        assertTrue(links.valid("123", ext, hash, NOW));
        assertFalse(links.valid("124", ext, hash, NOW), "the hash binds the media id");
        assertFalse(links.valid("123", ext, hash, NOW.plus(Duration.ofMinutes(6))), "links live 5 minutes");
        assertFalse(new MediaLinks().valid("123", ext, hash, NOW), "another sandbox's key does not verify");
    }
}

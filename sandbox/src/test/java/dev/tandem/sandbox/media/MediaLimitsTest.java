package dev.tandem.sandbox.media;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tandem.sandbox.GraphException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MediaLimitsTest {

    private static final int MB = 1024 * 1024;

    @ParameterizedTest(name = "{0}: {1} bytes allowed, one more refused")
    @CsvSource({
            "image/jpeg, 5242880", "image/png, 5242880", "audio/ogg, 16777216", "audio/mpeg, 16777216",
            "video/mp4, 16777216", "video/3gpp, 16777216", "application/pdf, 104857600", "image/webp, 102400"})
    void eachTypeHasItsLimit(String type, int limit) {
        assertDoesNotThrow(() -> MediaLimits.check(type, new byte[limit]));
        GraphException over = assertThrows(GraphException.class, () -> MediaLimits.check(type, new byte[limit + 1]));
        assertEquals(131053, over.code());
        assertEquals(400, over.httpStatus());
    }

    @Test
    void anAnimatedStickerMayBe500Kilobytes() {
        byte[] animated = new byte[500 * 1024];
        System.arraycopy("RIFF\0\0\0\0WEBPVP8X".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, animated, 0, 16);
        animated[20] = 0x02;
        assertDoesNotThrow(() -> MediaLimits.check("image/webp", animated));
        assertEquals(131053, assertThrows(GraphException.class,
                () -> MediaLimits.check("image/webp", new byte[500 * 1024])).code(), "a static sticker of that size is too big");
    }

    @Test
    void unsupportedOrEmptyFilesAreRefused() {
        assertEquals(131053, assertThrows(GraphException.class, () -> MediaLimits.check("image/gif", new byte[10])).code());
        assertEquals(131053, assertThrows(GraphException.class, () -> MediaLimits.check("image/jpeg", new byte[0])).code());
        assertDoesNotThrow(() -> MediaLimits.check("audio/ogg; codecs=opus", new byte[MB]), "codec parameters are ignored");
    }
}

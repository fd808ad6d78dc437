package dev.tandem.sandbox.media;

import dev.tandem.sandbox.GraphException;
import java.util.Locale;
import java.util.Map;

/**
 * What the Cloud API accepts as media (spec 5.6): image jpeg/png up to 5 MB; audio aac/amr/mpeg/mp4/ogg
 * up to 16 MB; video mp4/3gpp up to 16 MB; documents up to 100 MB; stickers webp up to 100 KB static
 * or 500 KB animated. A refusal is Meta's 131053 (media upload error).
 */
public final class MediaLimits {

    static final long MB = 1024L * 1024;
    static final long STATIC_STICKER = 100 * 1024;
    static final long ANIMATED_STICKER = 500 * 1024;

    private static final Map<String, Long> MAX_BYTES = Map.ofEntries(
            Map.entry("image/jpeg", 5 * MB), Map.entry("image/png", 5 * MB),
            Map.entry("audio/aac", 16 * MB), Map.entry("audio/amr", 16 * MB), Map.entry("audio/mpeg", 16 * MB),
            Map.entry("audio/mp4", 16 * MB), Map.entry("audio/ogg", 16 * MB),
            Map.entry("video/mp4", 16 * MB), Map.entry("video/3gpp", 16 * MB),
            Map.entry("text/plain", 100 * MB), Map.entry("application/pdf", 100 * MB),
            Map.entry("application/msword", 100 * MB), Map.entry("application/vnd.ms-excel", 100 * MB),
            Map.entry("application/vnd.ms-powerpoint", 100 * MB),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", 100 * MB),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", 100 * MB),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", 100 * MB),
            Map.entry("image/webp", ANIMATED_STICKER));

    private MediaLimits() {
    }

    /** The MIME type without parameters ("audio/ogg; codecs=opus" is audio/ogg), lowercased. */
    public static String baseType(String mimeType) {
        int semicolon = mimeType.indexOf(';');
        return (semicolon < 0 ? mimeType : mimeType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** Refuses an unsupported type, an empty file, or one over its type's limit. */
    public static void check(String mimeType, byte[] bytes) {
        String type = baseType(mimeType);
        Long max = MAX_BYTES.get(type);
        if (max == null) {
            throw new GraphException(400, 131053, "Media upload error",
                    "Param file must be a file with one of the following types: " + String.join(", ",
                            new java.util.TreeSet<>(MAX_BYTES.keySet())) + ". Received file of type '" + type + "'.");
        }
        if (bytes.length == 0) {
            throw new GraphException(400, 131053, "Media upload error", "The uploaded file is empty.");
        }
        if ("image/webp".equals(type) && !animatedWebp(bytes)) {
            max = STATIC_STICKER;
        }
        if (bytes.length > max) {
            throw new GraphException(400, 131053, "Media upload error", "File of type " + type + " is " + bytes.length
                    + " bytes; the maximum is " + max + " bytes.");
        }
    }

    /** An animated WebP has a VP8X header chunk with the animation flag (bit 1) set. */
    static boolean animatedWebp(byte[] bytes) {
        return bytes.length > 20 && bytes[12] == 'V' && bytes[13] == 'P' && bytes[14] == '8' && bytes[15] == 'X'
                && (bytes[20] & 0x02) != 0;
    }
}

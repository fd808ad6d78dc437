package dev.tandem.sandbox.media;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Download URLs like Meta's lookaside links: short-lived (5 minutes) and signed, so a URL cannot be
 * made up or reused after it expired; the download still needs the Bearer token.
 */
@ApplicationScoped
public class MediaLinks {

    static final Duration VALIDITY = Duration.ofMinutes(5);
    static final String PATH = "lookaside/whatsapp_business/attachments";

    private final byte[] key = new byte[32];

    public MediaLinks() {
        new SecureRandom().nextBytes(key);
    }

    /** The download URL for a media id, under the sandbox's base URI. */
    public String url(URI sandboxBase, String mediaId, Instant now) {
        long expires = now.plus(VALIDITY).getEpochSecond();
        return sandboxBase.resolve(PATH).toString() + "?mid=" + mediaId + "&ext=" + expires + "&hash=" + hash(mediaId, expires);
    }

    /** Whether the link was made here for this media id and has not expired. */
    public boolean valid(String mediaId, String ext, String hash, Instant now) {
        if (mediaId == null || ext == null || hash == null || !ext.matches("\\d{1,12}")) {
            return false;
        }
        long expires = Long.parseLong(ext);
        return now.getEpochSecond() <= expires && MessageDigest.isEqual(
                hash(mediaId, expires).getBytes(StandardCharsets.US_ASCII), hash.getBytes(StandardCharsets.US_ASCII));
    }

    private String hash(String mediaId, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((mediaId + ":" + expires).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}

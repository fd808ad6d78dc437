package dev.tandem.sync;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta's X-Hub-Signature-256: "sha256=" + lowercase hex HMAC-SHA256 of the raw body bytes, keyed
 * with the app secret. Always over the bytes as received, never over re-serialised JSON (Meta signs
 * its \\uXXXX-escaped text); compared in constant time.
 */
public final class SignatureVerifier {

    static final String PREFIX = "sha256=";

    private SignatureVerifier() {
    }

    public static boolean matches(String appSecret, byte[] rawBody, String signatureHeader) {
        if (appSecret == null || rawBody == null || signatureHeader == null || !signatureHeader.startsWith(PREFIX)) {
            return false;
        }
        byte[] presented;
        try {
            presented = HexFormat.of().parseHex(signatureHeader.substring(PREFIX.length()).strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmac(appSecret, rawBody), presented);
    }

    /** The header value Meta would send for this body; used by the sandbox and by tests. */
    public static String sign(String appSecret, byte[] rawBody) {
        return PREFIX + HexFormat.of().formatHex(hmac(appSecret, rawBody));
    }

    private static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}

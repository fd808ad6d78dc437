package dev.tandem.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignatureVerifierTest {

    private static final byte[] BODY = "{\"text\":\"Gr\\u00fc\\u00df\"}".getBytes(StandardCharsets.US_ASCII);

    @Test
    void acceptsMetasSignatureOverTheRawBytes() {
        // HMAC-SHA256("app-secret", BODY) computed outside Java (Python's hmac module).
        String expected = "sha256=9b463259cf545a8fdf68bd2494f15018e47d91f9d8e15eb17c1433bc1e3a984a";
        assertEquals(expected, SignatureVerifier.sign("app-secret", BODY));
        assertTrue(SignatureVerifier.matches("app-secret", BODY, expected));
        assertTrue(SignatureVerifier.matches("app-secret", BODY, expected.toUpperCase().replace("SHA256=", "sha256=")),
                "hex case does not matter");
    }

    @Test
    void theSignatureCoversTheEscapedBytesNotTheDecodedText() {
        byte[] decoded = "{\"text\":\"Grüß\"}".getBytes(StandardCharsets.UTF_8);
        assertFalse(SignatureVerifier.matches("app-secret", decoded, SignatureVerifier.sign("app-secret", BODY)));
    }

    @Test
    void refusesMissingMalformedOrForeignSignatures() {
        String good = SignatureVerifier.sign("app-secret", BODY);
        assertFalse(SignatureVerifier.matches("app-secret", BODY, null));
        assertFalse(SignatureVerifier.matches("app-secret", BODY, ""));
        assertFalse(SignatureVerifier.matches("app-secret", BODY, good.substring(7)), "the sha256= prefix is required");
        assertFalse(SignatureVerifier.matches("app-secret", BODY, "sha256=zz"));
        assertFalse(SignatureVerifier.matches("other-secret", BODY, good));
        assertFalse(SignatureVerifier.matches(null, BODY, good), "an unknown app has no secret");
        byte[] tampered = BODY.clone();
        tampered[3] ^= 1;
        assertFalse(SignatureVerifier.matches("app-secret", tampered, good));
    }

    @Test
    void matchesAKnownVector() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        assertEquals("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                SignatureVerifier.sign("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)));
    }
}

package dev.tandem.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MetaJsonTest {

    @Test
    void nonAsciiIsEscapedLikeMetaDoesSoTheBodyIsPureAscii() {
        String escaped = MetaJson.escapeNonAscii("{\"body\":\"Grüß 👋\"}");
        assertEquals("{\"body\":\"Gr\\u00fc\\u00df \\ud83d\\udc4b\"}", escaped);
        byte[] bytes = escaped.getBytes(StandardCharsets.US_ASCII);
        assertEquals(escaped, new String(bytes, StandardCharsets.UTF_8));
    }

    @Test
    void webhooksAreSignedOverTheExactBytes() {
        // RFC 4231 test case 2
        assertEquals("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                WebhookSender.sign("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void wamidsLookLikeMetas() {
        String wamid = Ids.wamid("16505551234");
        assertTrue(wamid.startsWith("wamid.HBgL"), wamid);
        assertTrue(wamid.length() > 40);
    }
}

package dev.tandem.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.domain.InvalidValueException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class OutboundDraftTest {

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text.replace('\'', '"')))) {
            return reader.readObject();
        }
    }

    @Test
    void aDraftBecomesMetasSendBody() {
        OutboundDraft draft = new OutboundDraft("+49 (151) 234-5678", "text", json("{'body':'hi'}"));
        assertEquals("491512345678", draft.to());
        assertFalse(draft.isTemplate());
        JsonObject body = draft.graphBody();
        assertEquals("whatsapp", body.getString("messaging_product"));
        assertEquals("+491512345678", body.getString("to"));
        assertEquals("hi", body.getJsonObject("text").getString("body"));
    }

    @Test
    void eachProblemNamesItsField() {
        assertEquals("to", field(() -> new OutboundDraft(" ", "text", json("{'body':'x'}"))));
        assertEquals("to", field(() -> new OutboundDraft("0151", "text", json("{'body':'x'}"))));
        assertEquals("type", field(() -> new OutboundDraft("491512345678", "fax", json("{}"))));
        assertEquals("text", field(() -> new OutboundDraft("491512345678", "text", null)));
        assertEquals("text.body", field(() -> new OutboundDraft("491512345678", "text", json("{'body':' '}"))));
        assertEquals("template.name", field(() -> new OutboundDraft("491512345678", "template", json("{}"))));
        assertEquals("template.language.code", field(() -> new OutboundDraft("491512345678", "template",
                json("{'name':'a'}"))));
        assertTrue(new OutboundDraft("491512345678", "template", json("{'name':'a','language':{'code':'en'}}")).isTemplate());
    }

    @Test
    void rateBucketsRefillAndRefuseWhenEmpty() {
        RateBucket bucket = RateBucket.full(2, 0);
        bucket = bucket.take(2, 20, 0);
        bucket = bucket.take(2, 20, 0);
        assertNull(bucket.take(2, 20, 0), "two tokens, then none");
        assertEquals(50, bucket.millisUntilToken(2, 20, 0), "20 per second: one every 50 ms");
        assertTrue(bucket.take(2, 20, 50) != null);
    }

    private static String field(Runnable draft) {
        return assertThrows(InvalidValueException.class, draft::run).field();
    }
}

package dev.tandem.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventShapeTest {

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text.replace('\'', '"')))) {
            return reader.readObject();
        }
    }

    private static SyncEvent event(EventKind kind, String item) {
        return new SyncEvent(kind, "messages", "1", "2", "3", UUID.randomUUID(), Instant.EPOCH, "3:x", json(item), null);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "MESSAGE       | {'id':'wamid.A','from':'4915112345678','type':'text'}",
            "ECHO          | {'id':'wamid.A','to':'4915112345678','to_user_id':'US.13491208655302741918'}",
            "STATUS        | {'id':'wamid.A','status':'read','recipient_id':'4915112345678'}",
            "CONTACT       | {'contact':{'phone_number':'4915112345678','full_name':'A'}}",
            "HISTORY       | {'threads':[{'id':'4915112345678','messages':[{'id':'wamid.A'}]}]}",
            "HISTORY_MEDIA | {'id':'wamid.A','from':'4915112345678'}",
            "ACCOUNT       | {'event':'PARTNER_REMOVED'}"})
    void realEventsFit(EventKind kind, String item) {
        assertNull(EventShape.problem(event(kind, item)));
    }

    @Test
    void aWamidLongerThanItsColumnIsNamed() {
        assertEquals("'id' longer than 200 characters",
                EventShape.problem(event(EventKind.STATUS, "{'id':'" + "w".repeat(201) + "','status':'read'}")));
    }

    @Test
    void aSenderThatIsNoPhoneNumberIsNamed() {
        assertEquals("'from' longer than 20 characters",
                EventShape.problem(event(EventKind.MESSAGE, "{'id':'wamid.A','from':'491511234567849151123456'}")));
    }

    @Test
    void aHistoryThreadWithAnImpossibleIdIsNamed() {
        assertEquals("thread 'id' longer than 20 characters",
                EventShape.problem(event(EventKind.HISTORY, "{'threads':[{'id':'" + "4".repeat(21) + "','messages':[]}]}")));
    }

    @Test
    void controlCharactersInAnIdAreNamed() {
        assertEquals("'id' holds control characters",
                EventShape.problem(event(EventKind.ECHO, "{'id':'wamid.\\u0000A','to':'4915112345678'}")));
    }

    @Test
    void aNulInAnyLookupKeyIsNamedWhereverItSits() {
        String nul = "\\u0000"; // JSON escape: PostgreSQL refuses U+0000 even as a query parameter
        assertEquals("an identifier holds a NUL character", EventShape.problem(event(EventKind.MESSAGE,
                "{'id':'wamid.A','from':'4915112345678','context':{'id':'wamid." + nul + "'}}")));
        assertEquals("an identifier holds a NUL character", EventShape.problem(event(EventKind.TEMPLATE,
                "{'message_template_name':'order" + nul + "','message_template_language':'en'}")));
        assertEquals("an identifier holds a NUL character", EventShape.problem(new SyncEvent(EventKind.OTHER, "x", "1",
                "2\u0000", "3", UUID.randomUUID(), Instant.EPOCH, "g", json("{}"), null)));
    }

    @Test
    void aNulInFreeTextIsLeftToTheEntities() {
        assertNull(EventShape.problem(event(EventKind.MESSAGE,
                "{'id':'wamid.A','from':'4915112345678','type':'text','text':{'body':'a\\u0000b'}}")));
    }
}

package dev.tandem.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetaObjectsTest {

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text.replace('\'', '"')))) {
            return reader.readObject();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "text        | {'type':'text','text':{'body':'hi'}}                                                      | hi           |",
            "image       | {'type':'image','image':{'caption':'c','mime_type':'image/jpeg','id':'m1'}}            | c            | m1",
            "audio       | {'type':'audio','audio':{'mime_type':'audio/ogg','id':'m2','voice':true}}              |              | m2",
            "video       | {'type':'video','video':{'id':'m3'}}                                                     |              | m3",
            "document    | {'type':'document','document':{'caption':'invoice','filename':'a.pdf','id':'m4'}}      | invoice      | m4",
            "sticker     | {'type':'sticker','sticker':{'mime_type':'image/webp','id':'m5','animated':false}}     |              | m5",
            "location    | {'type':'location','location':{'latitude':1.5,'longitude':2,'name':'Cafe','address':'Main St'}} | Cafe, Main St |",
            "contacts    | {'type':'contacts','contacts':[{'name':{'formatted_name':'A'}}]}                        |              |",
            "button reply| {'type':'interactive','interactive':{'type':'button_reply','button_reply':{'id':'b','title':'Change'}}} | Change |",
            "list reply  | {'type':'interactive','interactive':{'type':'list_reply','list_reply':{'id':'l','title':'Express'}}}   | Express |",
            "button      | {'type':'button','button':{'payload':'STOP','text':'Stop promotions'}}                | Stop promotions |",
            "reaction    | {'type':'reaction','reaction':{'message_id':'wamid.X','emoji':'👍'}}                   | 👍           |",
            "order       | {'type':'order','order':{'catalog_id':'c','text':'two please','product_items':[]}}     | two please   |",
            "system      | {'type':'system','system':{'body':'changed number','type':'customer_changed_number'}}  | changed number |",
            "unsupported | {'type':'unsupported','unsupported':{'type':'poll'},'errors':[{'code':131051}]}        |              |",
            "no type     | {'id':'wamid.X'}                                                                          |              |",
            "future type | {'type':'poll','poll':{'question':'?'}}                                                   |              |"})
    void everyInboundTypeIsReadAndKeptRaw(String name, String message, String text, String mediaId) {
        JsonObject object = json(message);
        MessageContent content = MetaObjects.content(object);
        String type = object.containsKey("type") ? object.getString("type") : "unsupported";
        assertEquals(type.equals("poll") ? "unsupported" : type, content.type(), "unknown types are stored as unsupported");
        assertEquals(text, content.text());
        assertEquals(mediaId, content.mediaId());
        assertEquals(object, json(content.payload()), "the raw object is kept whole");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{'timestamp':'1749416383'} | 2025-06-08T20:59:43Z",
            "{'timestamp':1749416383}   | 2025-06-08T20:59:43Z",
            "{'timestamp':'soon'}       | 2026-01-01T00:00:00Z",
            "{'timestamp':'9223372036854775807'} | 2026-01-01T00:00:00Z",
            "{'timestamp':'253402300800'}        | 2026-01-01T00:00:00Z",
            "{'timestamp':-1}                    | 2026-01-01T00:00:00Z",
            "{}                         | 2026-01-01T00:00:00Z"})
    void timestampsAreUnixSecondsWithAFallback(String object, String expected) {
        assertEquals(Instant.parse(expected), MetaObjects.timestamp(json(object), Instant.parse("2026-01-01T00:00:00Z")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{'errors':[{'code':131047,'title':'Re-engagement message','error_data':{'details':'24 hours'}}]} | 131047 | Re-engagement message | 24 hours",
            "{'errors':[{'code':'x','message':'only a message'}]}                                           |        | only a message        |",
            "{}                                                                                                |        |                       |"})
    void errorsKeepMetasCodeTitleAndDetails(String object, Integer code, String title, String details) {
        MetaObjects.MetaError error = MetaObjects.error(json(object));
        assertEquals(code, error.code());
        assertEquals(title, error.title());
        assertEquals(details, error.details());
    }

    @org.junit.jupiter.api.Test
    void aTypeWithoutTextHasNoText() {
        assertNull(MetaObjects.content(json("{'type':'request_welcome'}")).text());
    }
}

package dev.tandem.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutboundRequestTest {

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text.replace('\'', '"')))) {
            return reader.readObject();
        }
    }

    @Test
    void aTextSendNormalisesTheRecipient() {
        OutboundRequest request = OutboundRequest.parse(json(
                "{'messaging_product':'whatsapp','to':'+1 (650) 555-1234','type':'text','text':{'body':'hi'}}"));
        assertEquals("16505551234", request.to());
        assertEquals("text", request.type());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no product         | {'to':'1650555','type':'text','text':{'body':'x'}}                                     | 100",
            "no recipient       | {'messaging_product':'whatsapp','type':'text','text':{'body':'x'}}                    | 131008",
            "bad recipient      | {'messaging_product':'whatsapp','to':'abc','type':'text','text':{'body':'x'}}         | 100",
            "group              | {'messaging_product':'whatsapp','recipient_type':'group','to':'1650555','text':{'body':'x'}} | 100",
            "unknown type       | {'messaging_product':'whatsapp','to':'1650555','type':'poll','poll':{}}               | 131051",
            "no text body       | {'messaging_product':'whatsapp','to':'1650555','type':'text','text':{}}               | 131008",
            "no content         | {'messaging_product':'whatsapp','to':'1650555','type':'image'}                        | 131008",
            "media id and link  | {'messaging_product':'whatsapp','to':'1650555','type':'image','image':{'id':'1','link':'https://x'}} | 100",
            "media neither      | {'messaging_product':'whatsapp','to':'1650555','type':'document','document':{'caption':'c'}} | 100",
            "reaction target    | {'messaging_product':'whatsapp','to':'1650555','type':'reaction','reaction':{'emoji':'x'}} | 131008",
            "four buttons       | {'messaging_product':'whatsapp','to':'1650555','type':'interactive','interactive':{'type':'button','body':{'text':'t'},'action':{'buttons':[{},{},{},{}]}}} | 100",
            "template name      | {'messaging_product':'whatsapp','to':'1650555','type':'template','template':{'language':{'code':'en'}}} | 131008",
            "template language  | {'messaging_product':'whatsapp','to':'1650555','type':'template','template':{'name':'a'}}                 | 131008"})
    void invalidSendsFailWithMetasCode(String name, String body, int code) {
        GraphException e = assertThrows(GraphException.class, () -> OutboundRequest.parse(json(body)));
        assertEquals(code, e.code(), e.getMessage());
        assertTrue(e.getMessage().startsWith("(#" + code + ") "), "Meta embeds the code in the message");
    }

    @Test
    void textLongerThan4096CharactersIsRefused() {
        String body = "{\"messaging_product\":\"whatsapp\",\"to\":\"1650555\",\"text\":{\"body\":\"" + "x".repeat(4097) + "\"}}";
        assertEquals(100, assertThrows(GraphException.class, () -> OutboundRequest.parse(json(body))).code());
    }

    @Test
    void templatesCountTheirBodyParameters() {
        OutboundRequest request = OutboundRequest.parse(json("{'messaging_product':'whatsapp','to':'1650555','type':'template',"
                + "'template':{'name':'order_update','language':{'code':'en_US'},'components':[{'type':'header','parameters':[{}]},"
                + "{'type':'body','parameters':[{'type':'text','text':'a'},{'type':'text','text':'b'}]}]}}"));
        assertTrue(request.template());
        assertEquals(2, request.templateBodyParameters());
        assertEquals(java.util.Arrays.asList(null, null), request.templateParameters(), "positional parameters have no names");
        assertEquals("en_US", request.templateLanguage());
    }

    @Test
    void namedTemplateParametersKeepTheirNames() {
        OutboundRequest request = OutboundRequest.parse(json("{'messaging_product':'whatsapp','to':'1650555','type':'template',"
                + "'template':{'name':'order_update','language':{'code':'en_US'},'components':[{'type':'body','parameters':["
                + "{'type':'text','parameter_name':'first_name','text':'Pablo'},{'type':'text','parameter_name':'order','text':'1'}]}]}}"));
        assertEquals(java.util.List.of("first_name", "order"), request.templateParameters());
    }

    @Test
    void aMediaSendByIdRemembersTheId() {
        OutboundRequest byId = OutboundRequest.parse(json(
                "{'messaging_product':'whatsapp','to':'1650555','type':'image','image':{'id':'1479537139650973'}}"));
        assertEquals("1479537139650973", byId.mediaId());
        OutboundRequest byLink = OutboundRequest.parse(json(
                "{'messaging_product':'whatsapp','to':'1650555','type':'image','image':{'link':'https://example.com/a.jpg'}}"));
        assertEquals(null, byLink.mediaId());
    }
}

package dev.tandem.sandbox.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.sandbox.GraphException;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateContentTest {

    static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text.replace('\'', '"')))) {
            return reader.readValue();
        }
    }

    @Test
    void metasOwnExampleIsValidAndTakesTwoBodyParameters() {
        TemplateContent content = TemplateContent.parse(json("[{'type':'HEADER','format':'TEXT','text':'Order {{1}}',"
                + "'example':{'header_text':['#860198']}},"
                + "{'type':'BODY','text':'Hi {{1}}! Your order number is {{2}}. Thank you.','example':{'body_text':[['Pablo','860198-230332']]}},"
                + "{'type':'FOOTER','text':'Lucky Shrub'},"
                + "{'type':'BUTTONS','buttons':[{'type':'QUICK_REPLY','text':'Stop promotions'},"
                + "{'type':'URL','text':'Track','url':'https://example.com/order/{{1}}','example':['https://example.com/order/123']},"
                + "{'type':'PHONE_NUMBER','text':'Call us','phone_number':'+15550783881'}]}]"), null);
        assertFalse(content.named());
        assertEquals(List.of("1", "2"), content.bodyParameters(), "the header's variable is not a body parameter");
        assertFalse(content.adjacentVariables());
    }

    @Test
    void namedParametersAreCountedByName() {
        TemplateContent content = TemplateContent.parse(json("[{'type':'body','text':'Hi {{first_name}}, order {{order_id}} shipped.',"
                + "'example':{'body_text_named_params':[{'param_name':'first_name','example':'Pablo'},"
                + "{'param_name':'order_id','example':'42'}]}}]"), "named");
        assertTrue(content.named());
        assertEquals(List.of("first_name", "order_id"), content.bodyParameters());
    }

    @Test
    void adjacentVariablesAreAcceptedButMarkedForRejection() {
        TemplateContent content = TemplateContent.parse(json("[{'type':'BODY','text':'Hi {{1}} {{2}} bye',"
                + "'example':{'body_text':[['a','b']]}}]"), "positional");
        assertTrue(content.adjacentVariables());
        assertFalse(TemplateContent.parse(json("[{'type':'BODY','text':'Hi {{1}}, {{2}} bye',"
                + "'example':{'body_text':[['a','b']]}}]"), null).adjacentVariables(), "punctuation separates them");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no components          | []                                                                                    | 100 |",
            "no body                | [{'type':'FOOTER','text':'x'}]                                                        | 100 |",
            "missing example        | [{'type':'BODY','text':'Hi {{1}} there'}]                                             | 100 |",
            "too few examples       | [{'type':'BODY','text':'Hi {{1}} and {{2}}','example':{'body_text':[['a']]}}]         | 100 |",
            "gap in numbering       | [{'type':'BODY','text':'Hi {{1}} and {{3}}','example':{'body_text':[['a','b']]}}]     | 100 |",
            "named in positional    | [{'type':'BODY','text':'Hi {{name}} there','example':{'body_text':[['a']]}}]          | 100 |",
            "body too long          | [{'type':'BODY','text':'BODY_1025'}]                                                  | 100 | 2388040",
            "header too long        | [{'type':'HEADER','format':'TEXT','text':'HEADER_61'},{'type':'BODY','text':'x'}]      | 100 | 2388040",
            "two header variables   | [{'type':'HEADER','format':'TEXT','text':'{{1}} and {{2}}','example':{'header_text':['a','b']}},{'type':'BODY','text':'x'}] | 100 |",
            "footer variable        | [{'type':'BODY','text':'x'},{'type':'FOOTER','text':'Bye {{1}}'}]                     | 100 |",
            "image without handle   | [{'type':'HEADER','format':'IMAGE'},{'type':'BODY','text':'x'}]                       | 100 |",
            "unknown component      | [{'type':'BODY','text':'x'},{'type':'CAROUSEL'}]                                      | 100 |",
            "two bodies             | [{'type':'BODY','text':'x'},{'type':'BODY','text':'y'}]                               | 100 |",
            "three url buttons      | [{'type':'BODY','text':'x'},{'type':'BUTTONS','buttons':[{'type':'URL','text':'a','url':'https://a'},{'type':'URL','text':'b','url':'https://b'},{'type':'URL','text':'c','url':'https://c'}]}] | 100 |",
            "two phone buttons      | [{'type':'BODY','text':'x'},{'type':'BUTTONS','buttons':[{'type':'PHONE_NUMBER','text':'a','phone_number':'+1'},{'type':'PHONE_NUMBER','text':'b','phone_number':'+2'}]}] | 100 |",
            "button text too long   | [{'type':'BODY','text':'x'},{'type':'BUTTONS','buttons':[{'type':'QUICK_REPLY','text':'abcdefghijklmnopqrstuvwxyz'}]}] | 100 | 2388040",
            "eleven buttons         | [{'type':'BODY','text':'x'},{'type':'BUTTONS','buttons':ELEVEN}]                      | 100 |"})
    void invalidComponentsAreRefusedWithMetasCode(String name, String components, int code, Integer subcode) {
        String text = components.replace("BODY_1025", "x".repeat(1025)).replace("HEADER_61", "h".repeat(61))
                .replace("ELEVEN", "[" + String.join(",", java.util.Collections.nCopies(11, "{'type':'QUICK_REPLY','text':'q'}")) + "]");
        GraphException e = assertThrows(GraphException.class, () -> TemplateContent.parse(json(text), null));
        assertEquals(code, e.code(), e.details());
        assertEquals(subcode, e.subcode(), e.details());
    }

    @Test
    void everyNamedParameterNeedsAnExampleAndAUniqueName() {
        assertThrows(GraphException.class, () -> TemplateContent.parse(json("[{'type':'BODY','text':'Hi {{first_name}} {{x}}.',"
                + "'example':{'body_text_named_params':[{'param_name':'first_name','example':'Pablo'}]}}]"), "named"));
        assertThrows(GraphException.class, () -> TemplateContent.parse(json("[{'type':'BODY','text':'Hi {{a}} and {{a}}.',"
                + "'example':{'body_text_named_params':[{'param_name':'a','example':'A'}]}}]"), "named"));
        assertThrows(GraphException.class, () -> TemplateContent.parse(json("[{'type':'BODY','text':'x'}]"), "fancy"));
    }

    @Test
    void bodyOfExactly1024CharactersIsAllowed() {
        String text = "[{'type':'BODY','text':'" + "x".repeat(1024) + "'}]";
        assertEquals(List.of(), TemplateContent.parse(json(text), null).bodyParameters());
    }
}

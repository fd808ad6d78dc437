package dev.tandem.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.domain.InvalidValueException;
import dev.tandem.domain.JsonDocuments;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MessageTemplateTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private static MessageTemplate template(String status, String format, String header, String body) {
        return MessageTemplate.fromMeta(UUID.randomUUID(), JsonDocuments.parse("""
                {"id":"1259544702043867","name":"order_confirmation","language":"en_US","status":"%s","category":"UTILITY",
                 "parameter_format":"%s","components":[
                   {"type":"HEADER","format":"TEXT","text":"%s"},
                   {"type":"BODY","text":"%s"},
                   {"type":"FOOTER","text":"Lucky Shrub"},
                   {"type":"BUTTONS","buttons":[{"type":"URL","text":"Track","url":"https://example.com/{{1}}"}]}]}
                """.formatted(status, format, header, body)), NOW);
    }

    private static JsonObject send(String components) {
        return JsonDocuments.parse("{\"name\":\"order_confirmation\",\"language\":{\"code\":\"en_US\"},\"components\":"
                + components + "}");
    }

    @Test
    void readsPositionalAndNamedVariablesFromHeaderAndBody() {
        assertEquals(List.of("1"), template("APPROVED", "positional", "Order {{1}}", "Hi {{1}}!").shape().header());
        assertEquals(List.of("1", "2"), template("APPROVED", "positional", "Hi", "Hi {{1}}, order {{2}}.").shape().body());
        TemplateShape named = template("APPROVED", "named", "Hi", "Hi {{first_name}}, order {{ order_id }}.").shape();
        assertTrue(named.named());
        assertEquals(List.of("first_name", "order_id"), named.body());
    }

    @Test
    void anApprovedTemplateWithEveryParameterMayBeSent() {
        MessageTemplate t = template("APPROVED", "positional", "Order {{1}}", "Hi {{1}}, order {{2}}.");
        assertTrue(t.refusalFor(send("""
                [{"type":"header","parameters":[{"type":"text","text":"#860198"}]},
                 {"type":"body","parameters":[{"type":"text","text":"Pablo"},{"type":"text","text":"860198"}]}]
                """)).isEmpty());
    }

    @Test
    void onlyApprovedTemplatesMayBeSent() {
        for (String status : List.of("PENDING", "REJECTED", "PAUSED", "DISABLED")) {
            var refusal = template(status, "positional", "Hi", "Hi").refusalFor(send("[]"));
            assertEquals("template-not-approved", refusal.orElseThrow().reason());
            assertTrue(refusal.get().detail().contains(status), refusal.get().detail());
        }
    }

    @Test
    void aMissingOrExtraParameterIsRefusedNamingTheComponent() {
        MessageTemplate t = template("APPROVED", "positional", "Order {{1}}", "Hi {{1}}, order {{2}}.");
        var missing = t.refusalFor(send("""
                [{"type":"header","parameters":[{"type":"text","text":"#1"}]},
                 {"type":"body","parameters":[{"type":"text","text":"Pablo"}]}]"""));
        assertEquals("template-parameters", missing.orElseThrow().reason());
        assertTrue(missing.get().detail().contains("the body takes 2 parameter(s), 1 given"), missing.get().detail());
        var noHeader = t.refusalFor(send("""
                [{"type":"body","parameters":[{"type":"text","text":"a"},{"type":"text","text":"b"}]}]"""));
        assertTrue(noHeader.orElseThrow().detail().contains("the header takes 1"), noHeader.get().detail());
    }

    @Test
    void namedTemplatesNeedTheirParameterNames() {
        MessageTemplate t = template("APPROVED", "named", "Hi", "Hi {{first_name}}");
        assertTrue(t.refusalFor(send("""
                [{"type":"body","parameters":[{"type":"text","parameter_name":"first_name","text":"Ana"}]}]""")).isEmpty());
        assertEquals("template-parameters", t.refusalFor(send("""
                [{"type":"body","parameters":[{"type":"text","text":"Ana"}]}]""")).orElseThrow().reason());
    }

    @Test
    void statusWebhooksMoveTheTemplateAndKeepTheReason() {
        MessageTemplate t = template("PENDING", "positional", "Hi", "Hi");
        assertTrue(t.changeStatus("rejected", "INVALID_FORMAT", NOW));
        assertEquals("REJECTED", t.status());
        assertEquals("INVALID_FORMAT", t.statusReason());
        assertTrue(!t.changeStatus("REJECTED", "INVALID_FORMAT", NOW), "the same status twice changes nothing");
    }

    @Test
    void aTemplateWithoutNameIsInvalid() {
        assertThrows(InvalidValueException.class, () -> MessageTemplate.fromMeta(UUID.randomUUID(),
                JsonDocuments.parse("{\"language\":\"en\"}"), NOW));
    }
}

package dev.tandem.sandbox.templates;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tandem.sandbox.GraphException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageTemplateTest {

    private final MessageTemplate positional = template(MessageTemplate.positionalBody(2));
    private final MessageTemplate named = template(MessageTemplate.namedBody(List.of("first_name", "order_id")));

    private static MessageTemplate template(TemplateContent content) {
        return new MessageTemplate("1", "2", "order_update", "en_US", "utility", content, "APPROVED", null, Instant.now());
    }

    private static int code(Runnable send) {
        return assertThrows(GraphException.class, send::run).code();
    }

    @Test
    void onlyApprovedTemplatesCanBeSent() {
        List<String> two = Arrays.asList(null, null);
        assertDoesNotThrow(() -> positional.checkSend(two));
        assertEquals(132001, code(() -> positional.withStatus("PENDING", null).checkSend(two)));
        assertEquals(132001, code(() -> positional.withStatus("REJECTED", "INVALID_FORMAT").checkSend(two)));
        assertEquals(132015, code(() -> positional.withStatus("PAUSED", null).checkSend(two)));
        assertEquals(132016, code(() -> positional.withStatus("DISABLED", null).checkSend(two)));
    }

    @Test
    void theParameterCountComesFromTheComponents() {
        assertEquals(List.of("1", "2"), positional.content().bodyParameters());
        assertEquals(132000, code(() -> positional.checkSend(Arrays.asList((String) null))));
        assertEquals(132000, code(() -> positional.checkSend(Arrays.asList(null, null, null))));
        assertDoesNotThrow(() -> named.checkSend(List.of("order_id", "first_name")), "named parameters may come in any order");
        assertEquals(132000, code(() -> named.checkSend(List.of("first_name"))));
        assertEquals(132000, code(() -> named.checkSend(List.of("first_name", "surname"))));
    }

    @Test
    void parametersOfTheOtherFormatAreAFormatMismatch() {
        assertEquals(132012, code(() -> positional.checkSend(List.of("first_name", "order_id"))));
        assertEquals(132012, code(() -> named.checkSend(Arrays.asList(null, null))));
        assertEquals(132012, code(() -> named.checkSend(Arrays.asList("first_name", null))));
    }

    @Test
    void namesLanguagesAndCategoriesFollowMetasRules() {
        assertEquals("UTILITY", positional.category());
        TemplateContent body = MessageTemplate.positionalBody(0);
        assertEquals(100, code(() -> new MessageTemplate("1", "2", "Order-Update", "en", "UTILITY", body, "PENDING", null, null)));
        assertEquals(100, code(() -> new MessageTemplate("1", "2", "x".repeat(513), "en", "UTILITY", body, "PENDING", null, null)));
        assertEquals(100, code(() -> new MessageTemplate("1", "2", "x", "english", "UTILITY", body, "PENDING", null, null)));
        assertEquals(100, code(() -> new MessageTemplate("1", "2", "x", "en", "PROMOTION", body, "PENDING", null, null)));
        assertEquals(100, code(() -> new MessageTemplate("1", "2", "x", "en", null, body, "PENDING", null, null)));
        assertEquals(100, code(() -> positional.withStatus("SHINY", null)));
    }
}

package dev.tandem.sandbox.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.sandbox.GraphException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplatesTest {

    private final Templates templates = new Templates();

    @Test
    void deletingByNameRemovesEveryLanguageAndByHsmIdOnlyOne() {
        MessageTemplate english = templates.put("waba", "welcome", "en", "UTILITY", MessageTemplate.positionalBody(1), null);
        templates.put("waba", "welcome", "de", "UTILITY", MessageTemplate.positionalBody(1), null);
        templates.put("waba", "welcome", "pt_BR", "UTILITY", MessageTemplate.positionalBody(1), null);
        templates.put("other", "welcome", "en", "UTILITY", MessageTemplate.positionalBody(1), null);

        assertEquals(1, templates.delete("waba", "welcome", english.id()));
        assertEquals(List.of("de", "pt_BR"), templates.of("waba").stream().map(MessageTemplate::language).toList());
        assertEquals(2, templates.delete("waba", "welcome", null));
        assertTrue(templates.of("waba").isEmpty());
        assertEquals(1, templates.of("other").size(), "another WABA's template of the same name stays");
        assertEquals(100, assertThrows(GraphException.class, () -> templates.delete("waba", "welcome", null)).code());
    }

    @Test
    void sendsFindOnlyTheirWabasTemplateInTheirLanguage() {
        templates.put("waba", "welcome", "en", "UTILITY", MessageTemplate.positionalBody(2), null);
        assertEquals(List.of("1", "2"), templates.forSend("waba", "welcome", "en").content().bodyParameters());
        assertEquals(132001, assertThrows(GraphException.class, () -> templates.forSend("waba", "welcome", "de")).code());
        assertEquals(132001, assertThrows(GraphException.class, () -> templates.forSend("other", "welcome", "en")).code());
    }

    @Test
    void theWorldReplacesATemplateKeepingItsId() {
        MessageTemplate first = templates.put("waba", "welcome", "en", "UTILITY", MessageTemplate.positionalBody(1), null);
        MessageTemplate second = templates.put("waba", "welcome", "en", "MARKETING", MessageTemplate.positionalBody(3), "PAUSED");
        assertEquals(first.id(), second.id());
        assertEquals(1, templates.of("waba").size());
        assertEquals("PAUSED", templates.byId(first.id()).orElseThrow().status());
    }

    @Test
    void aTemplateInReviewCannotBeEditedAndAnEditGoesBackToReview() {
        MessageTemplate pending = templates.put("waba", "welcome", "en", "UTILITY", MessageTemplate.positionalBody(1), "PENDING");
        GraphException inReview = assertThrows(GraphException.class,
                () -> templates.edit(pending.id(), null, MessageTemplate.positionalBody(2)));
        assertEquals(2388039, inReview.subcode());
        MessageTemplate approved = templates.put("waba", "welcome", "en", "UTILITY", MessageTemplate.positionalBody(1), "APPROVED");
        MessageTemplate edited = templates.edit(approved.id(), "MARKETING", MessageTemplate.positionalBody(2));
        assertEquals("PENDING", edited.status());
        assertEquals("MARKETING", edited.category());
        assertEquals(2, edited.content().bodyParameters().size());
        assertEquals(100, assertThrows(GraphException.class, () -> templates.edit("404", "UTILITY", null)).code());
    }
}

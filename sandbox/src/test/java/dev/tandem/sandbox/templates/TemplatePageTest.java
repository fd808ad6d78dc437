package dev.tandem.sandbox.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.sandbox.GraphException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TemplatePageTest {

    private final List<MessageTemplate> all = IntStream.rangeClosed(1, 7).mapToObj(i -> new MessageTemplate(
            String.valueOf(1000 + i), "2", "t" + i, "en", "UTILITY", MessageTemplate.positionalBody(0), "APPROVED", null,
            Instant.now())).toList();

    private static List<String> names(TemplatePage page) {
        return page.data().stream().map(MessageTemplate::name).toList();
    }

    @Test
    void followingAfterCursorsVisitsEveryTemplateOnceInOrder() {
        List<String> seen = new ArrayList<>();
        TemplatePage page = TemplatePage.of(all, 3, null, null);
        assertFalse(page.hasPrevious());
        seen.addAll(names(page));
        while (page.hasNext()) {
            page = TemplatePage.of(all, 3, page.after(), null);
            seen.addAll(names(page));
        }
        assertEquals(List.of("t1", "t2", "t3", "t4", "t5", "t6", "t7"), seen);
        assertEquals(List.of("t7"), names(page));
        assertTrue(page.hasPrevious());
    }

    @Test
    void beforeCursorGoesBack() {
        TemplatePage second = TemplatePage.of(all, 3, TemplatePage.of(all, 3, null, null).after(), null);
        assertEquals(List.of("t4", "t5", "t6"), names(second));
        assertEquals(List.of("t1", "t2", "t3"), names(TemplatePage.of(all, 3, null, second.before())));
    }

    @Test
    void limitsAndCursorsAreValidated() {
        assertEquals(7, TemplatePage.of(all, null, null, null).data().size(), "default limit 25 covers all seven");
        assertEquals(100, assertThrows(GraphException.class, () -> TemplatePage.of(all, 0, null, null)).code());
        assertEquals(100, assertThrows(GraphException.class, () -> TemplatePage.of(all, 1001, null, null)).code());
        assertEquals(100, assertThrows(GraphException.class, () -> TemplatePage.of(all, 3, "bm9wZQ", null)).code());
        TemplatePage empty = TemplatePage.of(List.of(), 3, null, null);
        assertTrue(empty.data().isEmpty());
        assertFalse(empty.hasNext());
    }
}

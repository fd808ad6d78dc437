package dev.tandem.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void optionsAreReadFromOneArgumentOrMany() {
        Options options = Options.parse("--rate=500 --seconds=60", "--help");
        assertEquals(Map.of("rate", "500", "seconds", "60", "help", ""), options.values());
        assertEquals(500, options.integer("rate", 1));
        assertEquals(7, options.integer("threads", 7));
        assertTrue(options.has("help"));
    }

    @Test
    void withoutASubCommandTheIngestRunsAsBefore() {
        Options options = Options.parse("--rate=300");
        assertEquals("ingest", options.command());
        assertTrue(options.runs("ingest"));
        assertFalse(options.runs("history"));
    }

    @Test
    void allRunsEveryPartExceptTheSkippedOnes() {
        Options options = Options.parse("all --skip=history,outbound --messages=1_000_000");
        assertTrue(options.runs("ingest"));
        assertTrue(options.runs("baseline"));
        assertFalse(options.runs("history"));
        assertFalse(options.runs("outbound"));
        assertEquals(1_000_000, options.integer("messages", 0));
    }

    @Test
    void unknownSubCommandsAndMalformedNumbersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Options.parse("ingets --rate=1"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("ingest history"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Options.parse("--rate=fast").integer("rate", 1));
        assertTrue(e.getMessage().contains("--rate"));
    }

    @Test
    void keysAndPasswordsNeverReachTheReport() {
        Map<String, String> shown = Bench.published(Options.parse("all --api-key=tdm_x --events-password=p"
                + " --baseline-db-password=q --app-secret=s --rate=5"));
        assertEquals(Map.of("api-key", "(hidden)", "events-password", "(hidden)", "baseline-db-password", "(hidden)",
                "app-secret", "(hidden)", "rate", "5"), shown);
    }
}

package dev.tandem.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndToEndTest {

    private static final long MS = 1_000_000L;

    private static EventMix.Delivery delivery(EventMix.Kind kind, String key) {
        return new EventMix.Delivery("{}", false, kind, key);
    }

    private static String event(String type, String wamid, String status) {
        return "{\"type\":\"" + type + "\",\"tenantId\":\"t\",\"occurredAt\":\"2026-11-24T10:00:00Z\",\"data\":{\"wamid\":\""
                + wamid + "\",\"direction\":\"INBOUND\",\"status\":\"" + status + "\"}}";
    }

    @Test
    void messagesMatchByWamidAndStatusesByWamidAndStatus() {
        EndToEnd e2e = new EndToEnd();
        e2e.expect(delivery(EventMix.Kind.INBOUND, "message:wamid.in1"), 0, true);
        e2e.expect(delivery(EventMix.Kind.ECHO, "message:wamid.echo1"), 0, true);
        e2e.expect(delivery(EventMix.Kind.STATUS, "status:wamid.echo1:DELIVERED"), 0, true);
        e2e.expect(delivery(EventMix.Kind.STATUS, "status:wamid.echo1:READ"), 0, true);

        assertTrue(e2e.arrived(event("message.received", "wamid.in1", "RECEIVED"), 10 * MS));
        assertTrue(e2e.arrived(event("echo.mirrored", "wamid.echo1", "SENT"), 20 * MS));
        assertTrue(e2e.arrived(event("status.changed", "wamid.echo1", "DELIVERED"), 30 * MS));
        assertFalse(e2e.arrived(event("status.changed", "wamid.echo1", "DELIVERED"), 40 * MS), "an event counts once");
        assertFalse(e2e.arrived(event("status.changed", "wamid.echo1", "PLAYED"), 40 * MS), "no such status was sent");
        assertFalse(e2e.arrived(event("message.received", "wamid.someone-else", "RECEIVED"), 40 * MS));
        assertFalse(e2e.arrived(event("history.progress", "wamid.in1", "RECEIVED"), 40 * MS));

        Map<String, Object> summary = e2e.summary();
        assertEquals(3L, summary.get("measuredEvents"));
        assertEquals(30.0, (Double) summary.get("max"), 0.1);
        assertEquals(20.0, (Double) summary.get("p50"), 0.1);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> byKind = (Map<String, Map<String, Object>>) summary.get("byKind");
        assertEquals(10.0, (Double) byKind.get("inbound").get("max"), 0.1);
        assertEquals(20.0, (Double) byKind.get("echo").get("max"), 0.1);
        assertEquals(30.0, (Double) byKind.get("statusOfEcho").get("p99"), 0.1, "a tail is traced to its kind");
        assertFalse(byKind.containsKey("statusOfUnknownSend"), "a kind without latencies has no percentiles");
        @SuppressWarnings("unchecked")
        Map<String, Object> coverage = (Map<String, Object>) summary.get("factsWithEvent");
        assertEquals("1 of 1", coverage.get("inbound"));
        assertEquals("1 of 1", coverage.get("echo"));
        assertEquals("1 of 2", coverage.get("statusOfEcho"), "read never arrived");
        assertEquals(4L, summary.get("otherEvents"));
    }

    @Test
    void latencyCountsFromTheFirstDeliveryOfARepeatedFact() {
        EndToEnd e2e = new EndToEnd();
        e2e.expect(delivery(EventMix.Kind.INBOUND, "message:wamid.a"), 100 * MS, true);
        e2e.expect(new EventMix.Delivery("{}", true, EventMix.Kind.INBOUND, "message:wamid.a"), 900 * MS, true);
        assertTrue(e2e.arrived("message.received", "wamid.a", "RECEIVED", 150 * MS, 150 * MS));
        assertEquals(50.0, (Double) e2e.summary().get("p50"), 0.1);
    }

    @Test
    void aStatusShuffledAheadOfItsMessageCountsFromWhenTheMessageWasDue() {
        EndToEnd e2e = new EndToEnd();
        e2e.expect(delivery(EventMix.Kind.STATUS, "status:wamid.e:DELIVERED"), 0, true);
        e2e.expect(delivery(EventMix.Kind.ECHO, "message:wamid.e"), 100 * MS, true);
        e2e.expect(delivery(EventMix.Kind.STATUS, "status:wamid.e:READ"), 200 * MS, true);
        assertTrue(e2e.arrived("echo.mirrored", "wamid.e", "SENT", 120 * MS, 120 * MS));
        assertTrue(e2e.arrived("status.changed", "wamid.e", "DELIVERED", 130 * MS, 130 * MS));
        assertTrue(e2e.arrived("status.changed", "wamid.e", "READ", 260 * MS, 260 * MS));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> byKind = (Map<String, Map<String, Object>>) e2e.summary().get("byKind");
        assertEquals(60.0, (Double) byKind.get("statusOfEcho").get("max"), 0.1, "a status after its message: its own due time");
        assertEquals(30.0, (Double) byKind.get("statusOfEcho").get("p50"), 0.1, "a status ahead of it: the message's");
    }

    @Test
    @SuppressWarnings("unchecked")
    void latencySplitsAtTheTimeTandemPublishedTheEvent() {
        Instant published = Instant.parse("2026-11-24T10:00:00.004Z");
        EndToEnd e2e = new EndToEnd(published.getEpochSecond() * 1_000_000_000L + published.getNano() - 4 * MS);
        e2e.expect(delivery(EventMix.Kind.INBOUND, "message:wamid.in1"), 0, true);
        assertTrue(e2e.arrived("{\"type\":\"message.received\",\"occurredAt\":\"2026-11-24T10:00:00.004Z\","
                + "\"data\":{\"wamid\":\"wamid.in1\",\"status\":\"RECEIVED\"}}", 10 * MS));
        Map<String, Object> summary = e2e.summary();
        assertEquals(10.0, (Double) ((Map<String, Object>) summary).get("p50"), 0.1);
        assertEquals(4.0, (Double) ((Map<String, Object>) summary.get("untilPublished")).get("p50"), 0.1,
                "queue wait and processing: due until occurredAt");
        assertEquals(6.0, (Double) ((Map<String, Object>) summary.get("afterPublished")).get("p50"), 0.1,
                "commit and topic: occurredAt until it arrived");
        assertEquals(List.of("message:wamid.in1 due 0.00 s: 10 ms (4 ms until published)"), summary.get("slowest"));
    }

    @Test
    void statusesOfUnknownSendsAreCountedButWarmupFactsAreNotMeasured() {
        EndToEnd e2e = new EndToEnd();
        e2e.expect(delivery(EventMix.Kind.STATUS, "status:wamid.api7:SENT"), 0, true);
        e2e.expect(delivery(EventMix.Kind.INBOUND, "message:wamid.warm"), 0, false);
        assertTrue(e2e.arrived("message.received", "wamid.warm", "RECEIVED", 5 * MS, 5 * MS));
        Map<String, Object> summary = e2e.summary();
        assertEquals(0L, summary.get("measuredEvents"));
        @SuppressWarnings("unchecked")
        Map<String, Object> coverage = (Map<String, Object>) summary.get("factsWithEvent");
        assertEquals("0 of 1", coverage.get("statusOfUnknownSend"));
        assertEquals("0 of 0", coverage.get("inbound"));
    }

    @Test
    void keysOfEventsMirrorTheKeysOfDeliveries() {
        assertEquals("message:w", EndToEnd.keyOf("message.received", "w", "RECEIVED"));
        assertEquals("message:w", EndToEnd.keyOf("echo.mirrored", "w", "SENT"));
        assertEquals("status:w:READ", EndToEnd.keyOf("status.changed", "w", "READ"));
        assertEquals(null, EndToEnd.keyOf("message.sent", "w", "PENDING"));
        EventMix.Delivery status = new EventMix("1", "2", "3", 3).distinct(20).stream()
                .filter(d -> d.kind() == EventMix.Kind.STATUS).findFirst().orElseThrow();
        assertTrue(status.key().matches("status:wamid\\.bench\\w+:(SENT|DELIVERED|READ)"), status.key());
    }
}

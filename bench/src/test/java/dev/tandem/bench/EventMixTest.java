package dev.tandem.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EventMixTest {

    @Test
    void sixtyPercentStatusesThirtyFiveInboundFiveEchoesAndAboutFivePercentDuplicates() {
        List<EventMix.Delivery> deliveries = new EventMix("1", "2", "3", 42).deliveries(20_000);
        List<EventMix.Delivery> distinct = deliveries.stream().filter(d -> !d.duplicate()).toList();
        assertEquals(20_000, distinct.size());
        Map<EventMix.Kind, Long> kinds = distinct.stream().collect(Collectors.groupingBy(EventMix.Delivery::kind,
                Collectors.counting()));
        assertEquals(12_000, kinds.get(EventMix.Kind.STATUS));
        assertEquals(7_000, kinds.get(EventMix.Kind.INBOUND));
        assertEquals(1_000, kinds.get(EventMix.Kind.ECHO));
        double duplicates = (deliveries.size() - distinct.size()) / (double) distinct.size();
        assertTrue(duplicates > 0.04 && duplicates < 0.06, "duplicate rate " + duplicates);
        assertEquals(distinct.size(), distinct.stream().map(EventMix.Delivery::body).distinct().count(),
                "every distinct delivery is a different event");
    }

    @Test
    void deliveriesAreShuffledWithinWindows() {
        List<EventMix.Delivery> deliveries = new EventMix("1", "2", "3", 7).deliveries(200);
        List<EventMix.Kind> firstTwenty = deliveries.subList(0, 20).stream().map(EventMix.Delivery::kind).toList();
        List<EventMix.Kind> generationOrder = new java.util.ArrayList<>();
        generationOrder.add(EventMix.Kind.ECHO);
        generationOrder.addAll(java.util.Collections.nCopies(7, EventMix.Kind.INBOUND));
        generationOrder.addAll(java.util.Collections.nCopies(12, EventMix.Kind.STATUS));
        assertTrue(!firstTwenty.equals(generationOrder), "the first block is not in generation order: " + firstTwenty);
    }

    @Test
    void bodiesAreSignableAsciiWithMetaEscapes() {
        EventMix.Delivery delivery = new EventMix("1", "2", "3", 1).deliveries(20).stream()
                .filter(d -> d.kind() == EventMix.Kind.INBOUND).findFirst().orElseThrow();
        assertTrue(delivery.body().chars().allMatch(c -> c < 128), "ASCII only, non-ASCII escaped as Meta does");
        assertTrue(delivery.body().contains("\\u00fc"));
        assertTrue(TandemApi.sign("s", delivery.body().getBytes()).matches("sha256=[0-9a-f]{64}"));
    }

    @Test
    void everyDeliveryNamesTheFactItCarriesAndDuplicatesRepeatIt() {
        List<EventMix.Delivery> deliveries = new EventMix("1", "2", "3", 5).deliveries(2_000);
        for (EventMix.Delivery d : deliveries) {
            String expected = switch (d.kind()) {
                case INBOUND, ECHO -> "message:";
                case STATUS -> "status:";
            };
            assertTrue(d.key().startsWith(expected), d.key());
            assertTrue(d.body().contains(d.key().split(":")[1]), "the body carries the wamid of " + d.key());
        }
        for (EventMix.Delivery d : deliveries.stream().filter(EventMix.Delivery::duplicate).toList()) {
            assertTrue(deliveries.stream().anyMatch(o -> !o.duplicate() && o.key().equals(d.key()) && o.body().equals(d.body())));
        }
        assertEquals(deliveries.stream().filter(d -> !d.duplicate()).count(),
                deliveries.stream().filter(d -> !d.duplicate()).map(EventMix.Delivery::key).distinct().count(),
                "distinct facts have distinct keys");
    }

    @Test
    void jsonOfAResultEscapesAndNests() {
        Map<String, Object> result = new java.util.LinkedHashMap<>();
        result.put("a", 1);
        result.put("b", "x\"y");
        result.put("c", Map.of("d", List.of(1, 2)));
        assertEquals("{\"a\":1,\"b\":\"x\\\"y\",\"c\":{\"d\":[1,2]}}", Report.json(result));
    }
}

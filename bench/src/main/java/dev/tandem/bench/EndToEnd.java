package dev.tandem.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * End-to-end latency: from the moment a delivery was due to the moment the fact's event arrived on
 * TandemEvents (events are published in the transaction that stores the row, so an event means the
 * row committed). A fact is matched by its key: message.received and echo.mirrored by wamid,
 * status.changed by wamid and the status it moved to. Duplicates count from their first delivery.
 * Facts without an event (statuses of sends Tandem never saw wait as pending; a status that does not
 * move the message forward) are counted, never measured.
 */
final class EndToEnd {

    private record Expected(long dueNanos, boolean measured, EventMix.Kind kind) {
    }

    private final Map<String, Expected> expected = new ConcurrentHashMap<>();
    private final Set<String> arrived = ConcurrentHashMap.newKeySet();
    private final Recorder latencies = new Recorder(3);
    private final Histogram total = new Histogram(3);
    private final AtomicLong lastArrivalNanos = new AtomicLong(System.nanoTime());
    private final AtomicLong unmatched = new AtomicLong();

    /** Called before the delivery is posted; a repeat keeps the first due time. */
    void expect(EventMix.Delivery delivery, long dueNanos, boolean measured) {
        expected.putIfAbsent(delivery.key(), new Expected(dueNanos, measured, delivery.kind()));
    }

    /** One event from the topic (the JSON envelope); true when it matched a fact this run sent, first time. */
    boolean arrived(String json, long arrivalNanos) {
        try {
            JsonNode event = TandemApi.JSON.readTree(json);
            JsonNode data = event.path("data");
            return arrived(event.path("type").asText(), data.path("wamid").asText(null), data.path("status").asText(null),
                    arrivalNanos);
        } catch (IOException e) {
            unmatched.incrementAndGet();
            return false;
        }
    }

    boolean arrived(String type, String wamid, String status, long arrivalNanos) {
        String key = keyOf(type, wamid, status);
        Expected fact = key == null ? null : expected.get(key);
        if (fact == null || !arrived.add(key)) {
            unmatched.incrementAndGet();
            return false;
        }
        lastArrivalNanos.set(arrivalNanos);
        if (fact.measured()) {
            latencies.recordValue(Math.max(1, (arrivalNanos - fact.dueNanos()) / 1000));
        }
        return true;
    }

    static String keyOf(String type, String wamid, String status) {
        if (type == null || wamid == null) {
            return null;
        }
        return switch (type) {
            case "message.received", "echo.mirrored" -> "message:" + wamid;
            case "status.changed" -> status == null ? null : "status:" + wamid + ":" + status;
            default -> null;
        };
    }

    /** Waits until every message (inbound, echo) has its event, or nothing arrived for {@code quietSeconds}. */
    void await(int maxSeconds, int quietSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
        while (System.nanoTime() < deadline) {
            boolean messagesDone = expected.entrySet().stream().filter(e -> e.getKey().startsWith("message:"))
                    .allMatch(e -> arrived.contains(e.getKey()));
            boolean quiet = System.nanoTime() - lastArrivalNanos.get() > TimeUnit.SECONDS.toNanos(quietSeconds);
            if (messagesDone || quiet) {
                return;
            }
            Thread.sleep(200);
        }
    }

    /** Percentiles in ms over the measured window, and per kind of fact: sent (measured) and with an event. */
    Map<String, Object> summary() {
        synchronized (total) {
            total.add(latencies.getIntervalHistogram());
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("p50", millis(total.getValueAtPercentile(50)));
        result.put("p99", millis(total.getValueAtPercentile(99)));
        result.put("p99.9", millis(total.getValueAtPercentile(99.9)));
        result.put("max", millis(total.getMaxValue()));
        result.put("measuredEvents", total.getTotalCount());
        Set<String> echoes = ConcurrentHashMap.newKeySet();
        expected.forEach((key, fact) -> {
            if (fact.kind() == EventMix.Kind.ECHO) {
                echoes.add(key.substring("message:".length()));
            }
        });
        Map<String, long[]> coverage = new LinkedHashMap<>();
        for (String kind : new String[] {"inbound", "echo", "statusOfEcho", "statusOfUnknownSend"}) {
            coverage.put(kind, new long[2]);
        }
        expected.forEach((key, fact) -> {
            if (!fact.measured()) {
                return;
            }
            String kind = switch (fact.kind()) {
                case INBOUND -> "inbound";
                case ECHO -> "echo";
                case STATUS -> echoes.contains(key.substring("status:".length(), key.lastIndexOf(':')))
                        ? "statusOfEcho" : "statusOfUnknownSend";
            };
            long[] counts = coverage.get(kind);
            counts[0]++;
            if (arrived.contains(key)) {
                counts[1]++;
            }
        });
        Map<String, Object> withEvent = new LinkedHashMap<>();
        coverage.forEach((kind, counts) -> withEvent.put(kind, counts[1] + " of " + counts[0]));
        result.put("factsWithEvent", withEvent);
        result.put("otherEvents", unmatched.get());
        return result;
    }

    private static double millis(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }
}

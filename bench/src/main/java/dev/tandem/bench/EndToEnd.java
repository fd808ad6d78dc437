package dev.tandem.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * End-to-end latency: from the moment a delivery was due to the moment the fact's event arrived on
 * TandemEvents (events are published in the transaction that stores the row, so an event means the
 * row committed). A fact is matched by its key: message.received and echo.mirrored by wamid,
 * status.changed by wamid and the status it moved to. Duplicates count from their first delivery. A
 * status the mix shuffled ahead of its own message counts from when that message was due: Meta does
 * deliver them out of order, and no status can be applied to a message Tandem has not received yet.
 * Facts without an event (statuses of sends Tandem never saw wait as pending; a status that does not
 * move the message forward) are counted, never measured. Each latency is also split at the event's
 * occurredAt, which Tandem stamps when it publishes inside the consumer's transaction: before it is
 * the queue wait and the processing, after it the commit and the trip over the topic to this JVM.
 */
final class EndToEnd {

    private record Expected(long dueNanos, boolean measured, EventMix.Kind kind) {
    }

    private static final String[] KINDS = {"inbound", "echo", "statusOfEcho", "statusOfUnknownSend"};

    private final Map<String, Expected> expected = new ConcurrentHashMap<>();
    private final Set<String> arrived = ConcurrentHashMap.newKeySet();
    /** Measured latency in microseconds by fact key; histograms are built once, in {@link #summary}. */
    private final Map<String, Long> latencyMicros = new ConcurrentHashMap<>();
    /** The part of each measured latency until Tandem published the event (same clock, same machine). */
    private final Map<String, Long> untilPublishedMicros = new ConcurrentHashMap<>();
    /** Wall-clock epoch nanoseconds at System.nanoTime() zero: turns occurredAt into this JVM's nanoTime. */
    private final long epochNanosAtNanoZero;
    private final AtomicLong lastArrivalNanos = new AtomicLong(System.nanoTime());
    private final AtomicLong unmatched = new AtomicLong();

    EndToEnd() {
        this(epochNanos(Instant.now()) - System.nanoTime());
    }

    EndToEnd(long epochNanosAtNanoZero) {
        this.epochNanosAtNanoZero = epochNanosAtNanoZero;
    }

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
                    arrivalNanos, epochNanos(Instant.parse(event.path("occurredAt").asText())) - epochNanosAtNanoZero);
        } catch (IOException | DateTimeParseException e) {
            unmatched.incrementAndGet();
            return false;
        }
    }

    boolean arrived(String type, String wamid, String status, long arrivalNanos, long publishedNanos) {
        String key = keyOf(type, wamid, status);
        Expected fact = key == null ? null : expected.get(key);
        if (fact == null || !arrived.add(key)) {
            unmatched.incrementAndGet();
            return false;
        }
        lastArrivalNanos.set(arrivalNanos);
        if (fact.measured()) {
            long from = knowableFrom(key, fact);
            latencyMicros.put(key, Math.max(1, (arrivalNanos - from) / 1000));
            untilPublishedMicros.put(key, Math.max(1, (Math.min(publishedNanos, arrivalNanos) - from) / 1000));
        }
        return true;
    }

    /** When Tandem had all it needs for the fact: a status also needs its message, if this run sent it. */
    private long knowableFrom(String key, Expected fact) {
        if (fact.kind() != EventMix.Kind.STATUS) {
            return fact.dueNanos();
        }
        Expected message = expected.get("message:" + key.substring("status:".length(), key.lastIndexOf(':')));
        return message == null ? fact.dueNanos() : Math.max(fact.dueNanos(), message.dueNanos());
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

    private static long epochNanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
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

    /**
     * Percentiles in ms over the measured window, in all and per kind of fact (so that a tail can be
     * traced to inbound messages, echoes or statuses), split at the publish (untilPublished: queue wait
     * and processing; afterPublished: commit and topic), per kind: sent (measured) and with an event,
     * and the slowest facts with when they were due (a tail of facts due close together is a stall).
     */
    Map<String, Object> summary() {
        Set<String> echoes = ConcurrentHashMap.newKeySet();
        expected.forEach((key, fact) -> {
            if (fact.kind() == EventMix.Kind.ECHO) {
                echoes.add(key.substring("message:".length()));
            }
        });
        Histogram total = new Histogram(3);
        Histogram untilPublished = new Histogram(3);
        Histogram afterPublished = new Histogram(3);
        Map<String, Histogram> byKind = new LinkedHashMap<>();
        Map<String, long[]> coverage = new LinkedHashMap<>();
        for (String kind : KINDS) {
            byKind.put(kind, new Histogram(3));
            coverage.put(kind, new long[2]);
        }
        expected.forEach((key, fact) -> {
            if (!fact.measured()) {
                return;
            }
            String kind = kindOf(key, fact, echoes);
            long[] counts = coverage.get(kind);
            counts[0]++;
            if (arrived.contains(key)) {
                counts[1]++;
            }
            Long micros = latencyMicros.get(key);
            if (micros != null) {
                total.recordValue(micros);
                long published = untilPublishedMicros.get(key);
                untilPublished.recordValue(published);
                afterPublished.recordValue(Math.max(1, micros - published));
                byKind.get(kind).recordValue(micros);
            }
        });
        Map<String, Object> result = IngestBench.percentiles(total);
        result.put("measuredEvents", total.getTotalCount());
        Map<String, Object> perKind = new LinkedHashMap<>();
        byKind.forEach((kind, histogram) -> {
            if (histogram.getTotalCount() > 0) {
                perKind.put(kind, IngestBench.percentiles(histogram));
            }
        });
        result.put("byKind", perKind);
        result.put("untilPublished", IngestBench.percentiles(untilPublished));
        result.put("afterPublished", IngestBench.percentiles(afterPublished));
        result.put("slowest", slowest(10));
        Map<String, Object> withEvent = new LinkedHashMap<>();
        coverage.forEach((kind, counts) -> withEvent.put(kind, counts[1] + " of " + counts[0]));
        result.put("factsWithEvent", withEvent);
        result.put("otherEvents", unmatched.get());
        return result;
    }

    /** The {@code count} slowest measured facts: key, seconds after the first due fact, total and until-published ms. */
    private List<String> slowest(int count) {
        long firstDue = expected.values().stream().mapToLong(Expected::dueNanos).min().orElse(0);
        return latencyMicros.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(count)
                .map(e -> String.format(Locale.ROOT, "%s due %.2f s: %d ms (%d ms until published)", e.getKey(),
                        (expected.get(e.getKey()).dueNanos() - firstDue) / 1e9, e.getValue() / 1000,
                        untilPublishedMicros.get(e.getKey()) / 1000))
                .toList();
    }

    private static String kindOf(String key, Expected fact, Set<String> echoes) {
        return switch (fact.kind()) {
            case INBOUND -> "inbound";
            case ECHO -> "echo";
            case STATUS -> echoes.contains(key.substring("status:".length(), key.lastIndexOf(':')))
                    ? "statusOfEcho" : "statusOfUnknownSend";
        };
    }
}

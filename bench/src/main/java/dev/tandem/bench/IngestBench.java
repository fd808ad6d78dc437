package dev.tandem.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Webhook ingest under an open load: signed Meta deliveries (EventMix) posted at a fixed arrival rate
 * for a fixed time, each one's acknowledgement latency measured from the moment it was due (not from
 * when it was sent), so a slow server cannot slow the load and hide its own delay (no coordinated
 * omission). With an events user it also measures end-to-end latency (due time to the fact's event on
 * TandemEvents). Reports sustained events/s, latency percentiles, errors, the server's memory, and
 * whether Tandem archived every acknowledged delivery. Defaults fit the run command's demo tenant.
 */
final class IngestBench {

    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");

    private IngestBench() {
    }

    static Map<String, Object> run(Options options, TandemApi tandem) throws Exception {
        String appId = options.get("app-id", "100000000000001");
        String secret = options.get("app-secret", "demo-app-secret");
        int rate = options.integer("rate", 500);
        int seconds = options.integer("seconds", 60);
        // A freshly started server compiles for minutes (C2 was 40 % of its CPU 45 s after start): 90 s
        // lets the JIT settle and the backlog it caused drain before anything is measured.
        int warmup = options.integer("warmup", 90);
        int threads = options.integer("threads", 64);

        EventMix mix = new EventMix(options.get("waba", "200000000000001"), options.get("phone", "300000000000001"),
                options.get("display", "4915100000001"), System.nanoTime());
        int total = rate * (warmup + seconds);
        List<EventMix.Delivery> deliveries = mix.deliveries(total).subList(0, total);
        Long archivedBefore = tandem.apiKey == null ? null : archived(tandem, appId);

        String eventsUser = options.get("events-user", "bench");
        EndToEnd endToEnd = "none".equals(eventsUser) ? null : new EndToEnd();
        EventsSubscription subscription = endToEnd == null ? null
                : EventsSubscription.open(tandem.url, eventsUser, options.get("events-password", "bench-events-1"), endToEnd);

        Recorder measured = new Recorder(3);
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong okMeasured = new AtomicLong();
        ExecutorService senders = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        long measureFrom = start + TimeUnit.SECONDS.toNanos(warmup);
        long intervalNanos = 1_000_000_000L / rate;
        for (int i = 0; i < deliveries.size(); i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            EventMix.Delivery delivery = deliveries.get(i);
            byte[] body = delivery.body().getBytes(StandardCharsets.US_ASCII);
            if (endToEnd != null) {
                endToEnd.expect(delivery, due, due >= measureFrom);
            }
            senders.execute(() -> {
                boolean acknowledged;
                try {
                    acknowledged = tandem.webhook(appId, secret, body, Duration.ofSeconds(30)) == 200;
                } catch (IOException | InterruptedException e) {
                    acknowledged = false;
                }
                long latency = System.nanoTime() - due;
                (acknowledged ? ok : errors).incrementAndGet();
                if (due >= measureFrom) {
                    measured.recordValue(Math.max(1, latency / 1000));
                    if (acknowledged) {
                        okMeasured.incrementAndGet();
                    }
                }
            });
        }
        senders.shutdown();
        senders.awaitTermination(5, TimeUnit.MINUTES);
        double elapsed = (System.nanoTime() - measureFrom) / 1e9;
        Histogram latencies = measured.getIntervalHistogram();

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("offeredPerSecond", rate);
        report.put("measuredSeconds", seconds);
        report.put("warmupSeconds", warmup);
        report.put("deliveries", deliveries.size());
        report.put("acknowledged", ok.get());
        report.put("errors", errors.get());
        report.put("sustainedPerSecond", round(okMeasured.get() / elapsed));
        report.put("ackLatencyMillis", percentiles(latencies));
        if (endToEnd != null) {
            endToEnd.await(120, 10);
            subscription.close();
            report.put("endToEndLatencyMillis", endToEnd.summary());
        }
        report.put("serverMemory", Machine.serverMemory(tandem.port()));
        if (archivedBefore != null) {
            report.put("archivedAcknowledged", awaitArchive(tandem, appId, archivedBefore, ok.get()));
        }
        return report;
    }

    static Map<String, Object> percentiles(Histogram micros) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("p50", millis(micros, 50));
        result.put("p99", millis(micros, 99));
        result.put("p99.9", millis(micros, 99.9));
        result.put("max", round(micros.getMaxValue() / 1000.0));
        return result;
    }

    /** Waits (up to 2 minutes) for the archive to stop growing; returns {acknowledged, archived}. */
    private static Map<String, Long> awaitArchive(TandemApi tandem, String appId, long before, long acknowledged)
            throws InterruptedException {
        long last = -1;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        long now = archived(tandem, appId) - before;
        while (now != last && now < acknowledged && System.nanoTime() < deadline) {
            Thread.sleep(3000);
            last = now;
            now = archived(tandem, appId) - before;
        }
        return Map.of("acknowledged", acknowledged, "archived", now);
    }

    private static long archived(TandemApi tandem, String appId) {
        TandemApi.Reply page = tandem.api("GET", "webhook-deliveries?size=1&appId=" + appId, null);
        Matcher total = TOTAL.matcher(page.body());
        if (page.status() != 200 || !total.find()) {
            throw new IllegalStateException("webhook-deliveries answered " + page.status() + ": " + page.body());
        }
        return Long.parseLong(total.group(1));
    }

    private static double millis(Histogram h, double percentile) {
        return round(h.getValueAtPercentile(percentile) / 1000.0);
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}

package dev.tandem.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
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
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Webhook ingest under an open load: signed Meta deliveries (EventMix) posted at a fixed arrival rate
 * for a fixed time, each one's acknowledgement latency measured from the moment it was due (not from
 * when it was sent), so a slow server cannot slow the load and hide its own delay (no coordinated
 * omission). Reports sustained events/s, latency percentiles, errors, the server's memory, and whether
 * Tandem archived every acknowledged delivery. Defaults fit the run command's demo tenant.
 */
public final class IngestBench {

    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        if (options.containsKey("help")) {
            System.out.println("""
                    Webhook ingest benchmark against a running Tandem (start it with: mvn package wildfly:run).
                    mvn -q -pl bench exec:java -Dbench.args="--rate=500 --seconds=60 [options]"
                      --url=http://127.0.0.1:8080  --app-id=100000000000001  --app-secret=demo-app-secret
                      --waba=200000000000001  --phone=300000000000001  --display=4915100000001
                      --rate=500 (deliveries/s)  --seconds=60  --warmup=10  --threads=64
                      --api-key=tdm_... (a platform admin key: checks that every acknowledged delivery was archived)
                      --database=H2 (label for the report)  --out=bench/results""");
            return;
        }
        String url = options.getOrDefault("url", "http://127.0.0.1:8080");
        String appId = options.getOrDefault("app-id", "100000000000001");
        String secret = options.getOrDefault("app-secret", "demo-app-secret");
        int rate = Integer.parseInt(options.getOrDefault("rate", "500"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "10"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "64"));
        String apiKey = options.get("api-key");

        EventMix mix = new EventMix(options.getOrDefault("waba", "200000000000001"),
                options.getOrDefault("phone", "300000000000001"), options.getOrDefault("display", "4915100000001"),
                System.nanoTime());
        int total = rate * (warmup + seconds);
        List<EventMix.Delivery> deliveries = mix.deliveries(total).subList(0, total);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4)).build();
        URI webhook = URI.create(url + "/webhooks/whatsapp/" + appId);
        Long archivedBefore = apiKey == null ? null : archived(http, url, appId, apiKey);

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
            byte[] body = deliveries.get(i).body().getBytes(StandardCharsets.US_ASCII);
            HttpRequest request = HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("X-Hub-Signature-256", sign(secret, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            senders.execute(() -> {
                boolean acknowledged;
                try {
                    acknowledged = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
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
        report.put("benchmark", "webhook-ingest");
        report.put("at", Instant.now().toString());
        report.put("database", options.getOrDefault("database", "H2"));
        report.put("machine", Machine.describe());
        report.put("offeredPerSecond", rate);
        report.put("measuredSeconds", seconds);
        report.put("deliveries", deliveries.size());
        report.put("acknowledged", ok.get());
        report.put("errors", errors.get());
        report.put("sustainedPerSecond", round(okMeasured.get() / elapsed));
        report.put("ackLatencyMillis", Map.of("p50", millis(latencies, 50), "p99", millis(latencies, 99),
                "p99.9", millis(latencies, 99.9), "max", round(latencies.getMaxValue() / 1000.0)));
        report.put("serverMemory", Machine.serverMemory());
        if (archivedBefore != null) {
            report.put("archivedAcknowledged", awaitArchive(http, url, appId, apiKey, archivedBefore, ok.get()));
        }
        Report.write(Path.of(options.getOrDefault("out", "bench/results")), "ingest", report);
        System.exit(0);
    }

    /** Waits (up to 2 minutes) for the archive to stop growing; returns {acknowledged, archived}. */
    private static Map<String, Long> awaitArchive(HttpClient http, String url, String appId, String apiKey, long before,
                                                  long acknowledged) throws InterruptedException {
        long last = -1;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        long now = archived(http, url, appId, apiKey) - before;
        while (now != last && now < acknowledged && System.nanoTime() < deadline) {
            Thread.sleep(3000);
            last = now;
            now = archived(http, url, appId, apiKey) - before;
        }
        return Map.of("acknowledged", acknowledged, "archived", now);
    }

    private static long archived(HttpClient http, String url, String appId, String apiKey) {
        try {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/webhook-deliveries?size=1&appId="
                            + appId)).header("Authorization", "Bearer " + apiKey).build(), HttpResponse.BodyHandlers.ofString());
            Matcher total = TOTAL.matcher(page.body());
            if (page.statusCode() != 200 || !total.find()) {
                throw new IllegalStateException("webhook-deliveries answered " + page.statusCode() + ": " + page.body());
            }
            return Long.parseLong(total.group(1));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double millis(Histogram h, double percentile) {
        return round(h.getValueAtPercentile(percentile) / 1000.0);
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            for (String part : arg.trim().split("\\s+")) {
                if (part.startsWith("--")) {
                    int eq = part.indexOf('=');
                    options.put(eq < 0 ? part.substring(2) : part.substring(2, eq), eq < 0 ? "" : part.substring(eq + 1));
                }
            }
        }
        return options;
    }

    private IngestBench() {
    }
}

package dev.tandem.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * History import rate: a fresh tenant receives a coexistence history sync of --messages messages
 * (HistoryChunks, signed POSTs, a few in flight), and the rate is messages / (first POST until the
 * last chunk was imported). Tandem's /tenants/{id}/history tells how many messages were imported and
 * when the last chunk finished (lastChunkAt, set in the transaction that imported it).
 */
final class HistoryBench {

    private HistoryBench() {
    }

    static Map<String, Object> run(Options options, TandemApi tandem) throws Exception {
        int messages = options.integer("messages", 1_000_000);
        HistoryChunks history;
        TandemApi.Tenant tenant = tandem.freshTenant("Bench history", true, "STANDARD");
        history = new HistoryChunks(tenant, messages, options.integer("customers", 10_000),
                options.integer("chunk", 2_000), Instant.now().getEpochSecond(), Long.toString(System.nanoTime(), 36));
        int inFlight = options.integer("history-threads", 4);
        ExecutorService senders = Executors.newFixedThreadPool(inFlight);
        Semaphore slots = new Semaphore(inFlight);
        AtomicLong errors = new AtomicLong();
        AtomicLong posted = new AtomicLong();
        Instant firstPost = Instant.now();
        long startNanos = System.nanoTime();
        for (HistoryChunks.Chunk chunk : history) {
            byte[] body = chunk.body().getBytes(StandardCharsets.UTF_8);
            slots.acquire();
            senders.execute(() -> {
                try {
                    int status = tandem.webhook(tenant.appId(), tenant.appSecret(), body, Duration.ofMinutes(2));
                    (status == 200 ? posted : errors).incrementAndGet();
                } catch (Exception e) {
                    errors.incrementAndGet();
                } finally {
                    slots.release();
                }
            });
        }
        senders.shutdown();
        senders.awaitTermination(30, TimeUnit.MINUTES);
        double postSeconds = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf("history: %d chunks posted in %.1f s (%d refused); waiting for the import%n", posted.get(),
                postSeconds, errors.get());

        long timeout = TimeUnit.SECONDS.toNanos(options.integer("history-timeout", 1800));
        JsonNode view = progress(tandem, tenant);
        long lastImported = -1;
        long lastChangeNanos = System.nanoTime();
        while (imported(view) < messages && System.nanoTime() - startNanos < timeout
                && System.nanoTime() - lastChangeNanos < TimeUnit.SECONDS.toNanos(120)) {
            Thread.sleep(1000);
            view = progress(tandem, tenant);
            if (imported(view) != lastImported) {
                lastImported = imported(view);
                lastChangeNanos = System.nanoTime();
            }
        }
        long imported = imported(view);
        Instant lastChunk = view.hasNonNull("lastChunkAt") ? Instant.parse(view.get("lastChunkAt").asText()) : Instant.now();
        double seconds = Duration.between(firstPost, lastChunk).toMillis() / 1000.0;

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("messages", messages);
        result.put("customers", options.integer("customers", 10_000));
        result.put("chunks", history.chunkCount());
        result.put("chunkMessages", options.integer("chunk", 2_000));
        result.put("postsInFlight", inFlight);
        result.put("refusedPosts", errors.get());
        result.put("postSeconds", IngestBench.round(postSeconds));
        result.put("imported", imported);
        result.put("state", view.path("state").asText());
        result.put("importSeconds", IngestBench.round(seconds));
        result.put("messagesPerSecond", IngestBench.round(imported / Math.max(0.001, seconds)));
        result.put("complete", imported >= messages);
        result.put("serverMemory", Machine.serverMemory(tandem.port()));
        return result;
    }

    private static JsonNode progress(TandemApi tandem, TandemApi.Tenant tenant) {
        TandemApi.Reply reply = tandem.api("GET", "tenants/" + tenant.id() + "/history", null);
        TandemApi.expect(200, reply, "read the history progress");
        return reply.json();
    }

    static long imported(JsonNode view) {
        long imported = 0;
        for (JsonNode phase : view.path("phases")) {
            imported += phase.path("imported").asLong();
        }
        return imported;
    }
}

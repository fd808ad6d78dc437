package dev.tandem.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Recorder;

/**
 * Outbound send rate against the sandbox: a fresh non-coexistence tenant on the 1,000 mps tier, known
 * to the sandbox at 1,000 mps with one approved template; --sends template sends to distinct
 * recipients offered through POST /api/v1/messages at --send-rate (open model). Reports Tandem's
 * acceptances (202) per second from first to last, their latency from the due time, refusals by
 * status, and the rate at which the sends then reached Meta (the sandbox's first and last acceptance).
 */
final class OutboundBench {

    private OutboundBench() {
    }

    static Map<String, Object> run(Options options, TandemApi tandem) throws Exception {
        int sends = options.integer("sends", 2_000);
        int rate = options.integer("send-rate", 200);
        TandemApi.Tenant tenant = tandem.freshTenant("Bench outbound", false, "UPGRADED");
        Map<String, Object> number = new LinkedHashMap<>();
        number.put("phoneNumberId", tenant.phoneNumberId());
        number.put("wabaId", tenant.wabaId());
        number.put("displayNumber", tenant.displayNumber());
        number.put("appId", tenant.appId());
        number.put("appSecret", tenant.appSecret());
        number.put("webhookUrl", tandem.url + "/webhooks/whatsapp/" + tenant.appId());
        number.put("accessToken", tandem.accessTokenOf(tenant));
        number.put("messagesPerSecond", 1000);
        number.put("coexistence", false);
        TandemApi.expect(201, tandem.sandbox("POST", "world/numbers", number), "register the number in the sandbox");
        TandemApi.expect(201, tandem.sandbox("POST", "world/numbers/" + tenant.phoneNumberId() + "/templates",
                Map.of("name", "bench_notice", "language", "en", "category", "UTILITY", "bodyParameters", 1)),
                "create the sandbox template");

        // One send first, alone: Tandem pulls the template from Meta on first use; the offer measures sending.
        TandemApi.Reply first = tandem.api("POST", "messages", send(tenant, "+4915900000000"));
        TandemApi.expect(202, first, "make the first send (template pull)");

        Recorder latency = new Recorder(3);
        Map<String, String> sampleRefusals = new ConcurrentHashMap<>();
        AtomicLong firstAccepted = new AtomicLong(Long.MAX_VALUE);
        AtomicLong lastAccepted = new AtomicLong(Long.MIN_VALUE);
        AtomicLong accepted = new AtomicLong();
        Map<String, AtomicLong> refusals = new ConcurrentHashMap<>();
        ExecutorService senders = Executors.newFixedThreadPool(options.integer("threads", 64));
        String run = TandemApi.digits(6);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        long interval = 1_000_000_000L / rate;
        for (int i = 0; i < sends; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            String recipient = "+4916" + run + String.format("%05d", i);
            Map<String, Object> body = send(tenant, recipient);
            senders.execute(() -> {
                String outcome;
                try {
                    TandemApi.Reply reply = tandem.api("POST", "messages", body);
                    outcome = reply.status() == 202 ? null : "HTTP " + reply.status();
                    if (outcome != null) {
                        sampleRefusals.putIfAbsent(outcome, reply.body().length() > 300 ? reply.body().substring(0, 300)
                                : reply.body());
                    }
                } catch (RuntimeException e) {
                    outcome = e.getCause() != null ? e.getCause().getClass().getSimpleName() : e.getClass().getSimpleName();
                }
                long now = System.nanoTime();
                if (outcome == null) {
                    accepted.incrementAndGet();
                    firstAccepted.accumulateAndGet(now, Math::min);
                    lastAccepted.accumulateAndGet(now, Math::max);
                    latency.recordValue(Math.max(1, (now - due) / 1000));
                } else {
                    refusals.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
                }
            });
        }
        senders.shutdown();
        senders.awaitTermination(10, TimeUnit.MINUTES);

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("offeredPerSecond", rate);
        result.put("sends", sends);
        result.put("accepted", accepted.get());
        result.put("refused", new TreeMap<>(Map.copyOf(refusals)));
        if (!sampleRefusals.isEmpty()) {
            result.put("refusalSamples", new TreeMap<>(sampleRefusals));
        }
        double span = (lastAccepted.get() - firstAccepted.get()) / 1e9;
        result.put("acceptedPerSecond", accepted.get() < 2 ? 0 : IngestBench.round((accepted.get() - 1) / span));
        result.put("acceptLatencyMillis", IngestBench.percentiles(latency.getIntervalHistogram()));
        result.put("governedLimitPerSecond", 950);

        // Then the governor hands them to Meta: wait until the sandbox has them all (or stops counting).
        JsonNode seen = tandem.sandbox("GET", "world/numbers/" + tenant.phoneNumberId(), null).json();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.integer("outbound-timeout", 180));
        long last = -1;
        long lastChange = System.nanoTime();
        while (seen.path("accepted_sends").asLong() < accepted.get() && System.nanoTime() < deadline
                && System.nanoTime() - lastChange < TimeUnit.SECONDS.toNanos(30)) {
            Thread.sleep(1000);
            seen = tandem.sandbox("GET", "world/numbers/" + tenant.phoneNumberId(), null).json();
            if (seen.path("accepted_sends").asLong() != last) {
                last = seen.path("accepted_sends").asLong();
                lastChange = System.nanoTime();
            }
        }
        long atMeta = seen.path("accepted_sends").asLong();
        result.put("reachedMeta", atMeta); // includes the first send
        if (atMeta > 1 && seen.hasNonNull("first_accepted_at")) {
            double metaSpan = Duration.between(Instant.parse(seen.get("first_accepted_at").asText()),
                    Instant.parse(seen.get("last_accepted_at").asText())).toMillis() / 1000.0;
            result.put("reachedMetaPerSecond", IngestBench.round((atMeta - 1) / Math.max(0.001, metaSpan)));
        }
        result.put("serverMemory", Machine.serverMemory(tandem.port()));
        return result;
    }

    private static Map<String, Object> send(TandemApi.Tenant tenant, String recipient) {
        return Map.of("tenantId", tenant.id(), "to", recipient, "type", "template",
                "template", Map.of("name", "bench_notice", "language", Map.of("code", "en"), "components",
                        List.of(Map.of("type", "body", "parameters", List.of(Map.of("type", "text", "text", recipient))))));
    }
}

package dev.tandem.sandbox;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Delivers webhooks like Meta: signed with the app secret over the exact bytes sent (non-ASCII
 * escaped), at least once, optionally duplicated, held back (reordered) and batched, and retried with
 * exponential backoff until the receiver answers 200. Each attempt goes where the WABA's subscription
 * points at that moment (its override callback, else the app's URL); nothing goes to a WABA whose app
 * unsubscribed.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());
    private static final long FIRST_RETRY_MILLIS = 500;
    private static final long MAX_RETRY_MILLIS = 60_000;

    /** Concurrent POSTs at most; Meta, too, delivers to one endpoint over a handful of connections. */
    private static final int DELIVERY_THREADS = 8;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    SubscribedApps subscriptions;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /**
     * Blocking sends on a fixed pool, not HttpClient.sendAsync: on a 2-core machine every completion of
     * sendAsync starts a new thread (CompletableFuture's default executor), thousands a minute under load.
     */
    private ExecutorService deliveries;
    private volatile DeliveryOptions options = DeliveryOptions.DEFAULT;

    private final AtomicLong posted = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong abandoned = new AtomicLong();
    private final AtomicLong unsubscribed = new AtomicLong();

    /**
     * Counters for the world page: POSTs made, 200s received, non-200 answers or errors, deliveries
     * given up, and deliveries not made because the WABA's app unsubscribed.
     */
    public record Stats(long posted, long acknowledged, long refused, long abandoned, long unsubscribed) {
    }

    @PostConstruct
    void start() {
        deliveries = Executors.newFixedThreadPool(DELIVERY_THREADS, threads);
    }

    @PreDestroy
    void stop() {
        deliveries.shutdownNow();
    }

    public void options(DeliveryOptions options) {
        this.options = options;
    }

    public DeliveryOptions options() {
        return options;
    }

    public Stats stats() {
        return new Stats(posted.get(), acknowledged.get(), refused.get(), abandoned.get(), unsubscribed.get());
    }

    /** Sends the changes of one number, batched up to maxBatch changes per POST. */
    public void send(SandboxNumber number, List<JsonObject> changes, Long entryTime) {
        DeliveryOptions current = options;
        for (int i = 0; i < changes.size(); i += current.maxBatch()) {
            List<JsonObject> batch = new ArrayList<>(changes.subList(i, Math.min(changes.size(), i + current.maxBatch())));
            String body = MetaJson.escapeNonAscii(MetaJson.envelope(number.wabaId(), batch, entryTime).toString());
            schedule(number, body, current);
            if (ThreadLocalRandom.current().nextDouble() < current.duplicateRate()) {
                schedule(number, body, current);
            }
        }
    }

    public void send(SandboxNumber number, JsonObject change) {
        send(number, List.of(change), null);
    }

    private void schedule(SandboxNumber number, String body, DeliveryOptions current) {
        long hold = current.maxReorderMillis() == 0 ? 0 : ThreadLocalRandom.current().nextLong(current.maxReorderMillis() + 1);
        byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
        String signature = sign(number.appSecret(), bytes);
        later(() -> attempt(number, bytes, signature, 1, current.maxAttempts()), hold);
    }

    private void later(Runnable delivery, long delayMillis) {
        if (delayMillis == 0) {
            deliveries.execute(delivery);
        } else {
            scheduler.schedule(() -> deliveries.execute(delivery), delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void attempt(SandboxNumber number, byte[] body, String signature, int attempt, int maxAttempts) {
        String callback = subscriptions.callback(number).orElse(null);
        if (callback == null) {
            unsubscribed.incrementAndGet();
            return;
        }
        posted.incrementAndGet();
        HttpRequest request = HttpRequest.newBuilder(URI.create(callback))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        if (answeredOk(request)) {
            acknowledged.incrementAndGet();
            return;
        }
        refused.incrementAndGet();
        if (attempt >= maxAttempts) {
            abandoned.incrementAndGet();
            LOG.warning(() -> "Webhook to " + callback + " abandoned after " + attempt + " attempts");
            return;
        }
        long backoff = Math.min(MAX_RETRY_MILLIS, FIRST_RETRY_MILLIS << Math.min(20, attempt - 1));
        long jitter = ThreadLocalRandom.current().nextLong(backoff / 4 + 1);
        later(() -> attempt(number, body, signature, attempt + 1, maxAttempts), backoff + jitter);
    }

    private boolean answeredOk(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String sign(String appSecret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}

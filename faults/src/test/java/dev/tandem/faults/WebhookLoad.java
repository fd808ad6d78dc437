package dev.tandem.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed webhook deliveries for one fresh tenant, posted at a fixed arrival rate (each POST is started
 * when it is due, whatever the server does), one event per delivery: 60 % inbound messages, 10 %
 * Business App echoes, 30 % statuses of API sends Tandem has not seen (they wait as pending statuses).
 * Records which deliveries got 200: those are the acknowledged ones that must be stored exactly once.
 */
final class WebhookLoad {

    enum Kind { INBOUND, ECHO, STATUS }

    record Delivery(int index, Kind kind, String wamid, String status, byte[] body) {
    }

    static final String APP_SECRET = "faults-app-secret";
    private static final int CUSTOMERS = 200;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .version(HttpClient.Version.HTTP_1_1).executor(Executors.newFixedThreadPool(8)).build();
    private final URI base;
    final String appId;
    final String tenantId;
    final String wabaId;
    final String phoneNumberId;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final List<Delivery> deliveries = new ArrayList<>();
    private AtomicIntegerArray answers = new AtomicIntegerArray(0);

    /** Registers a Meta app and a tenant with known secrets through the REST API. */
    WebhookLoad(URI base) {
        this.base = base;
        appId = digits(15);
        wabaId = digits(15);
        phoneNumberId = digits(15);
        String app = post("api/v1/meta-apps", "{\"appId\":\"" + appId + "\",\"name\":\"Fault test\",\"appSecret\":\"" + APP_SECRET
                + "\",\"verifyToken\":\"faults-verify\"}");
        String tenant = post("api/v1/tenants", "{\"metaAppId\":\"" + id(app) + "\",\"name\":\"Fault tenant " + run
                + "\",\"wabaId\":\"" + wabaId + "\",\"phoneNumberId\":\"" + phoneNumberId + "\",\"displayNumber\":\"+49 151 "
                + digits(8) + "\",\"coexistence\":true,\"throughputTier\":\"STANDARD\",\"graphApiVersion\":\"v23.0\","
                + "\"timeZone\":\"Europe/Berlin\",\"currency\":\"EUR\",\"accessToken\":\"EAAG-faults-token\"}");
        tenantId = id(tenant);
    }

    /**
     * Posts {@code rate} deliveries per second for {@code seconds}; {@code eachSecond} is called once per
     * second of the schedule (from the scheduling thread) so the test can break things on time.
     */
    void run(int rate, int seconds, IntConsumer eachSecond) throws InterruptedException {
        int total = rate * seconds;
        long now = System.currentTimeMillis() / 1000;
        for (int i = 0; i < total; i++) {
            deliveries.add(delivery(i, now));
        }
        answers = new AtomicIntegerArray(total);
        ExecutorService senders = Executors.newFixedThreadPool(48);
        long start = System.nanoTime();
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        int second = -1;
        for (int i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int currentSecond = (int) TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            while (second < currentSecond) {
                second++;
                eachSecond.accept(second);
            }
            Delivery delivery = deliveries.get(i);
            senders.submit(() -> answers.set(delivery.index(), send(delivery.body())));
        }
        senders.shutdown();
        if (!senders.awaitTermination(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("POSTs still open 60 s after the load ended");
        }
    }

    List<Delivery> deliveries() {
        return deliveries;
    }

    boolean acknowledged(Delivery delivery) {
        return answers.get(delivery.index()) == 200;
    }

    long acknowledgedCount() {
        return deliveries.stream().filter(this::acknowledged).count();
    }

    /** Answers other than 200 and "no answer" (connection refused or reset, time-out): a crash gives those. */
    String answerSummary() {
        java.util.Map<Integer, Integer> counts = new java.util.TreeMap<>();
        for (int i = 0; i < answers.length(); i++) {
            counts.merge(answers.get(i), 1, Integer::sum);
        }
        return counts.toString().replace("-1=", "no answer=");
    }

    int answer(Delivery delivery) {
        return answers.get(delivery.index());
    }

    private Delivery delivery(int i, long now) {
        String customer = "49170" + String.format("%08d", (i * 7919) % CUSTOMERS);
        String wamid = "wamid.fault." + run + "." + i;
        int roll = Math.floorMod(i * 37, 100);
        if (roll < 60) {
            return new Delivery(i, Kind.INBOUND, wamid, null, bytes(envelope("messages", "\"contacts\":[{\"profile\":{\"name\":"
                    + "\"Kunde\"},\"wa_id\":\"" + customer + "\"}],\"messages\":[{\"from\":\"" + customer + "\",\"id\":\"" + wamid
                    + "\",\"timestamp\":\"" + now + "\",\"type\":\"text\",\"text\":{\"body\":\"Nachricht " + i + "\"}}]")));
        }
        if (roll < 70) {
            return new Delivery(i, Kind.ECHO, wamid, null, bytes(envelope("smb_message_echoes", "\"message_echoes\":[{\"from\":"
                    + "\"15550001111\",\"to\":\"" + customer + "\",\"id\":\"" + wamid + "\",\"timestamp\":\"" + now
                    + "\",\"type\":\"text\",\"text\":{\"body\":\"Echo " + i + "\"}}]")));
        }
        String status = List.of("sent", "delivered", "read").get(i % 3);
        return new Delivery(i, Kind.STATUS, wamid, status.toUpperCase(), bytes(envelope("messages", "\"statuses\":[{\"id\":\""
                + wamid + "\",\"status\":\"" + status + "\",\"timestamp\":\"" + now + "\",\"recipient_id\":\"" + customer + "\"}]")));
    }

    private String envelope(String field, String members) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"" + wabaId + "\",\"changes\":[{\"field\":\""
                + field + "\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":"
                + "\"15550001111\",\"phone_number_id\":\"" + phoneNumberId + "\"}," + members + "}}]}]}";
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.US_ASCII);
    }

    /** The HTTP status, or -1 when no answer came (refused, reset, timed out). */
    private int send(byte[] body) {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve("webhooks/whatsapp/" + appId)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").header("X-Hub-Signature-256", sign(body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String post(String path, String json) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + FaultServer.PLATFORM_KEY).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String id(String json) {
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return m.group(1);
    }

    private static String digits(int length) {
        StringBuilder digits = new StringBuilder().append(1 + ThreadLocalRandom.current().nextInt(9));
        while (digits.length() < length) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        return digits.toString();
    }
}

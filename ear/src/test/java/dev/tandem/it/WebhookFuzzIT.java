package dev.tandem.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 10,000 mutated or garbage webhook deliveries, most of them correctly signed: the endpoint answers
 * 200 (a validly shaped delivery) or 4xx, never 5xx; the consumers stay healthy (a fresh message lands,
 * every queue drains, nothing reaches the dead-letter queue). Reproducible: the seed is printed, and
 * -Dtandem.fuzz.seed=N replays a run; a failing payload is printed in Base64.
 */
@ExtendWith(ArquillianExtension.class)
class WebhookFuzzIT {

    private static final int PAYLOADS = Integer.getInteger("tandem.fuzz.payloads", 10_000);
    private static final int THREADS = 8;
    private static final List<String> SYNC_QUEUES = List.of("tandem.inbound", "tandem.echoes", "tandem.state-sync",
            "tandem.account", "tandem.archive");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TandemDeployment.ear();
    }

    @ArquillianResource
    URL base;

    @ArquillianResource
    ManagementClient management;

    @Test
    void mutatedAndGarbagePayloadsGetOnly200Or4xxAndNeverStickAConsumer() throws Exception {
        long seed = Long.getLong("tandem.fuzz.seed", 20261124L);
        System.out.println("WebhookFuzzIT seed " + seed + " (-Dtandem.fuzz.seed=" + seed + " replays this run)");
        SyncTenant tenant = new SyncTenant(base);
        Queues queues = new Queues(management);
        long deadLettersBefore = queues.count("TandemDLQ");
        PayloadFuzzer fuzzer = new PayloadFuzzer(new Random(seed), tenant);
        List<byte[]> bodies = new ArrayList<>(PAYLOADS);
        List<String> signatures = new ArrayList<>(PAYLOADS);
        Random signing = new Random(seed ^ 0x5DEECE66DL);
        for (int i = 0; i < PAYLOADS; i++) {
            byte[] body = fuzzer.next(i);
            bodies.add(body);
            int roll = signing.nextInt(100);
            signatures.add(roll < 90 ? tenant.webhooks.sign(body)           // most pass the signature: test the parser
                    : roll < 95 ? null                                       // unsigned
                    : tenant.webhooks.sign(fuzzer.flip(body.clone())));      // signed over other bytes
        }

        AtomicIntegerArray statuses = new AtomicIntegerArray(PAYLOADS);
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        for (int t = 0; t < THREADS; t++) {
            int first = t;
            pool.submit(() -> {
                for (int i = first; i < PAYLOADS; i += THREADS) {
                    try {
                        statuses.set(i, tenant.webhooks.post(bodies.get(i), signatures.get(i)));
                    } catch (RuntimeException e) {
                        errors.add("#" + i + ": " + e);
                    }
                }
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(5, TimeUnit.MINUTES), "the fuzzer's POSTs did not finish in 5 minutes");
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);

        Map<Integer, Integer> histogram = new java.util.TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < PAYLOADS; i++) {
            int status = statuses.get(i);
            histogram.merge(status, 1, Integer::sum);
            if (status != 200 && (status < 400 || status > 499) && failures.size() < 5) {
                String base64 = Base64.getEncoder().encodeToString(bodies.get(i));
                failures.add("#" + i + " got " + status + " (seed " + seed + ", " + bodies.get(i).length + " bytes), body base64: "
                        + (base64.length() > 400 ? base64.substring(0, 400) + "..." : base64));
            }
        }
        System.out.println("WebhookFuzzIT: " + PAYLOADS + " POSTs in " + seconds + " s, answers " + histogram);
        assertTrue(errors.isEmpty(), "requests failed without an answer: " + errors.stream().limit(5).toList());
        assertTrue(failures.isEmpty(), "answers other than 200 or 4xx:\n" + String.join("\n", failures));
        assertTrue(histogram.getOrDefault(200, 0) > PAYLOADS / 10, "too few accepted deliveries to exercise the consumers: "
                + histogram);

        // The consumers are not stuck: a fresh message lands, and every queue drains (no endless redelivery).
        long now = Instant.now().getEpochSecond();
        String control = "wamid.fuzz.control." + TandemDeployment.randomDigits(10);
        assertEquals(200, tenant.webhooks.post(tenant.envelope("messages", "\"contacts\":[{\"profile\":{\"name\":\"After\"},"
                + "\"wa_id\":\"4915199999999\"}],\"messages\":[{\"from\":\"4915199999999\",\"id\":\"" + control + "\",\"timestamp\":\""
                + now + "\",\"type\":\"text\",\"text\":{\"body\":\"still alive\"}}]")));
        Webhooks.await("the control message after the fuzzing", 60, () -> tenant.message(control).status() == 200);
        Webhooks.await("every sync queue drained", 120, () -> SYNC_QUEUES.stream().allMatch(q -> queues.count(q) == 0));
        long deadLetters = queues.count("TandemDLQ") - deadLettersBefore;
        System.out.println("WebhookFuzzIT: " + deadLetters + " events reached the dead-letter queue");
        assertEquals(0, deadLetters, "fuzzed events that failed every attempt: "
                + tenant.admin.get("api/v1/dead-letters?size=200").raw().body());
    }

    /** Valid deliveries of every shape Tandem takes, mutated at the JSON and at the byte level, plus plain garbage. */
    static final class PayloadFuzzer {

        private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
        private static final int[] STRING_LENGTHS = {0, 1, 21, 31, 41, 101, 141, 201, 301, 501, 1001, 5000};

        private final Random random;
        private final SyncTenant tenant;

        PayloadFuzzer(Random random, SyncTenant tenant) {
            this.random = random;
            this.tenant = tenant;
        }

        byte[] next(int i) {
            int roll = random.nextInt(100);
            if (roll < 8) {
                return garbage();
            }
            String valid = valid(i);
            if (roll < 20) {
                return bytes(valid, random.nextInt(3) + 1);
            }
            try {
                JsonNode tree = ApiClient.JSON.readTree(valid);
                int mutations = 1 + random.nextInt(3);
                for (int m = 0; m < mutations; m++) {
                    tree = mutate(tree);
                }
                String text = ApiClient.JSON.writeValueAsString(tree);
                if (random.nextInt(10) == 0) {
                    text = duplicateKey(text);
                }
                if (random.nextInt(50) == 0) {
                    text = deepMember(text);
                }
                return Webhooks.escapeNonAscii(text).getBytes(StandardCharsets.US_ASCII);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** A valid delivery of a random shape with ids unique to payload i. */
        private String valid(int i) {
            long now = Instant.now().getEpochSecond();
            String waId = "4917" + (10_000_000 + random.nextInt(89_999_999));
            String wamid = "wamid.fuzz." + i + "." + random.nextInt(1_000_000);
            String message = "{\"from\":\"" + waId + "\",\"id\":\"" + wamid + "\",\"timestamp\":\"" + now + "\",";
            return switch (random.nextInt(9)) {
                case 0, 1 -> tenant.envelope("messages", "\"contacts\":[{\"profile\":{\"name\":\"Kunde\"},\"wa_id\":\"" + waId
                        + "\"}],\"messages\":[" + message + "\"type\":\"text\",\"text\":{\"body\":\"Hallo ü 👋\"}}]");
                case 2 -> tenant.envelope("messages", "\"contacts\":[{\"profile\":{\"name\":\"K\"},\"wa_id\":\"" + waId
                        + "\"}],\"messages\":[" + message + "\"type\":\"image\",\"image\":{\"caption\":\"Foto\",\"mime_type\":"
                        + "\"image/jpeg\",\"sha256\":\"abc\",\"id\":\"media" + i + "\"}},"
                        + message.replace(wamid, wamid + ".e") + "\"type\":\"edit\",\"edit\":{\"original_message_id\":\"" + wamid
                        + "\",\"message\":{\"type\":\"text\",\"text\":{\"body\":\"neu\"}}}}]");
                case 3 -> tenant.envelope("messages", "\"statuses\":[{\"id\":\"" + wamid + "\",\"status\":\"" + List.of("sent",
                        "delivered", "read", "failed").get(random.nextInt(4)) + "\",\"timestamp\":\"" + now + "\",\"recipient_id\":\""
                        + waId + "\",\"pricing\":{\"billable\":true,\"category\":\"service\"},\"errors\":[{\"code\":131047,"
                        + "\"title\":\"Re-engagement message\",\"error_data\":{\"details\":\"24 hours passed\"}}]}]");
                case 4 -> tenant.envelope("smb_message_echoes", "\"message_echoes\":[{\"from\":\"15550001111\",\"to\":\"" + waId
                        + "\",\"id\":\"" + wamid + "\",\"timestamp\":\"" + now + "\",\"type\":\"text\",\"text\":{\"body\":\"Echo\"}}]");
                case 5 -> tenant.envelope("smb_app_state_sync", "\"state_sync\":[{\"type\":\"contact\",\"contact\":{\"full_name\":"
                        + "\"Pablo Morales\",\"first_name\":\"Pablo\",\"phone_number\":\"" + waId + "\"},\"action\":\"add\","
                        + "\"metadata\":{\"timestamp\":\"" + now + "\"}}]");
                case 6 -> tenant.envelope("history", "\"history\":[{\"metadata\":{\"phase\":" + random.nextInt(3)
                        + ",\"chunk_order\":" + (1 + random.nextInt(5)) + ",\"progress\":" + random.nextInt(101)
                        + "},\"threads\":[{\"id\":\"" + waId + "\",\"messages\":[" + message + "\"type\":\"text\",\"text\":{\"body\""
                        + ":\"alt\"},\"history_context\":{\"status\":\"READ\"}}]}]}]");
                case 7 -> Webhooks.envelope(tenant.wabaId, "account_update", "{\"phone_number\":\"15550001111\",\"event\":\""
                        + List.of("ACCOUNT_RECONNECTED", "PARTNER_REMOVED", "ACCOUNT_UPDATE").get(random.nextInt(3))
                        + "\",\"disconnection_info\":{\"reason\":\"PRIMARY_INACTIVITY\",\"initiated_by\":\"SYSTEM\"}}");
                default -> Webhooks.envelope(tenant.wabaId, "message_template_status_update", "{\"event\":\"APPROVED\","
                        + "\"message_template_id\":" + (1000 + i) + ",\"message_template_name\":\"fuzz_" + i + "\","
                        + "\"message_template_language\":\"en_US\",\"reason\":\"NONE\"}");
            };
        }

        private JsonNode mutate(JsonNode root) {
            List<JsonNode> containers = new ArrayList<>();
            collect(root, containers);
            if (containers.isEmpty()) {
                return randomValue(root);
            }
            JsonNode parent = containers.get(random.nextInt(containers.size()));
            if (parent instanceof ObjectNode object && !object.isEmpty()) {
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                String name = names.get(random.nextInt(names.size()));
                switch (random.nextInt(4)) {
                    case 0 -> object.remove(name);
                    case 1 -> object.set(name + (random.nextBoolean() ? "" : "_x"), object.get(name).deepCopy());
                    default -> object.set(name, randomValue(object.get(name)));
                }
            } else if (parent instanceof ArrayNode array && !array.isEmpty()) {
                int index = random.nextInt(array.size());
                switch (random.nextInt(4)) {
                    case 0 -> array.remove(index);
                    case 1 -> array.add(array.get(index).deepCopy());
                    default -> array.set(index, randomValue(array.get(index)));
                }
            } else if (random.nextBoolean()) {
                return randomValue(root);
            }
            return root;
        }

        private static void collect(JsonNode node, List<JsonNode> containers) {
            if (node.isContainerNode()) {
                containers.add(node);
                node.elements().forEachRemaining(child -> collect(child, containers));
            }
        }

        private JsonNode randomValue(JsonNode old) {
            return switch (random.nextInt(16)) {
                case 0 -> NODES.nullNode();
                case 1 -> NODES.booleanNode(random.nextBoolean());
                case 2 -> NODES.numberNode(random.nextInt());
                case 3 -> NODES.numberNode(new BigInteger(1 + random.nextInt(400), random));
                case 4 -> NODES.numberNode(new BigDecimal("1e" + (random.nextBoolean() ? "" : "-") + random.nextInt(100_000)));
                case 5 -> NODES.numberNode(-random.nextDouble() * Long.MAX_VALUE);
                case 6 -> NODES.textNode(String.valueOf(Long.MAX_VALUE - random.nextInt(3)));
                case 7, 8, 9 -> NODES.textNode(randomString(STRING_LENGTHS[random.nextInt(STRING_LENGTHS.length)]));
                case 10 -> NODES.arrayNode().add(old.deepCopy());
                case 11 -> NODES.objectNode().set("x", old.deepCopy());
                case 12 -> NODES.arrayNode();
                case 13 -> NODES.objectNode();
                case 14 -> deep(1 + random.nextInt(100));
                default -> NODES.textNode(old.isValueNode() ? old.asText() + old.asText() : "");
            };
        }

        private JsonNode deep(int depth) {
            JsonNode node = NODES.textNode("bottom");
            for (int d = 0; d < depth; d++) {
                node = random.nextBoolean() ? NODES.arrayNode().add(node) : NODES.objectNode().set("n", node);
            }
            return node;
        }

        private String randomString(int length) {
            String alphabet = "abcXYZ019 .-_+/=:\"\\\u0000\u0001\n\t\u00fc\u20ac\ud83d\udc4b\ud800<>&'";
            StringBuilder text = new StringBuilder(length);
            while (text.length() < length) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return text.toString();
        }

        /** Nesting far deeper than a tree of the test can hold: added at the text level, after the first '{'. */
        private String deepMember(String json) {
            int at = json.indexOf('{');
            int depth = 1_000 + random.nextInt(50_000);
            return at < 0 ? json : json.substring(0, at + 1) + "\"deep\":" + "[".repeat(depth) + "]".repeat(depth) + ","
                    + json.substring(at + 1);
        }

        /** Duplicates one member at the text level, which a tree cannot hold. */
        private String duplicateKey(String json) {
            int at = json.indexOf("\":", random.nextInt(Math.max(1, json.length())));
            if (at < 0) {
                return json;
            }
            int start = json.lastIndexOf('"', at - 1);
            return start < 0 ? json : json.substring(0, start) + json.substring(start, at) + "\":\"dup\"," + json.substring(start);
        }

        /** Byte-level damage to a valid delivery: truncation, flips, invalid UTF-8, cut-and-paste. */
        private byte[] bytes(String valid, int damages) {
            byte[] body = Webhooks.escapeNonAscii(valid).getBytes(StandardCharsets.US_ASCII);
            for (int d = 0; d < damages; d++) {
                body = switch (random.nextInt(5)) {
                    case 0 -> java.util.Arrays.copyOf(body, random.nextInt(body.length + 1));
                    case 1 -> flip(body);
                    case 2 -> insert(body, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0x80});
                    case 3 -> insert(body, java.util.Arrays.copyOfRange(body, 0, random.nextInt(body.length + 1)));
                    default -> insert(body, ("\"\\u" + Integer.toHexString(0xd800 + random.nextInt(0x800)) + "\"")
                            .getBytes(StandardCharsets.US_ASCII));
                };
            }
            return body;
        }

        byte[] flip(byte[] body) {
            if (body.length == 0) {
                return new byte[] {(byte) random.nextInt(256)};
            }
            for (int f = 0; f < 1 + random.nextInt(4); f++) {
                body[random.nextInt(body.length)] ^= (byte) (1 << random.nextInt(8));
            }
            return body;
        }

        private byte[] insert(byte[] body, byte[] piece) {
            int at = random.nextInt(body.length + 1);
            byte[] out = new byte[body.length + piece.length];
            System.arraycopy(body, 0, out, 0, at);
            System.arraycopy(piece, 0, out, at, piece.length);
            System.arraycopy(body, at, out, at + piece.length, body.length - at);
            return out;
        }

        private byte[] garbage() {
            return switch (random.nextInt(10)) {
                case 0 -> new byte[0];
                case 1 -> "null".getBytes(StandardCharsets.US_ASCII);
                case 2 -> "[{\"object\":\"whatsapp_business_account\"}]".getBytes(StandardCharsets.US_ASCII);
                case 3 -> "\"entry\"".getBytes(StandardCharsets.US_ASCII);
                case 4 -> "<xml><entry/></xml>".getBytes(StandardCharsets.US_ASCII);
                case 5 -> "object=whatsapp_business_account&entry=1".getBytes(StandardCharsets.US_ASCII);
                case 6 -> ("{\"entry\":" + "[".repeat(20_000) + "]".repeat(20_000) + "}").getBytes(StandardCharsets.US_ASCII);
                case 7 -> ("{\"object\":\"whatsapp_business_account\",\"entry\":" + "{\"a\":".repeat(3_000) + "1"
                        + "}".repeat(3_000) + "}").getBytes(StandardCharsets.US_ASCII);
                default -> {
                    byte[] bytes = new byte[random.nextInt(4096)];
                    random.nextBytes(bytes);
                    yield bytes;
                }
            };
        }
    }

    /** Message counts of the broker's queues, read through the management API. */
    static final class Queues {
        private final ManagementClient management;

        Queues(ManagementClient management) {
            this.management = management;
        }

        long count(String queue) {
            try {
                var result = management.getControllerClient().execute(
                        org.jboss.as.controller.client.helpers.Operations.createReadAttributeOperation(
                                org.jboss.as.controller.client.helpers.Operations.createAddress("subsystem", "messaging-activemq",
                                        "server", "default", "jms-queue", queue), "message-count"));
                if (!org.jboss.as.controller.client.helpers.Operations.isSuccessfulOutcome(result)) {
                    throw new AssertionError("cannot read the depth of " + queue + ": " + result);
                }
                return org.jboss.as.controller.client.helpers.Operations.readResult(result).asLong();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}

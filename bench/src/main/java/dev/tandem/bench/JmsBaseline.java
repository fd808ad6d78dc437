package dev.tandem.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The broker's limit: what WebhookIntake sends per delivery (the gzip of the body to the archive
 * queue and the event's JSON as UTF-8, as SyncEvent writes it, to its sync queue, both persistent, in one
 * transaction), sent by bare producers to an embedded Artemis (the 2.44.0 WildFly 39 bundles) whose
 * persistent journal lives in the work directory, i.e. on the same disk. No consumers, no HTTP, no
 * signature check, no JSON parsing in the timed loop: the messages are made beforehand.
 */
final class JmsBaseline {

    private JmsBaseline() {
    }

    private record Delivery(byte[] archive, byte[] event, String groupId, String kind) {
    }

    static Map<String, Object> run(int deliveries, int producers, Path work) throws Exception {
        List<Delivery> messages = new ArrayList<>(deliveries);
        String appId = "100000000000001";
        for (EventMix.Delivery d : new EventMix("200000000000001", "300000000000001", "4915100000001", System.nanoTime())
                .deliveries(deliveries).subList(0, deliveries)) {
            messages.add(event(d, appId));
        }
        Path journal = work.resolve("baseline-artemis");
        JdbcBaseline.deleteTree(journal);
        Configuration config = new ConfigurationImpl()
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJournalDirectory(journal.resolve("journal").toString())
                .setBindingsDirectory(journal.resolve("bindings").toString())
                .setPagingDirectory(journal.resolve("paging").toString())
                .setLargeMessagesDirectory(journal.resolve("large").toString())
                .addAcceptorConfiguration("in-vm", "vm://0");
        for (String queue : List.of("ArchiveQueue", "InboundQueue", "EchoQueue")) {
            config.addQueueConfiguration(QueueConfiguration.of(queue).setRoutingType(RoutingType.ANYCAST));
        }
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(config);
        broker.start();
        String journalType = broker.getActiveMQServer().getConfiguration().getJournalType().name();
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://0")) {
            AtomicInteger next = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(producers);
            List<Future<?>> done = new ArrayList<>();
            long start = System.nanoTime();
            for (int p = 0; p < producers; p++) {
                done.add(pool.submit(() -> {
                    try (Connection connection = factory.createConnection()) {
                        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                        Map<String, Queue> queues = new LinkedHashMap<>();
                        for (String q : List.of("ArchiveQueue", "InboundQueue", "EchoQueue")) {
                            queues.put(q, session.createQueue(q));
                        }
                        MessageProducer producer = session.createProducer(null);
                        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                        for (int i = next.getAndIncrement(); i < messages.size(); i = next.getAndIncrement()) {
                            Delivery d = messages.get(i);
                            BytesMessage archive = session.createBytesMessage();
                            archive.writeBytes(d.archive());
                            archive.setStringProperty("deliveryId", UUID.randomUUID().toString());
                            archive.setStringProperty("appId", appId);
                            archive.setStringProperty("receivedAt", Instant.now().toString());
                            producer.send(queues.get("ArchiveQueue"), archive);
                            BytesMessage event = session.createBytesMessage();
                            event.writeBytes(d.event());
                            event.setStringProperty("JMSXGroupID", d.groupId());
                            event.setStringProperty("kind", d.kind());
                            producer.send(queues.get(queueOf(d.kind())), event);
                            session.commit();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("deliveries", deliveries);
            result.put("messages", 2L * deliveries);
            result.put("producers", producers);
            result.put("journalType", journalType);
            result.put("seconds", IngestBench.round(seconds));
            result.put("deliveriesPerSecond", IngestBench.round(deliveries / seconds));
            result.put("messagesPerSecond", IngestBench.round(2.0 * deliveries / seconds));
            return result;
        } finally {
            broker.stop();
        }
    }

    private static String queueOf(String kind) {
        return "ECHO".equals(kind) ? "EchoQueue" : "InboundQueue"; // statuses travel with messages, as EventKind routes them
    }

    /** The delivery as WebhookIntake would send it: the gzip body, and SyncEvent's JSON for its one event. */
    private static Delivery event(EventMix.Delivery d, String appId) throws Exception {
        JsonNode envelope = TandemApi.JSON.readTree(d.body());
        JsonNode value = envelope.path("entry").path(0).path("changes").path(0).path("value");
        String field = envelope.path("entry").path(0).path("changes").path(0).path("field").asText();
        String phone = value.path("metadata").path("phone_number_id").asText();
        JsonNode item;
        String kind;
        String key;
        switch (d.kind()) {
            case ECHO -> {
                item = value.path("message_echoes").path(0);
                kind = "ECHO";
                key = item.path("to").asText();
            }
            case STATUS -> {
                item = value.path("statuses").path(0);
                kind = "STATUS";
                key = item.path("recipient_id").asText();
            }
            default -> {
                item = value.path("messages").path(0);
                kind = "MESSAGE";
                key = item.path("from").asText();
            }
        }
        ObjectNode json = TandemApi.JSON.createObjectNode();
        json.put("kind", kind).put("field", field).put("appId", appId).put("deliveryId", UUID.randomUUID().toString())
                .put("receivedAt", Instant.now().toString()).put("groupId", phone + ":" + key).set("item", item);
        json.put("wabaId", envelope.path("entry").path(0).path("id").asText()).put("phoneNumberId", phone);
        if (d.kind() == EventMix.Kind.INBOUND) {
            json.set("profile", value.path("contacts").path(0));
        }
        return new Delivery(JdbcBaseline.gzip(d.body().getBytes(StandardCharsets.UTF_8)),
                json.toString().getBytes(StandardCharsets.UTF_8),
                phone + ":" + key, kind);
    }
}

package dev.tandem.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A poison event (one that fails in its consumer on every attempt) ends in TandemDLQ after the
 * configured attempts, with the reason Tandem recorded, logged with tenant and ids, and the later
 * messages of its conversation land meanwhile. Every poison a webhook could carry is a validation bug
 * fixed at the source (WebhookFuzzIT guards that), so this one is put on the queue directly, as a
 * Tandem of another version would have left it in the journal: a history chunk on the inbound queue,
 * in the group of a live conversation, sent by an operator (group tandem-operator, the only role that
 * may send to Tandem's internal queues).
 */
@ExtendWith(ArquillianExtension.class)
class PoisonMessageIT {

    private static final String USER = "tandem-it-poison";
    /** The broker's max-delivery-attempts in the tests: TANDEM_JMS_MAX_ATTEMPTS unset, so the default. */
    private static final int MAX_ATTEMPTS = 5;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TandemDeployment.ear();
    }

    @ArquillianResource
    URL base;

    @ArquillianResource
    ManagementClient management;

    private BrokerUser operator;

    @BeforeEach
    void brokerUser() throws Exception {
        operator = BrokerUser.add(management, USER, "tandem-operator");
    }

    @AfterEach
    void removeUser() throws Exception {
        operator.close();
    }

    @Test
    void aPoisonEventReachesTheDeadLetterQueueWithItsReasonAndItsConversationMovesOn() throws Exception {
        SyncTenant tenant = new SyncTenant(base);
        String waId = "4915" + TandemDeployment.randomDigits(9);
        long now = Instant.now().getEpochSecond();
        String before = "wamid.poison.before." + UUID.randomUUID();
        assertEquals(200, tenant.webhooks.post(message(tenant, waId, before, now - 2)));
        Webhooks.await("the message before the poison", 30, () -> tenant.message(before).status() == 200);

        String group = tenant.phoneNumberId + ":" + waId;
        String poisonId = injectPoison(tenant, group);
        long injected = System.nanoTime();

        String after = "wamid.poison.after." + UUID.randomUUID();
        assertEquals(200, tenant.webhooks.post(message(tenant, waId, after, now)));
        Webhooks.await("the conversation's next message, past the poison", 60, () -> tenant.message(after).status() == 200);
        long afterLanded = System.nanoTime();
        assertEquals(tenant.conversationOf(before), tenant.conversationOf(after), "the same conversation");

        Webhooks.await("the poison in the dead-letter queue", 60, () -> deadLetter(tenant, poisonId) != null);
        long deadLettered = System.nanoTime();
        JsonNode report = tenant.admin.get("api/v1/dead-letters?size=200").json();
        assertTrue(report.get("depth").asInt() >= 1, "the depth counts it");
        JsonNode poison = deadLetter(tenant, poisonId);
        assertEquals("tandem.inbound", poison.get("queue").asText());
        assertEquals("HISTORY", poison.get("kind").asText());
        assertEquals(group, poison.get("groupId").asText());
        assertEquals(tenant.tenantId, poison.get("tenantId").asText());
        assertEquals(MAX_ATTEMPTS, poison.get("attempts").asInt(), "every configured attempt was made");
        assertTrue(poison.get("reason").asText().contains("MessageSync does not handle HISTORY"), poison.toString());
        assertNotNull(poison.get("lastFailedAt").asText());

        String log = Files.readString(Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log"));
        assertTrue(log.lines().anyMatch(line -> line.contains(poisonId) && line.contains(tenant.tenantId)
                        && line.contains("dead-letter queue") && line.contains("MessageSync does not handle HISTORY")),
                "the last failure is logged with tenant, JMS message id and reason");
        assertEquals(403, tenant.admin.withKey(tenant.admin.issueKey(tenant.tenantId, "TENANT_ADMIN"))
                .get("api/v1/dead-letters").status(), "dead letters are for platform admins");
        System.out.printf("PoisonMessageIT: next message landed after %d ms, poison dead-lettered after %d ms%n",
                (afterLanded - injected) / 1_000_000, (deadLettered - injected) / 1_000_000);
    }

    /**
     * The consumers apply the messages waiting on a queue in batches, one transaction each. A poison among
     * them fails its batch; its neighbours must still land, each once, and must never be counted as failed
     * attempts (or they would follow it into the dead-letter queue).
     */
    @Test
    void aPoisonInABatchFailsAloneAndTheMessagesWaitingWithItLand() throws Exception {
        SyncTenant tenant = new SyncTenant(base);
        String waId = "4916" + TandemDeployment.randomDigits(9);
        String group = tenant.phoneNumberId + ":" + waId;
        long now = Instant.now().getEpochSecond();
        List<String> wamids = new ArrayList<>();
        List<String> neighbourIds = new ArrayList<>();
        String poisonId = null;
        try (Connection connection = operator.connect()) {
            // one broker transaction: everything is waiting on the queue at once, the poison in the middle
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer producer = session.createProducer(session.createQueue("tandem.inbound"));
            for (int i = 0; i < 30; i++) {
                String sender = i % 3 == 0 ? waId : "4917" + TandemDeployment.randomDigits(9);
                String wamid = "wamid.batch." + i + "." + UUID.randomUUID();
                wamids.add(wamid);
                TextMessage message = session.createTextMessage(syncEvent("MESSAGE", "messages", tenant,
                        tenant.phoneNumberId + ":" + sender, "{\"from\":\"" + sender + "\",\"id\":\"" + wamid
                                + "\",\"timestamp\":\"" + (now + i) + "\",\"type\":\"text\",\"text\":{\"body\":\"Hallo\"}}"));
                message.setStringProperty("JMSXGroupID", tenant.phoneNumberId + ":" + sender);
                message.setStringProperty("kind", "MESSAGE");
                producer.send(message);
                neighbourIds.add(message.getJMSMessageID());
                if (i == 15) {
                    TextMessage poison = poison(session, tenant, group);
                    producer.send(poison);
                    poisonId = poison.getJMSMessageID();
                }
            }
            session.commit();
        }
        for (String wamid : wamids) {
            Webhooks.await("message " + wamid + " of the poison's batch", 60, () -> tenant.message(wamid).status() == 200);
        }
        String poisonMessageId = poisonId;
        Webhooks.await("the poison in the dead-letter queue", 60, () -> deadLetter(tenant, poisonMessageId) != null);
        assertEquals(MAX_ATTEMPTS, deadLetter(tenant, poisonMessageId).get("attempts").asInt());
        for (JsonNode item : tenant.admin.get("api/v1/dead-letters?size=200").json().get("items")) {
            assertFalse(neighbourIds.contains(item.path("messageId").asText()), "a neighbour of the poison is a dead letter: " + item);
        }
        assertEquals(10, tenant.admin.get("api/v1/conversations/" + tenant.conversationOf(wamids.get(0)) + "/messages?size=50")
                .json().get("total").asInt(), "the poison's conversation got its ten messages, once each");
    }

    /** Puts a history chunk on the inbound queue, in the conversation's group; returns its JMS message id. */
    private String injectPoison(SyncTenant tenant, String group) throws Exception {
        try (Connection connection = operator.connect()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TextMessage poison = poison(session, tenant, group);
            session.createProducer(session.createQueue("tandem.inbound")).send(poison);
            return poison.getJMSMessageID();
        }
    }

    /** A history chunk, which the inbound queue's consumer refuses on every attempt. */
    private static TextMessage poison(Session session, SyncTenant tenant, String group) throws Exception {
        TextMessage poison = session.createTextMessage(syncEvent("HISTORY", "history", tenant, group,
                "{\"metadata\":{\"phase\":0,\"chunk_order\":1,\"progress\":10},\"threads\":[]}"));
        poison.setStringProperty("JMSXGroupID", group);
        poison.setStringProperty("kind", "HISTORY");
        return poison;
    }

    /** A sync event as the intake puts it on a queue. */
    private static String syncEvent(String kind, String field, SyncTenant tenant, String group, String item) {
        return "{\"kind\":\"" + kind + "\",\"field\":\"" + field + "\",\"appId\":\"" + tenant.appId
                + "\",\"wabaId\":\"" + tenant.wabaId + "\",\"phoneNumberId\":\"" + tenant.phoneNumberId
                + "\",\"deliveryId\":\"" + UUID.randomUUID() + "\",\"receivedAt\":\"" + Instant.now() + "\",\"groupId\":\""
                + group + "\",\"item\":" + item + "}";
    }

    private static JsonNode deadLetter(SyncTenant tenant, String jmsMessageId) {
        for (JsonNode item : tenant.admin.get("api/v1/dead-letters?size=200").json().get("items")) {
            if (jmsMessageId.equals(item.path("messageId").asText()) && item.hasNonNull("reason")) {
                return item;
            }
        }
        return null;
    }

    private static String message(SyncTenant tenant, String waId, String wamid, long timestamp) {
        return tenant.envelope("messages", "\"contacts\":[{\"profile\":{\"name\":\"Ana\"},\"wa_id\":\"" + waId
                + "\"}],\"messages\":[{\"from\":\"" + waId + "\",\"id\":\"" + wamid + "\",\"timestamp\":\"" + timestamp
                + "\",\"type\":\"text\",\"text\":{\"body\":\"Hallo\"}}]");
    }
}

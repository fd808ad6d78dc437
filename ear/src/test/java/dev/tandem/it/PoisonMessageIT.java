package dev.tandem.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    /** Puts a history chunk on the inbound queue, in the conversation's group; returns its JMS message id. */
    private String injectPoison(SyncTenant tenant, String group) throws Exception {
        try (Connection connection = operator.connect()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue("tandem.inbound"));
            TextMessage poison = session.createTextMessage("{\"kind\":\"HISTORY\",\"field\":\"history\",\"appId\":\""
                    + tenant.appId + "\",\"wabaId\":\"" + tenant.wabaId + "\",\"phoneNumberId\":\"" + tenant.phoneNumberId
                    + "\",\"deliveryId\":\"" + UUID.randomUUID() + "\",\"receivedAt\":\"" + Instant.now() + "\",\"groupId\":\""
                    + group + "\",\"item\":{\"metadata\":{\"phase\":0,\"chunk_order\":1,\"progress\":10},\"threads\":[]}}");
            poison.setStringProperty("JMSXGroupID", group);
            poison.setStringProperty("kind", "HISTORY");
            producer.send(poison);
            return poison.getJMSMessageID();
        }
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

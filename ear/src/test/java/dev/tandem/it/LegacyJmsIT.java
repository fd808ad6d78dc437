package dev.tandem.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.io.IOException;
import java.net.URL;
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
 * A legacy system outside the server reads Tandem's events: an Artemis JMS client over WildFly's
 * HTTP port (the remote connection factory's http-connector), authenticated as an application user
 * in group tandem-events, with a durable subscription that keeps events while it is away; it sends
 * over tandem.send-requests, and Tandem's internal queues are closed to it.
 */
@ExtendWith(ArquillianExtension.class)
class LegacyJmsIT {

    private static final String USER = "tandem-it-legacy";
    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TandemDeployment.ear();
    }

    @ArquillianResource
    URL base;

    @ArquillianResource
    ManagementClient management;

    private final String clientId = "legacy-it-" + UUID.randomUUID();
    private BrokerUser legacy;

    @BeforeEach
    void applicationUser() throws Exception {
        legacy = BrokerUser.add(management, USER, "tandem-events,tandem-send,guest");
    }

    @AfterEach
    void removeUser() throws Exception {
        legacy.close();
    }

    @Test
    void aDurableSubscriberOutsideTheServerReceivesEveryEventOnceEvenWhileAway() throws Exception {
        SyncTenant tenant = new SyncTenant(base);
        long now = Instant.now().getEpochSecond();
        String first = "wamid.legacy.1." + UUID.randomUUID();
        String second = "wamid.legacy.2." + UUID.randomUUID();
        String selector = "tenantId = '" + tenant.tenantId + "'";

        try (Connection connection = subscribe()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createDurableConsumer(topic(session), "events", selector, false);
            connection.start();
            assertEquals(200, tenant.webhooks.post(message(tenant, first, now)));
            JsonNode event = awaitEvent(consumer, "message.received");
            UUID.fromString(event.get("id").asText()); // subscribers recognise a repeated event by its id
            assertEquals(tenant.tenantId, event.get("tenantId").asText());
            assertEquals(first, event.get("data").get("wamid").asText());
            assertEquals("CUSTOMER", event.get("data").get("origin").asText());
            assertTrue(Instant.parse(event.get("occurredAt").asText()).isAfter(Instant.now().minusSeconds(120)));
        }

        // While the legacy system is away, another message arrives...
        assertEquals(200, tenant.webhooks.post(message(tenant, second, now + 1)));
        Webhooks.await("the second message", 30, () -> tenant.message(second).status() == 200);

        // ...and it is waiting in the durable subscription when the system comes back.
        try (Connection connection = subscribe()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createDurableConsumer(topic(session), "events", selector, false);
            connection.start();
            JsonNode event = awaitEvent(consumer, "message.received");
            assertEquals(second, event.get("data").get("wamid").asText());
            consumer.close();
            session.unsubscribe("events");
        }
    }

    @Test
    void aLegacySystemSendsOverJmsAndGetsEveryAnswerOnItsReplyQueue() throws Exception {
        SyncTenant tenant = new SyncTenant(base);
        new SandboxClient(base).registerNumber(tenant, tenant.phoneNumberId, "EAAG-it-access-token-secret", true);
        assertEquals(201, new SandboxClient(base).exchange("POST", "world/numbers/" + tenant.phoneNumberId + "/templates",
                null, java.util.Map.of("name", "jms_notice", "language", "en", "bodyParameters", 0)).statusCode());
        String apiKey = tenant.admin.issueKey(tenant.tenantId, "TENANT_ADMIN");
        String template = "{\"to\":\"+4917011112222\",\"type\":\"template\",\"template\":{\"name\":\"jms_notice\","
                + "\"language\":{\"code\":\"en\"}}}";
        try (Connection connection = legacy.connect()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            var requests = session.createProducer(session.createQueue("tandem.send-requests"));
            var replyQueue = session.createTemporaryQueue();
            MessageConsumer replies = session.createConsumer(replyQueue);
            connection.start();

            JsonNode accepted = request(session, requests, replyQueue, replies, "c-1", template, apiKey, "jms-order-7");
            assertEquals(202, accepted.get("status").asInt(), accepted.toString());
            assertEquals("QUEUED", accepted.get("send").get("state").asText());
            JsonNode replayed = request(session, requests, replyQueue, replies, "c-2", template, apiKey, "jms-order-7");
            assertEquals(200, replayed.get("status").asInt());
            assertEquals(accepted.get("send").get("id").asText(), replayed.get("send").get("id").asText());

            JsonNode refused = request(session, requests, replyQueue, replies, "c-3",
                    "{\"to\":\"+4917011112222\",\"type\":\"text\",\"text\":{\"body\":\"hi\"}}", apiKey, null);
            assertEquals(422, refused.get("status").asInt());
            assertEquals("urn:tandem:problem:service-window-closed", refused.get("problem").get("type").asText());
            JsonNode invalid = request(session, requests, replyQueue, replies, "c-4",
                    "{\"type\":\"text\",\"text\":{\"body\":\"hi\"}}", apiKey, null);
            assertEquals(400, invalid.get("status").asInt());
            assertEquals("to", invalid.get("problem").get("errors").get(0).get("field").asText());
            JsonNode unauthorized = request(session, requests, replyQueue, replies, "c-5", template, "tdm_not-a-key-00000000000000000000", null);
            assertEquals(401, unauthorized.get("status").asInt());

            String id = accepted.get("send").get("id").asText();
            Webhooks.await("Meta's acceptance", 30, () -> "ACCEPTED".equals(tenant.admin.get("api/v1/outbound-messages/" + id)
                    .json().get("state").asText()));
        }
    }

    /** Sends one request and returns the reply that carries its correlation id. */
    private static JsonNode request(Session session, jakarta.jms.MessageProducer requests, jakarta.jms.Destination replyTo,
                                    MessageConsumer replies, String correlation, String json, String apiKey,
                                    String idempotencyKey) throws JMSException, IOException {
        TextMessage request = session.createTextMessage(json);
        request.setJMSReplyTo(replyTo);
        request.setJMSCorrelationID(correlation);
        request.setStringProperty("apiKey", apiKey);
        if (idempotencyKey != null) {
            request.setStringProperty("idempotencyKey", idempotencyKey);
        }
        requests.send(request);
        Message reply = replies.receive(30_000);
        assertTrue(reply instanceof TextMessage, "no reply to " + correlation + " within 30 s");
        assertEquals(correlation, reply.getJMSCorrelationID());
        return ApiClient.JSON.readTree(((TextMessage) reply).getText());
    }

    @Test
    void withoutCredentialsTheBrokerRefusesTheClient() {
        try (Connection connection = BrokerUser.connectionFactory().createConnection("nobody", "wrong")) {
            connection.start();
            throw new AssertionError("an unknown user was let in");
        } catch (JMSException expected) {
            assertTrue(expected.getMessage() != null);
        }
    }

    @Test
    void aLegacyUserCannotSendToOrReadTandemsInternalQueues() throws Exception {
        // USER holds every group a legacy system gets: tandem-events, tandem-send and guest.
        try (Connection connection = legacy.connect()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            for (String queue : List.of("tandem.inbound", "tandem.echoes", "tandem.state-sync", "tandem.account",
                    "tandem.archive", "tandem.outbound", "TandemDLQ")) {
                jakarta.jms.MessageProducer producer = session.createProducer(session.createQueue(queue));
                TextMessage forged = session.createTextMessage("{\"kind\":\"MESSAGE\"}");
                assertThrows(JMSSecurityException.class, () -> producer.send(forged), "sending to " + queue);
                assertThrows(JMSSecurityException.class, () -> session.createConsumer(session.createQueue(queue)),
                        "consuming from " + queue);
            }
        }
    }

    private Connection subscribe() throws JMSException {
        Connection connection = legacy.connect();
        connection.setClientID(clientId);
        return connection;
    }

    private static Topic topic(Session session) throws JMSException {
        return session.createTopic("TandemEvents");
    }

    /** Reads events until one of {@code type} arrives (other types, e.g. tenant.created, may come first). */
    private static JsonNode awaitEvent(MessageConsumer consumer, String type) throws JMSException, IOException {
        long deadline = System.currentTimeMillis() + 30_000;
        List<String> seen = new ArrayList<>();
        while (System.currentTimeMillis() < deadline) {
            Message message = consumer.receive(1000);
            if (message instanceof TextMessage text) {
                JsonNode event = ApiClient.JSON.readTree(text.getText());
                seen.add(event.get("type").asText());
                if (type.equals(event.get("type").asText())) {
                    assertEquals(type, message.getStringProperty("type"), "the type is also a property for selectors");
                    return event;
                }
            }
        }
        throw new AssertionError("no " + type + " event within 30 s; saw " + seen);
    }

    private static String message(SyncTenant tenant, String wamid, long timestamp) {
        return tenant.envelope("messages", "\"messages\":[{\"from\":\"16505551234\",\"id\":\"" + wamid
                + "\",\"timestamp\":\"" + timestamp + "\",\"type\":\"text\",\"text\":{\"body\":\"hello legacy\"}}]");
    }
}

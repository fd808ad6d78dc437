package dev.tandem.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Signed webhooks in, exactly-once rows out: duplicates, reordering, batching, echoes, edits, lifecycle. */
@ExtendWith(ArquillianExtension.class)
class WebhookIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TandemDeployment.ear();
    }

    @ArquillianResource
    URL base;

    private SyncTenant tenant;
    private ApiClient admin;
    private Webhooks webhooks;
    private String wabaId;
    private String phoneNumberId;
    private String tenantId;
    private long now;

    @BeforeEach
    void tenantWithItsOwnMetaApp() {
        tenant = new SyncTenant(base);
        admin = tenant.admin;
        webhooks = tenant.webhooks;
        wabaId = tenant.wabaId;
        phoneNumberId = tenant.phoneNumberId;
        tenantId = tenant.tenantId;
        now = Instant.now().getEpochSecond();
    }

    @Test
    void theVerificationHandshakeEchoesTheChallengeOnlyForTheRightToken() {
        var ok = webhooks.handshake(SyncTenant.VERIFY_TOKEN, "1158201444");
        assertEquals(200, ok.statusCode());
        assertEquals("1158201444", ok.body());
        assertTrue(ok.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertEquals(403, webhooks.handshake("wrong-token", "1158201444").statusCode());
    }

    @Test
    void aMissingOrBadSignatureGets401AndNothingIsStored() throws Exception {
        String wamid = "wamid.unsigned." + TandemDeployment.randomDigits(8);
        byte[] body = message(wamid, "16505550001", now, "text", "{\"body\":\"should never land\"}")
                .getBytes(StandardCharsets.US_ASCII);
        assertEquals(401, webhooks.post(body, null));
        assertEquals(401, webhooks.post(body, "sha256=" + "0".repeat(64)));
        assertEquals(401, webhooks.post(body, new Webhooks(base, "1", "other-secret").sign(body)));
        assertEquals(401, new Webhooks(base, "999999999999999", SyncTenant.APP_SECRET).post(body, webhooks.sign(body)),
                "an unknown app has no secret to match");
        // A correctly signed control message proves the pipeline was running while the bad ones were refused.
        String control = "wamid.control." + TandemDeployment.randomDigits(8);
        assertEquals(200, webhooks.post(message(control, "16505550001", now, "text", "{\"body\":\"control\"}")));
        Webhooks.await("the control message", 30, () -> messageReply(control).status() == 200);
        assertEquals(404, messageReply(wamid).status());
    }

    @Test
    void everyEventDeliveredThreeTimesInShuffledOrderLandsExactlyOnce() throws Exception {
        Random random = new Random(42);
        List<String> events = new ArrayList<>();
        List<String> contacts = new ArrayList<>();
        List<String> echoes = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            String waId = "49151" + TandemDeployment.randomDigits(8);
            contacts.add(waId);
            events.add(messageValue("wamid.in." + waId + ".1", waId, now - 300, "text", "{\"body\":\"Grüß Gott 👋 #" + c + "\"}"));
            events.add(messageValue("wamid.in." + waId + ".2", waId, now - 200, "image",
                    "{\"caption\":\"Foto\",\"mime_type\":\"image/jpeg\",\"sha256\":\"abc\",\"id\":\"media" + c + "\"}"));
            events.add(messageValue("wamid.in." + waId + ".3", waId, now - 100, "location",
                    "{\"latitude\":52.5,\"longitude\":13.4,\"name\":\"Café\",\"address\":\"Berlin\"}"));
            for (int e = 1; e <= 2; e++) {
                String echo = "wamid.echo." + waId + "." + e;
                echoes.add(echo);
                events.add(echoValue(echo, waId, now - 50 + e, "Antwort " + e));
                events.add(statusValue(echo, waId, "sent", now - 40 + e, null));
                events.add(statusValue(echo, waId, "delivered", now - 30 + e, null));
                events.add(statusValue(echo, waId, e == 1 ? "read" : "failed", now - 20 + e, e == 1 ? null
                        : "[{\"code\":131047,\"title\":\"Re-engagement message\",\"error_data\":{\"details\":\"24 hours passed\"}}]"));
            }
        }
        // Batch the events like Meta may (1 to 4 per envelope), deliver every envelope three times, shuffled.
        Collections.shuffle(events, random);
        List<String> deliveries = new ArrayList<>();
        for (int i = 0; i < events.size(); ) {
            int n = Math.min(1 + random.nextInt(4), events.size() - i);
            String batch = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"" + wabaId + "\",\"changes\":["
                    + String.join(",", events.subList(i, i + n)) + "]}]}";
            deliveries.add(batch);
            deliveries.add(batch);
            deliveries.add(batch);
            i += n;
        }
        Collections.shuffle(deliveries, random);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String delivery : deliveries) {
                answers.add(pool.submit(() -> webhooks.post(delivery)));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(200, answer.get());
            }
        } finally {
            pool.shutdown();
        }

        for (String waId : contacts) {
            Webhooks.await("5 messages for " + waId, 60, () -> conversationOf("wamid.in." + waId + ".1") != null
                    && admin.get("api/v1/conversations/" + conversationOf("wamid.in." + waId + ".1")
                    + "/messages?size=50").json().get("total").asInt() == 5);
        }
        for (String echo : echoes) {
            boolean read = echo.endsWith(".1");
            Webhooks.await("final status of " + echo, 60, () -> {
                JsonNode m = messageReply(echo).json();
                return m != null && m.get("statuses").size() == 3;
            });
            JsonNode message = messageReply(echo).json();
            assertEquals(read ? "READ" : "FAILED", message.get("status").asText(), echo);
            assertEquals("BUSINESS_APP", message.get("origin").asText());
            assertEquals("OUTBOUND", message.get("direction").asText());
            if (!read) {
                assertEquals(131047, message.get("error").get("code").asInt());
                assertEquals("24 hours passed", message.get("error").get("details").asText());
            }
        }
        JsonNode first = messageReply("wamid.in." + contacts.get(0) + ".1").json();
        assertEquals("Grüß Gott 👋 #0", first.get("text").asText(), "non-ASCII text survives Meta's escaping");
        assertEquals("CUSTOMER", first.get("origin").asText());
        assertEquals("RECEIVED", first.get("status").asText());
        JsonNode image = messageReply("wamid.in." + contacts.get(0) + ".2").json();
        assertEquals("image", image.get("type").asText());
        assertEquals("Foto", image.get("text").asText());
        assertEquals("media0", image.get("mediaId").asText());
        assertEquals("Café, Berlin", messageReply("wamid.in." + contacts.get(0) + ".3").json().get("text").asText());

        JsonNode contactList = admin.get("api/v1/contacts?tenantId=" + tenantId + "&size=200").json();
        assertEquals(contacts.size(), contactList.get("total").asInt(), "one contact per customer");
    }

    @Test
    void anEchoNeverOpensTheServiceWindowButPausesTheBot() {
        String waId = "49160" + TandemDeployment.randomDigits(8);
        String echo = "wamid.echo-only." + waId;
        assertEquals(200, webhooks.post(Webhooks.envelope(wabaId, "smb_message_echoes", "{" + Webhooks.metadata(phoneNumberId)
                + ",\"message_echoes\":[" + echoItem(echo, waId, now, "Typed on the phone") + "]}")));
        Webhooks.await("the echo", 30, () -> messageReply(echo).status() == 200);
        JsonNode conversation = admin.get("api/v1/conversations/" + conversationOf(echo)).json();
        assertFalse(conversation.get("serviceWindowOpen").asBoolean(), "an echo opens no window");
        assertTrue(conversation.get("serviceWindowClosesAt") == null || conversation.get("serviceWindowClosesAt").isNull());
        assertNotNull(conversation.get("botPausedUntil"), "a human on the phone pauses bots");

        String inbound = "wamid.after-echo." + waId;
        assertEquals(200, webhooks.post(message(inbound, waId, now, "text", "{\"body\":\"Hallo\"}")));
        Webhooks.await("the customer's message", 30, () -> messageReply(inbound).status() == 200);
        assertTrue(admin.get("api/v1/conversations/" + conversationOf(echo)).json().get("serviceWindowOpen").asBoolean());
    }

    @Test
    void aStatusThatArrivesBeforeItsMessageIsAppliedWhenTheMessageLands() {
        String waId = "49175" + TandemDeployment.randomDigits(8);
        String echo = "wamid.late-echo." + waId;
        assertEquals(200, webhooks.post(Webhooks.envelope(wabaId, "messages", "{" + Webhooks.metadata(phoneNumberId)
                + ",\"statuses\":[{\"id\":\"" + echo + "\",\"status\":\"read\",\"timestamp\":\"" + now
                + "\",\"recipient_id\":\"" + waId + "\"}]}")));
        // The status's conversation gets a later inbound message: once that lands, the status was processed.
        String marker = "wamid.marker." + waId;
        assertEquals(200, webhooks.post(message(marker, waId, now, "text", "{\"body\":\"marker\"}")));
        Webhooks.await("the marker", 30, () -> messageReply(marker).status() == 200);
        assertEquals(404, messageReply(echo).status(), "a status alone creates no message");

        assertEquals(200, webhooks.post(Webhooks.envelope(wabaId, "smb_message_echoes", "{" + Webhooks.metadata(phoneNumberId)
                + ",\"message_echoes\":[" + echoItem(echo, waId, now - 10, "sent before it was read") + "]}")));
        Webhooks.await("the echo", 30, () -> messageReply(echo).status() == 200);
        JsonNode landed = messageReply(echo).json();
        assertEquals("READ", landed.get("status").asText());
        assertEquals("READ", landed.get("statuses").get(0).get("status").asText());
    }

    @Test
    void editsAndRevokesKeepTheEarlierVersion() {
        String waId = "49170" + TandemDeployment.randomDigits(8);
        String original = "wamid.HBgL/orig+" + waId + "=="; // base64 wamids hold / + and =
        assertEquals(200, webhooks.post(message(original, waId, now - 60, "text", "{\"body\":\"first words\"}")));
        Webhooks.await("the original", 30, () -> messageReply(original).status() == 200);
        assertEquals(200, webhooks.post(message("wamid.edit." + waId, waId, now - 30, "edit",
                "{\"original_message_id\":\"" + original + "\",\"message\":{\"type\":\"text\",\"text\":{\"body\":\"better words\"}}}")));
        Webhooks.await("the edit", 30, () -> messageReply(original).json().get("edited").asBoolean());
        JsonNode edited = messageReply(original).json();
        assertEquals("better words", edited.get("text").asText());
        assertEquals("first words", edited.get("revisions").get(0).get("previousText").asText());

        assertEquals(200, webhooks.post(message("wamid.revoke." + waId, waId, now, "revoke",
                "{\"original_message_id\":\"" + original + "\"}")));
        Webhooks.await("the revoke", 30, () -> messageReply(original).json().get("revoked").asBoolean());
        JsonNode revoked = messageReply(original).json();
        assertTrue(revoked.get("text") == null || revoked.get("text").isNull());
        assertEquals(2, revoked.get("revisions").size());
        assertEquals(404, messageReply("wamid.edit." + waId).status(), "an applied edit is not a message of its own");
    }

    @Test
    void contactsFromTheBusinessAppApplyNewestFirst() {
        String phone = "49180" + TandemDeployment.randomDigits(8);
        String newer = "{\"type\":\"contact\",\"contact\":{\"full_name\":\"Pablo Morales\",\"first_name\":\"Pablo\",\"phone_number\":\""
                + phone + "\"},\"action\":\"add\",\"metadata\":{\"timestamp\":\"" + now + "\"}}";
        String older = "{\"type\":\"contact\",\"contact\":{\"phone_number\":\"" + phone
                + "\"},\"action\":\"remove\",\"metadata\":{\"timestamp\":\"" + (now - 60) + "\"}}";
        assertEquals(200, webhooks.post(Webhooks.envelope(wabaId, "smb_app_state_sync", "{" + Webhooks.metadata(phoneNumberId)
                + ",\"state_sync\":[" + newer + "]}")));
        assertEquals(200, webhooks.post(Webhooks.envelope(wabaId, "smb_app_state_sync", "{" + Webhooks.metadata(phoneNumberId)
                + ",\"state_sync\":[" + older + "]}")));
        Webhooks.await("the contact", 30, () -> contact(phone) != null);
        Webhooks.await("both changes processed", 30, () -> {
            JsonNode c = contact(phone);
            return c != null && "Pablo Morales".equals(c.path("fullName").asText());
        });
        JsonNode contact = contact(phone);
        assertTrue(contact.get("inAddressBook").asBoolean(), "the older remove arrived later and lost");
    }

    @Test
    void accountUpdatesDriveTheNumbersCoexistenceState() {
        assertEquals(200, webhooks.post(Webhooks.envelope(wabaId, "account_update",
                "{\"phone_number\":\"15550001111\",\"event\":\"ACCOUNT_OFFBOARDED\"}")));
        Webhooks.await("suspended", 30, () -> "SUSPENDED".equals(tenant().path("numberState").asText()));
        assertEquals(200, webhooks.post(Webhooks.envelope(wabaId, "account_update",
                "{\"phone_number\":\"15550001111\",\"event\":\"ACCOUNT_RECONNECTED\"}")));
        Webhooks.await("active again", 30, () -> "ACTIVE".equals(tenant().path("numberState").asText()));
        assertEquals(200, webhooks.post(Webhooks.envelope(wabaId, "account_update", "{\"phone_number\":\"15550001111\","
                + "\"event\":\"PARTNER_REMOVED\",\"disconnection_info\":{\"reason\":\"PRIMARY_INACTIVITY\",\"initiated_by\":\"SYSTEM\"}}")));
        Webhooks.await("disconnected", 30, () -> "DISCONNECTED".equals(tenant().path("numberState").asText()));
        assertEquals("PRIMARY_INACTIVITY", tenant().get("numberStateReason").asText());
    }

    @Test
    void eventsForNumbersNobodyOwnsAreAcknowledged() {
        String value = "{" + Webhooks.metadata("1" + TandemDeployment.randomDigits(14)) + ",\"messages\":["
                + messageItem("wamid.stranger", "16505550009", now, "text", "{\"body\":\"hi\"}") + "]}";
        assertEquals(200, webhooks.post(Webhooks.envelope(wabaId, "messages", value)));
        assertEquals(400, webhooks.post("{\"this is\":\"signed but not an envelope\"}"));
    }

    @Test
    void anArchivedDeliveryCanBeReplayedOnceItsTenantExists() {
        String laterNumber = "1" + TandemDeployment.randomDigits(14);
        String wamid = "wamid.replay." + TandemDeployment.randomDigits(8);
        String value = "{" + Webhooks.metadata(laterNumber) + ",\"messages\":["
                + messageItem(wamid, "16505550042", now, "text", "{\"body\":\"before the tenant existed\"}") + "]}";
        assertEquals(200, webhooks.post(Webhooks.envelope(wabaId, "messages", value)));
        Webhooks.await("the archived delivery", 30, () ->
                admin.get("api/v1/webhook-deliveries?appId=" + tenant.appId).json().get("total").asInt() == 1);
        Webhooks.await("the unrouted count", 30, () ->
                admin.get("api/v1/webhook-deliveries/unrouted").json().path("unknown phone number id").asLong() > 0);

        var body = ApiClient.tenantBody(tenant.metaAppUuid, "Onboarded later");
        body.put("phoneNumberId", laterNumber);
        String laterTenant = admin.post("api/v1/tenants", body).json().get("id").asText();
        String deliveryId = admin.get("api/v1/webhook-deliveries?appId=" + tenant.appId).json()
                .get("items").get(0).get("id").asText();
        for (int replay = 0; replay < 2; replay++) {
            ApiClient.Reply replayed = admin.post("api/v1/webhook-deliveries/" + deliveryId + "/replay", null);
            assertEquals(200, replayed.status(), replayed.raw().body());
            assertEquals(1, replayed.json().get("events").asInt());
        }
        Webhooks.await("the replayed message", 30, () ->
                admin.get("api/v1/messages/" + wamid + "?tenantId=" + laterTenant).status() == 200);
        String conversation = admin.get("api/v1/messages/" + wamid + "?tenantId=" + laterTenant).json()
                .get("conversationId").asText();
        // A later message of the same conversation is processed after both replays (same message group).
        String control = "wamid.after-replay." + TandemDeployment.randomDigits(8);
        assertEquals(200, webhooks.post(Webhooks.envelope(wabaId, "messages", "{" + Webhooks.metadata(laterNumber)
                + ",\"messages\":[" + messageItem(control, "16505550042", now, "text", "{\"body\":\"later\"}") + "]}")));
        Webhooks.await("the later message", 30, () ->
                admin.get("api/v1/messages/" + control + "?tenantId=" + laterTenant).status() == 200);
        assertEquals(2, admin.get("api/v1/conversations/" + conversation + "/messages").json().get("total").asInt(),
                "replaying twice stored the replayed message once");
        ApiClient agent = admin.withKey(admin.issueKey(tenantId, "TENANT_ADMIN"));
        assertEquals(403, agent.post("api/v1/webhook-deliveries/" + deliveryId + "/replay", null).status());
    }

    // --- payload builders -------------------------------------------------------------------------

    private String message(String wamid, String from, long timestamp, String type, String content) {
        return Webhooks.envelope(wabaId, "messages", "{" + Webhooks.metadata(phoneNumberId)
                + ",\"contacts\":[{\"profile\":{\"name\":\"Kunde " + from + "\"},\"wa_id\":\"" + from + "\"}],\"messages\":["
                + messageItem(wamid, from, timestamp, type, content) + "]}");
    }

    private String messageValue(String wamid, String from, long timestamp, String type, String content) {
        return "{\"field\":\"messages\",\"value\":{" + Webhooks.metadata(phoneNumberId) + ",\"contacts\":[{\"profile\":"
                + "{\"name\":\"Kunde\"},\"wa_id\":\"" + from + "\"}],\"messages\":[" + messageItem(wamid, from, timestamp, type,
                content) + "]}}";
    }

    private String echoValue(String wamid, String to, long timestamp, String text) {
        return "{\"field\":\"smb_message_echoes\",\"value\":{" + Webhooks.metadata(phoneNumberId) + ",\"message_echoes\":["
                + echoItem(wamid, to, timestamp, text) + "]}}";
    }

    private String statusValue(String wamid, String recipient, String status, long timestamp, String errors) {
        return "{\"field\":\"messages\",\"value\":{" + Webhooks.metadata(phoneNumberId) + ",\"statuses\":[{\"id\":\"" + wamid
                + "\",\"status\":\"" + status + "\",\"timestamp\":\"" + timestamp + "\",\"recipient_id\":\"" + recipient + "\""
                + (errors == null ? "" : ",\"errors\":" + errors) + "}]}}";
    }

    private static String messageItem(String wamid, String from, long timestamp, String type, String content) {
        return "{\"from\":\"" + from + "\",\"id\":\"" + wamid + "\",\"timestamp\":\"" + timestamp + "\",\"type\":\"" + type
                + "\",\"" + type + "\":" + content + "}";
    }

    private static String echoItem(String wamid, String to, long timestamp, String text) {
        return "{\"from\":\"15550001111\",\"to\":\"" + to + "\",\"id\":\"" + wamid + "\",\"timestamp\":\"" + timestamp
                + "\",\"type\":\"text\",\"text\":{\"body\":\"" + text + "\"}}";
    }

    // --- reads -------------------------------------------------------------------------------------

    private ApiClient.Reply messageReply(String wamid) {
        return tenant.message(wamid);
    }

    private String conversationOf(String wamid) {
        return tenant.conversationOf(wamid);
    }

    private JsonNode contact(String waId) {
        return tenant.contact(waId);
    }

    private JsonNode tenant() {
        return tenant.tenant();
    }
}

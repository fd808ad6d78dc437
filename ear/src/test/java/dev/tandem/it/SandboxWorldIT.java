package dev.tandem.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sandbox's Graph API beyond sends (media, template management, subscribed_apps, smb_app_data)
 * and its scripted world (the phone's contacts, a chat history in shuffled chunks, a declined
 * history, template review) driven against real Tandem.
 */
@ExtendWith(ArquillianExtension.class)
class SandboxWorldIT {

    private static final String TOKEN = "sandbox-world-it-token";
    private static final String GRAPH = "graph/v23.0/";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TandemDeployment.ear();
    }

    @ArquillianResource
    URL base;

    private SandboxClient sandbox;
    private SyncTenant tenant;
    private String world;

    @BeforeEach
    void coexistenceNumberKnownToTandemAndTheSandbox() {
        sandbox = new SandboxClient(base);
        tenant = new SyncTenant(base);
        sandbox.registerNumber(tenant, tenant.phoneNumberId, TOKEN, true);
        world = "world/numbers/" + tenant.phoneNumberId + "/";
    }

    @Test
    void thePhonesContactsReachTandemOnceTheContactsSyncIsRequested() {
        call("PUT", world + "contacts/16505551234", null, Map.of("fullName", "Pablo Morales", "firstName", "Pablo"), 200);
        call("PUT", world + "contacts/4917612345678", null, Map.of("fullName", "Zoë Grüber"), 200);
        JsonNode quiet = call("PUT", world + "contacts/4917600000001", null, Map.of("fullName", "Removed Before Sync"), 200);
        assertFalse(quiet.get("announced").asBoolean(), "nothing goes to the partner before it asks");
        call("DELETE", world + "contacts/4917600000001", null, null, 200);

        JsonNode requested = call("POST", GRAPH + tenant.phoneNumberId + "/smb_app_data", TOKEN,
                Map.of("messaging_product", "whatsapp", "sync_type", "smb_app_state_sync"), 200);
        assertEquals("whatsapp", requested.get("messaging_product").asText());
        assertFalse(requested.get("request_id").asText().isBlank());

        Webhooks.await("the initial contacts in Tandem", 30, () -> inAddressBook("16505551234") && inAddressBook("4917612345678"));
        assertEquals("Pablo Morales", tenant.contact("16505551234").get("fullName").asText());
        assertEquals("Zoë Grüber", tenant.contact("4917612345678").get("fullName").asText());
        assertEquals(null, tenant.contact("4917600000001"), "a contact removed before the sync never reaches Tandem");

        JsonNode removed = call("DELETE", world + "contacts/16505551234", null, null, 200);
        assertTrue(removed.get("announced").asBoolean());
        call("PUT", world + "contacts/4917699900000", null, Map.of("fullName", "Added Later"), 200);
        Webhooks.await("the later changes in Tandem", 30, () -> !inAddressBook("16505551234") && inAddressBook("4917699900000"));

        JsonNode again = call("POST", GRAPH + tenant.phoneNumberId + "/smb_app_data", TOKEN,
                Map.of("messaging_product", "whatsapp", "sync_type", "smb_app_state_sync"), 400);
        assertEquals(100, again.get("error").get("code").asInt());
        assertTrue(again.get("error").get("error_data").get("details").asText().contains("once"));
    }

    @Test
    void aScriptedHistoryOfTwoThousandMessagesInShuffledChunksLandsExactlyOnce() {
        JsonNode scripted = call("POST", world + "history", null, Map.of("messages", 2000, "customers", 20,
                "chunkSize", 150, "shuffle", true, "seed", 11), 202);
        assertFalse(scripted.get("started").asBoolean(), "the history waits for the partner's request");
        assertEquals("NOT_STARTED", tenant.history().get("state").asText());

        call("POST", GRAPH + tenant.phoneNumberId + "/smb_app_data", TOKEN,
                Map.of("messaging_product", "whatsapp", "sync_type", "history"), 200);
        Webhooks.await("the complete history in Tandem", 180, () -> {
            JsonNode history = tenant.history();
            return "COMPLETE".equals(history.get("state").asText()) && imported(history) == 2000;
        });
        JsonNode history = tenant.history();
        assertEquals(100, history.get("progress").asInt());
        List<Integer> phases = new ArrayList<>();
        long messages = 0;
        for (JsonNode phase : history.get("phases")) {
            phases.add(phase.get("phase").asInt());
            messages += phase.get("messages").asLong();
        }
        assertEquals(List.of(0, 1, 2), phases, "180 days of history fill all three phases");
        assertEquals(2000, messages, "every scripted message arrived once");
        JsonNode conversations = tenant.admin.get("api/v1/conversations?tenantId=" + tenant.tenantId + "&size=50").json();
        assertEquals(20, conversations.get("total").asInt(), "one conversation per scripted customer");

        JsonNode again = call("POST", "world/numbers/" + tenant.phoneNumberId + "/data-sync/history", null, null, 400);
        assertEquals(100, again.get("error").get("code").asInt());
    }

    @Test
    void aDeclinedHistoryAndLateOrForeignSyncRequestsAreRefused() {
        call("POST", world + "history", null, Map.of("decline", true), 202);
        call("POST", GRAPH + tenant.phoneNumberId + "/smb_app_data", TOKEN,
                Map.of("messaging_product", "whatsapp", "sync_type", "history"), 200);
        Webhooks.await("the declined history in Tandem", 30, () -> "DECLINED".equals(tenant.history().get("state").asText()));
        assertEquals(2593109, tenant.history().get("declinedCode").asInt());

        String late = TandemDeployment.randomDigits(15);
        sandbox.registerNumber(tenant, late, TOKEN, true, 1000, sandbox.webhookUrl(tenant), Instant.now().minus(Duration.ofHours(25)));
        JsonNode tooLate = call("POST", GRAPH + late + "/smb_app_data", TOKEN,
                Map.of("messaging_product", "whatsapp", "sync_type", "smb_app_state_sync"), 400);
        assertEquals(100, tooLate.get("error").get("code").asInt());
        assertTrue(tooLate.get("error").get("error_data").get("details").asText().contains("24 hours"));

        String standard = TandemDeployment.randomDigits(15);
        sandbox.registerNumber(tenant, standard, TOKEN, false);
        assertEquals(100, call("POST", GRAPH + standard + "/smb_app_data", TOKEN,
                Map.of("messaging_product", "whatsapp", "sync_type", "history"), 400).get("error").get("code").asInt());
        assertEquals(190, call("POST", GRAPH + tenant.phoneNumberId + "/smb_app_data", "wrong",
                Map.of("messaging_product", "whatsapp", "sync_type", "history"), 401).get("error").get("code").asInt());
    }

    @Test
    void mediaRoundTripsThroughUploadMetadataAndDownload() throws Exception {
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        String media = GRAPH + tenant.phoneNumberId + "/media";
        HttpResponse<String> uploaded = sandbox.upload(media, TOKEN, Map.of("messaging_product", "whatsapp", "type", "image/png"),
                "image/png", png);
        assertEquals(200, uploaded.statusCode(), uploaded.body());
        String id = ApiClient.JSON.readTree(uploaded.body()).get("id").asText();
        assertTrue(id.matches("\\d{16}"), id);

        JsonNode meta = call("GET", GRAPH + id, TOKEN, null, 200);
        assertEquals("whatsapp", meta.get("messaging_product").asText());
        assertEquals("image/png", meta.get("mime_type").asText());
        assertEquals(String.valueOf(png.length), meta.get("file_size").asText());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png)), meta.get("sha256").asText());
        String url = meta.get("url").asText();
        assertTrue(url.startsWith(base.getProtocol() + "://"), url);

        HttpResponse<byte[]> download = sandbox.download(url, TOKEN);
        assertEquals(200, download.statusCode());
        assertArrayEquals(png, download.body());
        assertEquals("image/png", download.headers().firstValue("Content-Type").orElse(""));
        assertEquals(401, sandbox.download(url, "wrong").statusCode());
        assertEquals(404, sandbox.download(url.replace("hash=", "hash=0"), TOKEN).statusCode(), "a forged link");

        JsonNode sent = call("POST", GRAPH + tenant.phoneNumberId + "/messages", TOKEN, Map.of("messaging_product", "whatsapp",
                "to", "16505551234", "type", "image", "image", Map.of("id", id)), 200);
        assertTrue(sent.get("messages").get(0).get("id").asText().startsWith("wamid."));

        assertTrue(call("DELETE", GRAPH + id, TOKEN, null, 200).get("success").asBoolean());
        assertEquals(100, call("GET", GRAPH + id, TOKEN, null, 400).get("error").get("code").asInt());
        assertEquals(404, sandbox.download(url, TOKEN).statusCode(), "deleted media cannot be downloaded");
        JsonNode unknownMedia = call("POST", GRAPH + tenant.phoneNumberId + "/messages", TOKEN, Map.of("messaging_product",
                "whatsapp", "to", "16505551234", "type", "image", "image", Map.of("id", id)), 400);
        assertEquals(100, unknownMedia.get("error").get("code").asInt());

        HttpResponse<String> gif = sandbox.upload(media, TOKEN, Map.of("messaging_product", "whatsapp", "type", "image/gif"),
                "image/gif", png);
        assertEquals(400, gif.statusCode());
        assertEquals(131053, ApiClient.JSON.readTree(gif.body()).get("error").get("code").asInt());
        HttpResponse<String> tooBig = sandbox.upload(media, TOKEN, Map.of("messaging_product", "whatsapp", "type", "image/jpeg"),
                "image/jpeg", new byte[5 * 1024 * 1024 + 1]);
        assertEquals(400, tooBig.statusCode(), tooBig.body());
        assertEquals(131053, ApiClient.JSON.readTree(tooBig.body()).get("error").get("code").asInt());
        HttpResponse<String> noToken = sandbox.upload(media, "wrong", Map.of("messaging_product", "whatsapp", "type", "image/png"),
                "image/png", png);
        assertEquals(401, noToken.statusCode());
        assertEquals(190, ApiClient.JSON.readTree(noToken.body()).get("error").get("code").asInt());
    }

    @Test
    void aCreatedTemplateIsPendingUntilTheWorldApprovesItAndTandemHearsOfIt() {
        String templates = GRAPH + tenant.wabaId + "/message_templates";
        JsonNode created = call("POST", templates, TOKEN, Map.of("name", "order_confirmation", "language", "en_US",
                "category", "utility", "components", List.of(
                        Map.of("type", "BODY", "text", "Hi {{1}}! Your order number is {{2}}.",
                                "example", Map.of("body_text", List.of(List.of("Pablo", "860198")))),
                        Map.of("type", "FOOTER", "text", "Lucky Shrub"))), 200);
        String id = created.get("id").asText();
        assertEquals("PENDING", created.get("status").asText());
        assertEquals("UTILITY", created.get("category").asText());
        Map<String, Object> send = templateSend("order_confirmation", List.of(Map.of("type", "text", "text", "Pablo"),
                Map.of("type", "text", "text", "860198")));
        assertEquals(132001, call("POST", GRAPH + tenant.phoneNumberId + "/messages", TOKEN, send, 404)
                .get("error").get("code").asInt(), "a pending template cannot be sent");
        assertEquals(100, call("POST", templates, TOKEN, Map.of("name", "no_example", "language", "en", "category", "UTILITY",
                "components", List.of(Map.of("type", "BODY", "text", "Hi {{1}} there")))
                , 400).get("error").get("code").asInt());

        assertEquals(0, deliveries(), "a fresh app has no webhook deliveries yet");
        call("POST", world + "templates/order_confirmation/en_US/APPROVED", null, null, 204);
        Webhooks.await("the approval delivered to Tandem", 30, () -> deliveries() == 1);
        JsonNode rejected = call("POST", templates, TOKEN, Map.of("name", "touching", "language", "en", "category", "MARKETING",
                "components", List.of(Map.of("type", "BODY", "text", "Hi {{1}}{{2}}!",
                        "example", Map.of("body_text", List.of(List.of("a", "b")))))), 200);
        assertEquals("REJECTED", rejected.get("status").asText(), "adjacent variables fail review");
        Webhooks.await("the rejection delivered to Tandem", 30, () -> deliveries() == 2);

        assertEquals("APPROVED", call("GET", GRAPH + id + "?fields=status", TOKEN, null, 200).get("status").asText());
        call("POST", GRAPH + tenant.phoneNumberId + "/messages", TOKEN, send, 200);
        Map<String, Object> named = templateSend("order_confirmation", List.of(
                Map.of("type", "text", "parameter_name", "first_name", "text", "Pablo"),
                Map.of("type", "text", "parameter_name", "order", "text", "860198")));
        assertEquals(132012, call("POST", GRAPH + tenant.phoneNumberId + "/messages", TOKEN, named, 400)
                .get("error").get("code").asInt());
        assertEquals(132000, call("POST", GRAPH + tenant.phoneNumberId + "/messages", TOKEN,
                templateSend("order_confirmation", List.of(Map.of("type", "text", "text", "Pablo"))), 400)
                .get("error").get("code").asInt());

        JsonNode first = call("GET", templates + "?fields=name,status&limit=1", TOKEN, null, 200);
        assertEquals(1, first.get("data").size());
        assertEquals("order_confirmation", first.get("data").get(0).get("name").asText());
        assertFalse(first.get("data").get(0).has("components"), "only the fields asked for, and the id");
        assertNotNull(first.get("data").get(0).get("id"));
        String next = first.get("paging").get("next").asText();
        JsonNode second = call("GET", templates + "?fields=name,status&limit=1&after="
                + first.get("paging").get("cursors").get("after").asText(), TOKEN, null, 200);
        assertEquals("touching", second.get("data").get(0).get("name").asText());
        assertFalse(second.get("paging").has("next"));
        assertTrue(next.contains("after="), next);
        assertEquals(1, call("GET", templates + "?status=REJECTED", TOKEN, null, 200).get("data").size());

        assertTrue(call("POST", GRAPH + id, TOKEN, Map.of("components", List.of(Map.of("type", "BODY", "text", "Hello {{1}}.",
                "example", Map.of("body_text", List.of(List.of("Pablo")))))), 200).get("success").asBoolean());
        assertEquals("PENDING", call("GET", GRAPH + id + "?fields=status", TOKEN, null, 200).get("status").asText(),
                "an edit goes back to review");
        assertTrue(call("DELETE", templates + "?name=order_confirmation", TOKEN, null, 200).get("success").asBoolean());
        assertEquals(100, call("GET", GRAPH + id, TOKEN, null, 400).get("error").get("code").asInt());
        assertEquals(100, call("DELETE", templates + "?name=order_confirmation", TOKEN, null, 400).get("error").get("code").asInt());
    }

    @Test
    void anOverrideCallbackIsVerifiedThenReceivesTheWabasWebhooks() {
        // Registered again with a callback nobody listens on: only the verified override can bring webhooks to Tandem.
        sandbox.registerNumber(tenant, tenant.phoneNumberId, TOKEN, false, 1000,
                java.net.URI.create(base.toString()).resolve("/sandbox/nowhere").toString(), null);
        String apps = GRAPH + tenant.wabaId + "/subscribed_apps";
        JsonNode refused = call("POST", apps, TOKEN, Map.of("override_callback_uri", sandbox.webhookUrl(tenant),
                "verify_token", "not-the-token"), 400);
        assertEquals(2200, refused.get("error").get("code").asInt());
        assertTrue(call("POST", apps, TOKEN, Map.of("override_callback_uri", sandbox.webhookUrl(tenant),
                "verify_token", SyncTenant.VERIFY_TOKEN), 200).get("success").asBoolean());
        JsonNode listed = call("GET", apps, TOKEN, null, 200);
        assertEquals(sandbox.webhookUrl(tenant), listed.get("data").get(0).get("override_callback_uri").asText());
        assertEquals(tenant.appId, listed.get("data").get(0).get("whatsapp_business_api_data").get("id").asText());

        String wamid = call("POST", world + "customer-messages", null,
                Map.of("from", "4917655500011", "text", "via the override"), 200).get("id").asText();
        Webhooks.await("the message through the override", 30, () -> tenant.message(wamid).status() == 200);

        assertTrue(call("DELETE", apps, TOKEN, null, 200).get("success").asBoolean());
        assertEquals(0, call("GET", apps, TOKEN, null, 200).get("data").size());
        assertTrue(call("POST", apps, TOKEN, null, 200).get("success").asBoolean(), "an empty body subscribes again");
        assertEquals(1, call("GET", apps, TOKEN, null, 200).get("data").size());
    }

    @Test
    void theWorldPageIsServedAndNeedsNothingFromTheInternet() {
        HttpResponse<String> page = sandbox.exchange("GET", "", null, null);
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("Tandem sandbox world") && page.body().contains("world/numbers"));
        assertFalse(page.body().contains("http://") || page.body().contains("https://"), "no CDN on an offline machine");
        JsonNode numbers = call("GET", "world/numbers", null, null, 200);
        boolean listed = false;
        for (JsonNode n : numbers.get("data")) {
            listed |= tenant.phoneNumberId.equals(n.get("id").asText());
        }
        assertTrue(listed, "the page's number list has this test's number");
    }

    // --- helpers ------------------------------------------------------------------------------------

    private boolean inAddressBook(String waId) {
        JsonNode contact = tenant.contact(waId);
        return contact != null && contact.get("inAddressBook").asBoolean();
    }

    private static long imported(JsonNode history) {
        long imported = 0;
        for (JsonNode phase : history.get("phases")) {
            imported += phase.get("imported").asLong();
        }
        return imported;
    }

    private int deliveries() {
        return tenant.admin.get("api/v1/webhook-deliveries?appId=" + tenant.appId).json().get("total").asInt();
    }

    private static Map<String, Object> templateSend(String name, List<Map<String, String>> parameters) {
        return Map.of("messaging_product", "whatsapp", "to", "16505551234", "type", "template", "template", Map.of("name", name,
                "language", Map.of("code", "en_US"), "components", List.of(Map.of("type", "body", "parameters", parameters))));
    }

    private JsonNode call(String method, String path, String token, Object body, int expectedStatus) {
        HttpResponse<String> response = sandbox.exchange(method, path, token, body);
        assertEquals(expectedStatus, response.statusCode(), method + " " + path + " -> " + response.body());
        try {
            return response.body().isBlank() ? null : ApiClient.JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError(response.body(), e);
        }
    }
}

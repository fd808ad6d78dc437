package dev.tandem.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

/**
 * The Cloud API sandbox deployed next to Tandem: Meta's send rules and error shapes, and a scripted
 * world whose customers, Business App and lifecycle reach Tandem as signed webhooks.
 */
@ExtendWith(ArquillianExtension.class)
class SandboxIT {

    private static final String TOKEN = "sandbox-it-access-token";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TandemDeployment.ear();
    }

    @ArquillianResource
    URL base;

    private SandboxClient sandbox;
    private SyncTenant tenant;

    @BeforeEach
    void numberKnownToTandemAndTheSandbox() {
        sandbox = new SandboxClient(base);
        tenant = new SyncTenant(base);
        sandbox.registerNumber(tenant, tenant.phoneNumberId, TOKEN, true);
        post("world/numbers/" + tenant.phoneNumberId + "/templates", null, Map.of("name", "it_notice", "language", "en",
                "category", "UTILITY", "bodyParameters", 0), 201);
    }

    @Test
    void sendsAreValidatedWithMetasErrorShapes() {
        String messages = "graph/v23.0/" + tenant.phoneNumberId + "/messages";
        JsonNode unknown = post("graph/v23.0/999999999999999/messages", TOKEN, text("16505551234", "hi"), 400);
        assertEquals(100, unknown.get("error").get("code").asInt());
        assertEquals(33, unknown.get("error").get("error_subcode").asInt());
        assertTrue(unknown.get("error").get("fbtrace_id").asText().length() > 10);

        JsonNode token = post(messages, "wrong-token", text("16505551234", "hi"), 401);
        assertEquals(190, token.get("error").get("code").asInt());
        assertEquals("OAuthException", token.get("error").get("type").asText());

        JsonNode missing = post(messages, TOKEN, Map.of("messaging_product", "whatsapp", "type", "text",
                "text", Map.of("body", "x")), 400);
        assertEquals(131008, missing.get("error").get("code").asInt());
        assertTrue(missing.get("error").get("message").asText().startsWith("(#131008) "));
        assertTrue(missing.get("error").get("error_data").get("details").asText().contains("to"));

        JsonNode template = post(messages, TOKEN, Map.of("messaging_product", "whatsapp", "to", "16505551234",
                "type", "template", "template", Map.of("name", "never_created", "language", Map.of("code", "en_US"))), 404);
        assertEquals(132001, template.get("error").get("code").asInt());

        JsonNode ok = post(messages, TOKEN, text("+1 650 555 1234", "hello"), 200);
        assertEquals("whatsapp", ok.get("messaging_product").asText());
        assertEquals("+1 650 555 1234", ok.get("contacts").get(0).get("input").asText());
        assertEquals("16505551234", ok.get("contacts").get(0).get("wa_id").asText());
        assertTrue(ok.get("messages").get(0).get("id").asText().startsWith("wamid.HBgL"));
    }

    @Test
    void aCoexistenceNumberIsHeldToTwentyMessagesPerSecond() throws Exception {
        String messages = "graph/v23.0/" + tenant.phoneNumberId + "/messages";
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Integer>> answers = new ArrayList<>();
        long started = System.nanoTime();
        try {
            for (int i = 0; i < 150; i++) {
                Map<String, Object> body = template("4915" + String.format("%09d", i));
                answers.add(pool.submit(() -> send(messages, TOKEN, body).statusCode()));
            }
            int accepted = 0;
            int limited = 0;
            for (Future<Integer> answer : answers) {
                int status = answer.get();
                accepted += status == 200 ? 1 : 0;
                limited += status == 400 ? 1 : 0;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            assertEquals(150, accepted + limited);
            assertTrue(limited > 0, "150 sends in " + seconds + " s exceed 20 mps");
            assertTrue(accepted >= 20, "the first 20 always pass, got " + accepted);
            assertTrue(accepted <= 20 + Math.ceil(20 * seconds) + 1,
                    accepted + " accepted in " + seconds + " s: more than a 20-token bucket refilled at 20/s allows");
        } finally {
            pool.shutdown();
        }
        JsonNode limited = post(messages, TOKEN, template("4915000000001"), -1);
        if (limited.has("error")) {
            assertEquals(130429, limited.get("error").get("code").asInt());
        }
    }

    @Test
    void theSameCustomerGetsABurstOfFortyFiveThenThePairRateLimit() {
        String upgraded = TandemDeployment.randomDigits(15);
        sandbox.registerNumber(tenant, upgraded, TOKEN, false);
        String messages = "graph/v23.0/" + upgraded + "/messages";
        for (int i = 0; i < 45; i++) {
            assertEquals(200, send(messages, TOKEN, template("16505550077")).statusCode(), "burst message " + (i + 1));
        }
        JsonNode limited = post(messages, TOKEN, template("16505550077"), 400);
        assertEquals(131056, limited.get("error").get("code").asInt());
        assertEquals(200, send(messages, TOKEN, template("16505550078")).statusCode(), "another customer is not limited");
    }

    @Test
    void scriptedCustomersBusinessAppAndLifecycleReachTandemSigned() {
        JsonNode written = post("world/numbers/" + tenant.phoneNumberId + "/customer-messages",
                null, Map.of("from", "4917612345678", "name", "Zoë", "text", "Grüß Gott 👋"), 200);
        String wamid = written.get("id").asText();
        Webhooks.await("the customer's message in Tandem (sandbox delivery: "
                + exchange("GET", "world/delivery", null, null).body() + ")", 30, () -> tenant.message(wamid).status() == 200);
        JsonNode message = tenant.message(wamid).json();
        assertEquals("Grüß Gott 👋", message.get("text").asText());
        assertEquals("CUSTOMER", message.get("origin").asText());
        assertTrue(tenant.conversation(message.get("conversationId").asText()).get("serviceWindowOpen").asBoolean());

        String echo = post("world/numbers/" + tenant.phoneNumberId + "/echoes", null,
                Map.of("to", "4917612345678", "text", "Typed on the phone"), 200).get("id").asText();
        Webhooks.await("the echo in Tandem", 30, () -> tenant.message(echo).status() == 200);
        assertEquals("BUSINESS_APP", tenant.message(echo).json().get("origin").asText());

        post("world/numbers/" + tenant.phoneNumberId + "/account-events", null,
                Map.of("event", "PARTNER_REMOVED", "reason", "PRIMARY_INACTIVITY"), 204);
        Webhooks.await("the disconnection in Tandem", 30,
                () -> "DISCONNECTED".equals(tenant.tenant().path("numberState").asText()));
    }

    @Test
    void duplicatedDeliveriesStillLandOnce() {
        post("world/delivery", null, Map.of("duplicateRate", 1.0, "maxReorderMillis", 200, "maxBatch", 1,
                "maxAttempts", 12), 204, "PUT");
        try {
            long postedBefore = post("world/delivery", null, null, 200, "GET").get("posted").asLong();
            String wamid = post("world/numbers/" + tenant.phoneNumberId + "/customer-messages", null,
                    Map.of("from", "4917699999999", "text", "twice"), 200).get("id").asText();
            Webhooks.await("both copies acknowledged", 30, () ->
                    post("world/delivery", null, null, 200, "GET").get("posted").asLong() >= postedBefore + 2);
            Webhooks.await("the message", 30, () -> tenant.message(wamid).status() == 200);
            String conversation = tenant.message(wamid).json().get("conversationId").asText();
            assertEquals(1, tenant.admin.get("api/v1/conversations/" + conversation + "/messages").json().get("total").asInt());
        } finally {
            post("world/delivery", null, Map.of("duplicateRate", 0.0, "maxReorderMillis", 0, "maxBatch", 1,
                    "maxAttempts", 12), 204, "PUT");
        }
    }

    // --- helpers ------------------------------------------------------------------------------------

    private static Map<String, Object> text(String to, String body) {
        return Map.of("messaging_product", "whatsapp", "to", to, "type", "text", "text", Map.of("body", body));
    }

    /** A template send (accepted outside the service window, so only the rate limits apply). */
    private static Map<String, Object> template(String to) {
        return Map.of("messaging_product", "whatsapp", "to", to, "type", "template",
                "template", Map.of("name", "it_notice", "language", Map.of("code", "en")));
    }

    private HttpResponse<String> send(String path, String token, Object body) {
        return exchange("POST", path, token, body);
    }

    private JsonNode post(String path, String token, Object body, int expectedStatus) {
        return post(path, token, body, expectedStatus, "POST");
    }

    private JsonNode post(String path, String token, Object body, int expectedStatus, String method) {
        HttpResponse<String> response = exchange(method, path, token, body);
        if (expectedStatus > 0) {
            assertEquals(expectedStatus, response.statusCode(), path + " -> " + response.body());
        }
        try {
            return response.body().isBlank() ? null : ApiClient.JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError(response.body(), e);
        }
    }

    private HttpResponse<String> exchange(String method, String path, String token, Object body) {
        return sandbox.exchange(method, path, token, body);
    }
}

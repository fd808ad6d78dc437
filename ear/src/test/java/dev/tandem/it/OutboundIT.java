package dev.tandem.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The outbound engine against the Cloud API sandbox: window rule, idempotency, Meta's outcome and statuses. */
@ExtendWith(ArquillianExtension.class)
class OutboundIT {

    /** The access token ApiClient.tenantBody gives every test tenant. */
    private static final String ACCESS_TOKEN = "EAAG-it-access-token-secret";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TandemDeployment.ear();
    }

    @ArquillianResource
    URL base;

    private SandboxClient sandbox;
    private SyncTenant tenant;
    private ApiClient agent;

    @BeforeEach
    void tenantWhoseNumberLivesInTheSandbox() {
        tenant = new SyncTenant(base);
        agent = tenant.admin.withKey(tenant.admin.issueKey(tenant.tenantId, "AGENT"));
        sandbox = new SandboxClient(base);
        sandbox.registerNumber(tenant, tenant.phoneNumberId, ACCESS_TOKEN, true);
        assertEquals(201, sandbox("POST", "world/numbers/" + tenant.phoneNumberId + "/templates",
                Map.of("name", "it_notice", "language", "en", "category", "UTILITY", "bodyParameters", 1)).statusCode());
    }

    @Test
    void freeFormOutsideTheWindowIsRefusedBeforeAnyCallToMeta() throws Exception {
        ApiClient.Reply refused = agent.post("api/v1/messages", text("4917000000001", "Hello?"));
        assertEquals(422, refused.status(), refused.raw().body());
        assertTrue(refused.isProblem());
        assertEquals("urn:tandem:problem:service-window-closed", refused.json().get("type").asText());
        assertTrue(refused.json().get("detail").asText().contains("template"), "the error names the remedy");
        assertEquals(0, acceptedSends(), "Meta was never called");
    }

    @Test
    void aReplyInsideTheWindowIsAcceptedAndMetasStatusesReachIt() {
        String customer = "4917" + TandemDeployment.randomDigits(9);
        String inbound = customerWrites(customer);

        ApiClient.Reply accepted = agent.post("api/v1/messages", text(customer, "Yes, tomorrow 🚚"));
        assertEquals(202, accepted.status(), accepted.raw().body());
        assertEquals("QUEUED", accepted.json().get("state").asText());
        String location = accepted.header("Location");
        assertTrue(location.contains("/api/v1/outbound-messages/"), location);

        String id = accepted.json().get("id").asText();
        Webhooks.await("Meta's acceptance", 30, () -> "ACCEPTED".equals(agent.get("api/v1/outbound-messages/" + id)
                .json().get("state").asText()));
        String wamid = agent.get("api/v1/outbound-messages/" + id).json().get("wamid").asText();
        assertTrue(wamid.startsWith("wamid."));
        Webhooks.await("sent, delivered and read", 30, () -> {
            JsonNode m = tenant.message(wamid).json();
            return m != null && "READ".equals(m.path("status").asText()) && m.get("statuses").size() == 3;
        });
        JsonNode message = tenant.message(wamid).json();
        assertEquals("API", message.get("origin").asText());
        assertEquals("OUTBOUND", message.get("direction").asText());
        assertEquals("Yes, tomorrow 🚚", message.get("text").asText());
        assertEquals(tenant.conversationOf(inbound), message.get("conversationId").asText(), "the reply joins the chat");
    }

    @Test
    void aRetriedRequestWithTheSameIdempotencyKeySendsOnce() throws Exception {
        Map<String, Object> body = template("4917" + TandemDeployment.randomDigits(9), "it_notice", 1);
        String key = "order-42-" + TandemDeployment.randomDigits(6);
        ApiClient.Reply first = send(body, key);
        ApiClient.Reply again = send(body, key);
        assertEquals(202, first.status(), first.raw().body());
        assertEquals(200, again.status(), "a replay answers with the stored send");
        assertEquals(first.json().get("id").asText(), again.json().get("id").asText());
        String id = first.json().get("id").asText();
        Webhooks.await("Meta's acceptance", 30, () -> "ACCEPTED".equals(agent.get("api/v1/outbound-messages/" + id)
                .json().get("state").asText()));
        assertEquals(200, send(body, key).status());
        assertEquals(1, acceptedSends(), "one send reached Meta");
    }

    @Test
    void metasRefusalIsStoredWithItsCodeAndNotRetried() {
        String customer = openWindow();
        ApiClient.Reply queued = agent.post("api/v1/messages", Map.of("to", "+" + customer, "type", "image",
                "image", Map.of("id", "987654321012345")));
        assertEquals(202, queued.status(), queued.raw().body());
        String id = queued.json().get("id").asText();
        Webhooks.await("the failure", 30, () -> "FAILED".equals(agent.get("api/v1/outbound-messages/" + id)
                .json().get("state").asText()));
        JsonNode failed = agent.get("api/v1/outbound-messages/" + id).json();
        assertEquals(100, failed.get("errorCode").asInt(), "Meta does not know that media id: " + failed);
        assertEquals(1, failed.get("attempts").asInt(), "a final error is not retried");
    }

    @Test
    void anUnknownTemplateIsRefusedBeforeAnyCallToMeta() throws Exception {
        ApiClient.Reply refused = agent.post("api/v1/messages", template("4917" + TandemDeployment.randomDigits(9),
                "never_created", 0));
        assertEquals(422, refused.status(), refused.raw().body());
        assertEquals("urn:tandem:problem:template-unknown", refused.json().get("type").asText());
        assertEquals(0, acceptedSends(), "Meta was never asked to send");
    }

    @Test
    void templatesAreCheckedForParametersAndApprovalBeforeAnyCallToMeta() throws Exception {
        String customer = "4917" + TandemDeployment.randomDigits(9);
        ApiClient.Reply missing = agent.post("api/v1/messages", template(customer, "it_notice", 0));
        assertEquals(422, missing.status(), missing.raw().body());
        assertEquals("urn:tandem:problem:template-parameters", missing.json().get("type").asText());
        assertTrue(missing.json().get("detail").asText().contains("the body takes 1 parameter(s), 0 given"),
                missing.json().get("detail").asText());

        JsonNode known = agent.get("api/v1/templates").json().get("items").get(0);
        assertEquals("it_notice", known.get("name").asText(), "the template was pulled from Meta: " + known);
        assertEquals("APPROVED", known.get("status").asText());
        assertEquals("[\"1\"]", known.get("bodyParameters").toString());

        assertEquals(204, sandbox("POST", "world/numbers/" + tenant.phoneNumberId + "/templates/it_notice/en/PAUSED", null)
                .statusCode());
        Webhooks.await("Meta's template webhook", 30, () -> "PAUSED".equals(
                agent.get("api/v1/templates").json().get("items").get(0).get("status").asText()));
        ApiClient.Reply paused = agent.post("api/v1/messages", template(customer, "it_notice", 1));
        assertEquals(422, paused.status(), paused.raw().body());
        assertEquals("urn:tandem:problem:template-not-approved", paused.json().get("type").asText());
        assertTrue(paused.json().get("detail").asText().contains("PAUSED"), paused.json().get("detail").asText());
        assertEquals(0, acceptedSends(), "Meta was never asked to send");
    }

    @Test
    void anInvalidTokenPausesSendsUntilTheTenantGetsANewOne() {
        String rotated = TandemDeployment.randomDigits(6) + "-rotated-token";
        sandbox.registerNumber(tenant, tenant.phoneNumberId, rotated, true); // Meta now wants another token
        ApiClient.Reply queued = agent.post("api/v1/messages", template("4917" + TandemDeployment.randomDigits(9),
                "it_notice", 1));
        String id = queued.json().get("id").asText();
        Webhooks.await("the pause", 30, () -> "PAUSED".equals(agent.get("api/v1/outbound-messages/" + id)
                .json().get("state").asText()));
        assertEquals(190, agent.get("api/v1/outbound-messages/" + id).json().get("errorCode").asInt());

        var body = ApiClient.tenantBody(null, "Token rotated");
        JsonNode current = tenant.tenant();
        body.put("wabaId", tenant.wabaId);
        body.put("phoneNumberId", tenant.phoneNumberId);
        body.put("displayNumber", "+" + current.get("displayNumber").asText());
        body.put("accessToken", rotated);
        assertEquals(200, tenant.admin.put("api/v1/tenants/" + tenant.tenantId, body).status());
        Webhooks.await("the resumed send", 30, () -> "ACCEPTED".equals(agent.get("api/v1/outbound-messages/" + id)
                .json().get("state").asText()));
    }

    @Test
    void invalidSendsAreProblemsNamingTheField() {
        ApiClient.Reply noRecipient = agent.post("api/v1/messages", Map.of("type", "text", "text", Map.of("body", "x")));
        assertEquals(400, noRecipient.status());
        assertEquals("to", noRecipient.json().get("errors").get(0).get("field").asText());
        ApiClient.Reply noBody = agent.post("api/v1/messages", Map.of("to", "+4917012345678", "type", "text",
                "text", Map.of()));
        assertEquals("text.body", noBody.json().get("errors").get(0).get("field").asText());
        ApiClient.Reply otherTenant = tenant.admin.withKey(tenant.admin.issueKey(new SyncTenant(base).tenantId, "AGENT"))
                .get("api/v1/outbound-messages/" + java.util.UUID.randomUUID());
        assertEquals(404, otherTenant.status());
    }

    // --- helpers ------------------------------------------------------------------------------------

    /** A customer writes and Tandem has stored it: the service window is open. Returns the message's wamid. */
    private String customerWrites(String customer) {
        String inbound = json(sandbox("POST", "world/numbers/" + tenant.phoneNumberId + "/customer-messages",
                Map.of("from", customer, "text", "Do you deliver?"))).get("id").asText();
        Webhooks.await("the customer's message", 30, () -> tenant.message(inbound).status() == 200);
        return inbound;
    }

    private String openWindow() {
        String customer = "4917" + TandemDeployment.randomDigits(9);
        customerWrites(customer);
        return customer;
    }

    private static Map<String, Object> text(String to, String body) {
        return Map.of("to", "+" + to, "type", "text", "text", Map.of("body", body));
    }

    private static Map<String, Object> template(String to, String name, int parameters) {
        List<Object> params = parameters == 0 ? List.of() : List.of(Map.of("type", "text", "text", "Ana"));
        return Map.of("to", "+" + to, "type", "template", "template", Map.of("name", name,
                "language", Map.of("code", "en"), "components", List.of(Map.of("type", "body", "parameters", params))));
    }

    private ApiClient.Reply send(Map<String, Object> body, String idempotencyKey) {
        return agent.post("api/v1/messages", body, Map.of("Idempotency-Key", idempotencyKey));
    }

    private long acceptedSends() throws Exception {
        return json(sandbox("GET", "world/numbers/" + tenant.phoneNumberId, null)).get("accepted_sends").asLong();
    }

    private HttpResponse<String> sandbox(String method, String path, Object body) {
        return sandbox.exchange(method, path, null, body);
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return ApiClient.JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError(response.body(), e);
        }
    }
}

package dev.tandem.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Tenant and Meta-app CRUD over REST, validation problems, the OpenAPI document and health. */
@ExtendWith(ArquillianExtension.class)
class TenantApiIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TandemDeployment.ear();
    }

    @ArquillianResource
    URL base;

    private ApiClient admin;

    @BeforeEach
    void platformAdmin() {
        admin = new ApiClient(base, TandemDeployment.PLATFORM_KEY);
    }

    @Test
    void tenantIsCreatedReadUpdatedAndDeactivatedNeverDeleted() {
        String appId = admin.registerMetaApp();
        var body = ApiClient.tenantBody(appId, "Café Ümlaut");
        ApiClient.Reply created = admin.post("api/v1/tenants", body);
        assertEquals(201, created.status(), created.raw().body());
        String id = created.json().get("id").asText();
        assertTrue(created.header("Location").endsWith("/api/v1/tenants/" + id));
        assertEquals("Café Ümlaut", created.json().get("name").asText());
        assertEquals(20, created.json().get("messagesPerSecond").asInt(), "coexistence numbers are capped at 20 mps");
        assertTrue(created.json().get("hasAccessToken").asBoolean());
        assertTrue(created.json().get("displayNumber").asText().matches("49151\\d{8}"));

        JsonNode read = admin.get("api/v1/tenants/" + id).json();
        assertEquals(body.get("phoneNumberId"), read.get("phoneNumberId").asText());
        assertEquals("Europe/Berlin", read.get("timeZone").asText());

        var revised = new java.util.HashMap<>(body);
        revised.put("name", "Café Renamed");
        revised.put("coexistence", false);
        revised.put("throughputTier", "UPGRADED");
        revised.remove("accessToken");
        ApiClient.Reply updated = admin.put("api/v1/tenants/" + id, revised);
        assertEquals(200, updated.status(), updated.raw().body());
        assertEquals("Café Renamed", updated.json().get("name").asText());
        assertEquals(1000, updated.json().get("messagesPerSecond").asInt());
        assertTrue(updated.json().get("hasAccessToken").asBoolean(), "an omitted token keeps the stored one");

        ApiClient.Reply deactivated = admin.delete("api/v1/tenants/" + id);
        assertEquals(200, deactivated.status());
        assertFalse(deactivated.json().get("active").asBoolean());
        assertEquals(200, admin.get("api/v1/tenants/" + id).status(), "deactivated tenants stay readable");
        assertTrue(admin.post("api/v1/tenants/" + id + "/reactivate", null).json().get("active").asBoolean());
    }

    @Test
    void secretsAreWriteOnly() {
        String appId = admin.registerMetaApp();
        String tenantId = admin.createTenant(appId, "Secretive");
        for (String path : List.of("api/v1/meta-apps/" + appId, "api/v1/tenants/" + tenantId, "api/v1/tenants?size=200",
                "api/v1/meta-apps?size=200")) {
            String text = admin.get(path).raw().body();
            assertFalse(text.contains("it-app-secret-value"), path);
            assertFalse(text.contains("it-verify-token-value"), path);
            assertFalse(text.contains("EAAG-it-access-token-secret"), path);
        }
    }

    @Test
    void listsArePagedAndCountTheTotal() {
        String appId = admin.registerMetaApp();
        for (int i = 0; i < 3; i++) {
            admin.createTenant(appId, "Paged " + i);
        }
        JsonNode page = admin.get("api/v1/tenants?page=0&size=2").json();
        assertEquals(2, page.get("items").size());
        assertEquals(2, page.get("size").asInt());
        assertTrue(page.get("total").asLong() >= 3);
        JsonNode second = admin.get("api/v1/tenants?page=1&size=2").json();
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(t -> ids.add(t.get("id").asText()));
        second.get("items").forEach(t -> assertFalse(ids.contains(t.get("id").asText()), "pages do not overlap"));
        assertEquals(400, admin.get("api/v1/tenants?size=0").status());
    }

    @Test
    void invalidTenantsGetProblemDetailsNamingEachField() {
        String appId = admin.registerMetaApp();
        ApiClient.Reply missing = admin.post("api/v1/tenants", Map.of("metaAppId", appId, "timeZone", "UTC"));
        assertEquals(400, missing.status());
        assertTrue(missing.isProblem(), missing.contentType());
        assertEquals(400, missing.json().get("status").asInt());
        assertEquals(List.of("currency", "displayNumber", "name", "phoneNumberId", "wabaId"), fields(missing.json()));

        var badNumber = ApiClient.tenantBody(appId, "Bad number");
        badNumber.put("displayNumber", "0151-not-a-number");
        ApiClient.Reply wrong = admin.post("api/v1/tenants", badNumber);
        assertEquals(400, wrong.status());
        assertEquals(List.of("displayNumber"), fields(wrong.json()));

        var badZone = ApiClient.tenantBody(appId, "Bad zone");
        badZone.put("timeZone", "Mars/Olympus");
        assertEquals(List.of("timeZone"), fields(admin.post("api/v1/tenants", badZone).json()));

        ApiClient.Reply garbage = admin.postRaw("api/v1/tenants", "{not json");
        assertEquals(400, garbage.status());
        assertTrue(garbage.isProblem(), garbage.contentType());

        ApiClient.Reply noBody = admin.postRaw("api/v1/tenants", "");
        assertEquals(400, noBody.status());
    }

    @Test
    void aPhoneNumberBelongsToOneTenantOnly() {
        String appId = admin.registerMetaApp();
        var body = ApiClient.tenantBody(appId, "First");
        assertEquals(201, admin.post("api/v1/tenants", body).status());
        body.put("name", "Second");
        ApiClient.Reply conflict = admin.post("api/v1/tenants", body);
        assertEquals(409, conflict.status());
        assertEquals(List.of("phoneNumberId"), fields(conflict.json()));
    }

    @Test
    void unknownIdsAndPathsAreProblems() {
        ApiClient.Reply unknown = admin.get("api/v1/tenants/" + java.util.UUID.randomUUID());
        assertEquals(404, unknown.status());
        assertTrue(unknown.isProblem(), unknown.contentType());
        assertEquals(404, admin.get("api/v1/tenants/not-a-uuid").status());
        assertEquals(404, admin.get("api/v1/no-such-thing").status());
        assertEquals(404, admin.post("api/v1/tenants", ApiClient.tenantBody(java.util.UUID.randomUUID().toString(),
                "Orphan")).status(), "a tenant needs an existing Meta app");
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        ApiClient.Reply openapi = new ApiClient(base, null).get("openapi?format=JSON");
        assertEquals(200, openapi.status());
        JsonNode paths = openapi.json().get("paths");
        assertNotNull(paths.get("/api/v1/tenants"), openapi.raw().body());
        assertNotNull(paths.get("/api/v1/tenants/{id}"));
        assertNotNull(paths.get("/api/v1/meta-apps"));
        assertNotNull(paths.get("/api/v1/api-keys"));
    }

    @Test
    void healthIsUpWithDatabaseAndBroker() {
        ApiClient.Reply ready = new ApiClient(base, null).get("health/ready");
        assertEquals(200, ready.status());
        assertEquals("UP", ready.json().get("status").asText());
        List<String> checks = new ArrayList<>();
        ready.json().get("checks").forEach(c -> checks.add(c.get("name").asText() + "=" + c.get("status").asText()));
        assertEquals(List.of("database=UP", "broker=UP"), checks);
        assertEquals(200, new ApiClient(base, null).get("health/live").status());
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }
}

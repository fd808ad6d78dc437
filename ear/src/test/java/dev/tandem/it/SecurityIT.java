package dev.tandem.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** 401 without a valid key, 403 for a role that may not, 404 across tenants; headers and HTTPS. */
@ExtendWith(ArquillianExtension.class)
class SecurityIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TandemDeployment.ear();
    }

    @ArquillianResource
    URL base;

    private ApiClient admin;
    private String tenantA;
    private String tenantB;

    @BeforeEach
    void twoTenants() {
        admin = new ApiClient(base, TandemDeployment.PLATFORM_KEY);
        String app = admin.registerMetaApp();
        tenantA = admin.createTenant(app, "Tenant A");
        tenantB = admin.createTenant(app, "Tenant B");
    }

    @Test
    void withoutAValidKeyTheApiAnswers401AsAProblem() {
        for (String key : new String[] {null, "tdm_this-key-was-never-issued-by-tandem-0000", "short"}) {
            ApiClient.Reply reply = admin.withKey(key).get("api/v1/tenants");
            assertEquals(401, reply.status(), "key " + key);
            assertTrue(reply.isProblem(), reply.contentType());
            assertEquals("Bearer realm=\"tandem\"", reply.header("WWW-Authenticate"));
        }
    }

    @Test
    void basicAuthIsNotAcceptedOnTheApi() throws Exception {
        HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.toURI().resolve("api/v1/tenants"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        ("admin:" + TandemDeployment.ADMIN_PASSWORD).getBytes())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, reply.statusCode());
    }

    @Test
    void aTenantKeySeesItsTenantAndOthersAsNotFound() {
        ApiClient a = admin.withKey(admin.issueKey(tenantA, "TENANT_ADMIN"));
        assertEquals(200, a.get("api/v1/tenants/" + tenantA).status());
        ApiClient.Reply other = a.get("api/v1/tenants/" + tenantB);
        assertEquals(404, other.status(), "another tenant reads exactly like a missing one");
        assertEquals(404, a.put("api/v1/tenants/" + tenantB, ApiClient.tenantBody(null, "Hijack")).status());
        assertEquals(404, a.post("api/v1/api-keys", Map.of("tenantId", tenantB, "name", "x", "role", "AGENT")).status());

        JsonNode list = a.get("api/v1/tenants?size=200").json();
        assertEquals(1, list.get("total").asLong());
        assertEquals(tenantA, list.get("items").get(0).get("id").asText());
    }

    @Test
    void rolesLimitWhatAKeyMayDo() {
        ApiClient agent = admin.withKey(admin.issueKey(tenantA, "AGENT"));
        assertEquals(200, agent.get("api/v1/tenants/" + tenantA).status());
        assertEquals(403, agent.post("api/v1/tenants", ApiClient.tenantBody(null, "Nope")).status());
        assertEquals(403, agent.get("api/v1/meta-apps").status());
        assertEquals(403, agent.get("api/v1/api-keys").status());
        ApiClient.Reply forbidden = agent.delete("api/v1/tenants/" + tenantA);
        assertEquals(403, forbidden.status());
        assertTrue(forbidden.isProblem(), forbidden.contentType());

        ApiClient tenantAdmin = admin.withKey(admin.issueKey(tenantA, "TENANT_ADMIN"));
        assertEquals(403, tenantAdmin.get("api/v1/meta-apps").status());
        assertEquals(403, tenantAdmin.delete("api/v1/tenants/" + tenantA).status());
        ApiClient.Reply platformKey = tenantAdmin.post("api/v1/api-keys", Map.of("name", "escalate", "role", "PLATFORM_ADMIN"));
        assertEquals(400, platformKey.status(), "a tenant admin cannot mint a platform key");
    }

    @Test
    void tenantAdminsCreateUsersOfTheirOwnTenantOnly() {
        ApiClient tenantAdmin = admin.withKey(admin.issueKey(tenantA, "TENANT_ADMIN"));
        String name = "agent-" + TandemDeployment.randomDigits(6);
        ApiClient.Reply created = tenantAdmin.post("api/v1/users", Map.of("username", name,
                "password", "a-long-enough-password", "role", "AGENT", "tenantId", tenantA));
        assertEquals(201, created.status(), created.raw().body());
        assertEquals(409, tenantAdmin.post("api/v1/users", Map.of("username", name,
                "password", "a-long-enough-password", "role", "AGENT", "tenantId", tenantA)).status());
        assertEquals(400, tenantAdmin.post("api/v1/users", Map.of("username", name + "x",
                "password", "short", "role", "AGENT", "tenantId", tenantA)).status(), "passwords need 12 characters");
        assertEquals(404, tenantAdmin.post("api/v1/users", Map.of("username", name + "y",
                "password", "a-long-enough-password", "role", "AGENT", "tenantId", tenantB)).status());
        assertEquals(400, tenantAdmin.post("api/v1/users", Map.of("username", name + "z",
                "password", "a-long-enough-password", "role", "PLATFORM_ADMIN")).status());
        ApiClient agent = admin.withKey(admin.issueKey(tenantA, "AGENT"));
        assertEquals(403, agent.post("api/v1/users", Map.of("username", name + "w",
                "password", "a-long-enough-password", "role", "AGENT", "tenantId", tenantA)).status());
    }

    @Test
    void aRevokedKeyStopsWorkingAtOnce() {
        ApiClient.Reply issued = admin.post("api/v1/api-keys", Map.of("tenantId", tenantA, "name", "to revoke", "role", "AGENT"));
        assertEquals(201, issued.status());
        String secret = issued.json().get("secret").asText();
        assertTrue(secret.startsWith("tdm_"));
        assertEquals(200, admin.withKey(secret).get("api/v1/tenants/" + tenantA).status());
        assertEquals(200, admin.delete("api/v1/api-keys/" + issued.json().get("key").get("id").asText()).status());
        assertEquals(401, admin.withKey(secret).get("api/v1/tenants/" + tenantA).status());
        String listed = admin.get("api/v1/api-keys?tenantId=" + tenantA + "&size=200").raw().body();
        assertFalse(listed.contains(secret), "keys are shown once, when issued");
    }

    @Test
    void keysOfADeactivatedTenantStopWorking() {
        ApiClient a = admin.withKey(admin.issueKey(tenantA, "TENANT_ADMIN"));
        assertEquals(200, a.get("api/v1/tenants/" + tenantA).status());
        admin.delete("api/v1/tenants/" + tenantA);
        assertEquals(401, a.get("api/v1/tenants/" + tenantA).status());
    }

    @Test
    void answersCarrySecurityHeadersAndTheConsoleIsHttpsOnly() throws Exception {
        ApiClient.Reply reply = admin.get("api/v1/tenants");
        assertEquals("nosniff", reply.header("X-Content-Type-Options"));
        assertEquals("DENY", reply.header("X-Frame-Options"));
        assertEquals("no-store", reply.header("Cache-Control"));
        assertNotNull(reply.header("Content-Security-Policy"));

        HttpResponse<String> console = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(base.toURI().resolve("console/tenancy/tenants.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, console.statusCode());
        assertTrue(console.headers().firstValue("Location").orElse("").startsWith("https://"),
                "the console is served over HTTPS only");
    }
}

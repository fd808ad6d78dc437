package dev.tandem.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.util.Map;

/** A fresh Meta app and tenant for webhook tests, with the reads those tests make. */
final class SyncTenant {

    static final String APP_SECRET = "it-webhook-app-secret";
    static final String VERIFY_TOKEN = "it-webhook-verify-token";

    final ApiClient admin;
    final Webhooks webhooks;
    final String appId;
    final String metaAppUuid;
    final String wabaId;
    final String phoneNumberId;
    final String tenantId;

    SyncTenant(URL base) {
        admin = new ApiClient(base, TandemDeployment.PLATFORM_KEY);
        appId = TandemDeployment.randomDigits(15);
        ApiClient.Reply app = admin.post("api/v1/meta-apps", Map.of("appId", appId, "name", "Webhook IT",
                "appSecret", APP_SECRET, "verifyToken", VERIFY_TOKEN));
        assertEquals(201, app.status());
        metaAppUuid = app.json().get("id").asText();
        var body = ApiClient.tenantBody(metaAppUuid, "Webhook tenant");
        wabaId = (String) body.get("wabaId");
        phoneNumberId = (String) body.get("phoneNumberId");
        ApiClient.Reply tenant = admin.post("api/v1/tenants", body);
        assertEquals(201, tenant.status());
        tenantId = tenant.json().get("id").asText();
        webhooks = new Webhooks(base, appId, APP_SECRET);
    }

    /** One change of this tenant's number, wrapped in an envelope. */
    String envelope(String field, String valueMembers) {
        return Webhooks.envelope(wabaId, field, "{" + Webhooks.metadata(phoneNumberId) + "," + valueMembers + "}");
    }

    /** Wamids are base64 and may hold '/', '+' and '=': a path segment needs them encoded. */
    ApiClient.Reply message(String wamid) {
        return admin.get("api/v1/messages/" + java.net.URLEncoder.encode(wamid, java.nio.charset.StandardCharsets.UTF_8)
                + "?tenantId=" + tenantId);
    }

    String conversationOf(String wamid) {
        ApiClient.Reply reply = message(wamid);
        return reply.status() == 200 ? reply.json().get("conversationId").asText() : null;
    }

    JsonNode conversation(String conversationId) {
        return admin.get("api/v1/conversations/" + conversationId).json();
    }

    JsonNode contact(String waId) {
        for (JsonNode c : admin.get("api/v1/contacts?tenantId=" + tenantId + "&size=200").json().get("items")) {
            if (waId.equals(c.path("waId").asText())) {
                return c;
            }
        }
        return null;
    }

    JsonNode tenant() {
        return admin.get("api/v1/tenants/" + tenantId).json();
    }

    JsonNode history() {
        return admin.get("api/v1/tenants/" + tenantId + "/history").json();
    }
}

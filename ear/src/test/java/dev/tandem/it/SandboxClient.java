package dev.tandem.it;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;

/** Calls the Cloud API sandbox deployed next to Tandem: its Graph API and its world. */
final class SandboxClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final URL base;
    private final URI sandbox;

    SandboxClient(URL base) {
        this.base = base;
        this.sandbox = URI.create(base.toString()).resolve("/sandbox/");
    }

    /** Makes a number known to the sandbox, whose webhooks go to the tenant's Meta app in Tandem. */
    void registerNumber(SyncTenant tenant, String phoneNumberId, String accessToken, boolean coexistence) {
        var number = new HashMap<String, Object>();
        number.put("phoneNumberId", phoneNumberId);
        number.put("wabaId", tenant.wabaId);
        number.put("displayNumber", "15550001111");
        number.put("appId", tenant.appId);
        number.put("appSecret", SyncTenant.APP_SECRET);
        number.put("webhookUrl", URI.create(base.toString()).resolve("/webhooks/whatsapp/" + tenant.appId).toString());
        number.put("accessToken", accessToken);
        number.put("messagesPerSecond", 1000);
        number.put("coexistence", coexistence);
        HttpResponse<String> registered = exchange("POST", "world/numbers", null, number);
        if (registered.statusCode() != 201) {
            throw new AssertionError("sandbox refused the number: " + registered.body());
        }
    }

    HttpResponse<String> exchange(String method, String path, String token, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(sandbox.resolve(path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(ApiClient.JSON.writeValueAsString(body)));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

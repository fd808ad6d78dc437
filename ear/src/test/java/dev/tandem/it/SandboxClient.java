package dev.tandem.it;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

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
        registerNumber(tenant, phoneNumberId, accessToken, coexistence, 1000, webhookUrl(tenant), null);
    }

    /** The tenant's webhook endpoint in Tandem, where Meta (the sandbox) posts for its app. */
    String webhookUrl(SyncTenant tenant) {
        return URI.create(base.toString()).resolve("/webhooks/whatsapp/" + tenant.appId).toString();
    }

    /** Registers a number whose webhooks go to webhookUrl, onboarded at the given time (null: now). */
    void registerNumber(SyncTenant tenant, String phoneNumberId, String accessToken, boolean coexistence,
                        int messagesPerSecond, String webhookUrl, Instant onboardedAt) {
        var number = new HashMap<String, Object>();
        number.put("phoneNumberId", phoneNumberId);
        number.put("wabaId", tenant.wabaId);
        number.put("displayNumber", "15550001111");
        number.put("appId", tenant.appId);
        number.put("appSecret", SyncTenant.APP_SECRET);
        number.put("webhookUrl", webhookUrl);
        number.put("accessToken", accessToken);
        number.put("messagesPerSecond", messagesPerSecond);
        number.put("coexistence", coexistence);
        if (onboardedAt != null) {
            number.put("onboardedAt", onboardedAt.toString());
        }
        HttpResponse<String> registered = exchange("POST", "world/numbers", null, number);
        if (registered.statusCode() != 201) {
            throw new AssertionError("sandbox refused the number: " + registered.body());
        }
    }

    /** A multipart/form-data POST, as Meta's media upload takes it: text fields and one file part. */
    HttpResponse<String> upload(String path, String token, Map<String, String> fields, String fileType, byte[] file) {
        String boundary = "----sandbox" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        if (file != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"upload\"\r\n"
                    + "Content-Type: " + fileType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(sandbox.resolve(path)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A GET of an absolute URL (a media download link), as bytes. */
    HttpResponse<byte[]> download(String url, String token) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
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

package dev.tandem.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The running Tandem (REST API, webhook endpoint) and the sandbox deployed next to it. */
final class TandemApi {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A fresh Meta app and tenant, so a run never meets the data of an earlier one. */
    record Tenant(String id, String appId, String appSecret, String wabaId, String phoneNumberId, String displayNumber) {
    }

    record Reply(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }
    }

    final String url;
    final String apiKey;
    final HttpClient http;

    TandemApi(String url, String apiKey) {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.apiKey = apiKey;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4)).build();
    }

    int port() {
        URI uri = URI.create(url);
        return uri.getPort() > 0 ? uri.getPort() : 80;
    }

    Reply api(String method, String path, Object body) {
        return exchange(method, url + "/api/v1/" + path, body, apiKey);
    }

    Reply sandbox(String method, String path, Object body) {
        return exchange(method, url + "/sandbox/" + path, body, null);
    }

    /** A signed POST of exact bytes to the app's webhook endpoint; answers the HTTP status. */
    int webhook(String appId, String appSecret, byte[] body, Duration timeout) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/webhooks/whatsapp/" + appId)).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", sign(appSecret, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private Reply exchange(String method, String uri, Object body, String key) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (key != null) {
                request.header("Authorization", "Bearer " + key);
            }
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(answer.statusCode(), answer.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Registers a Meta app and a tenant on it (needs a platform admin --api-key). */
    Tenant freshTenant(String name, boolean coexistence, String throughputTier) {
        requireKey(name);
        String appId = digits(15);
        String secret = "bench-secret-" + digits(12);
        Reply app = api("POST", "meta-apps", Map.of("appId", appId, "name", name, "appSecret", secret,
                "verifyToken", "bench-verify-" + digits(8)));
        expect(201, app, "register a Meta app");
        Map<String, Object> body = new HashMap<>();
        body.put("metaAppId", app.json().get("id").asText());
        body.put("name", name + " " + digits(4));
        body.put("wabaId", digits(15));
        body.put("phoneNumberId", digits(15));
        body.put("displayNumber", "+49151" + digits(8));
        body.put("coexistence", coexistence);
        body.put("throughputTier", throughputTier);
        body.put("timeZone", "Europe/Berlin");
        body.put("currency", "EUR");
        body.put("accessToken", "bench-access-token-" + body.get("phoneNumberId"));
        Reply tenant = api("POST", "tenants", body);
        expect(201, tenant, "create a tenant");
        return new Tenant(tenant.json().get("id").asText(), appId, secret, (String) body.get("wabaId"),
                (String) body.get("phoneNumberId"), ((String) body.get("displayNumber")).substring(1));
    }

    String accessTokenOf(Tenant tenant) {
        return "bench-access-token-" + tenant.phoneNumberId();
    }

    void requireKey(String what) {
        if (apiKey == null) {
            throw new IllegalArgumentException(what + " needs a platform admin --api-key (e.g. the server's TANDEM_ADMIN_API_KEY)");
        }
    }

    static void expect(int status, Reply reply, String what) {
        if (reply.status() != status) {
            throw new IllegalStateException("cannot " + what + ": HTTP " + reply.status() + " " + reply.body());
        }
    }

    static String digits(int length) {
        StringBuilder digits = new StringBuilder().append(1 + ThreadLocalRandom.current().nextInt(9));
        while (digits.length() < length) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        return digits.toString();
    }

    static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

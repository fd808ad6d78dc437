package dev.tandem.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small HTTP client for /api/v1 calls in tests: JSON in, status, headers and JSON out. */
final class ApiClient {

    static final ObjectMapper JSON = new ObjectMapper();

    record Reply(int status, HttpResponse<String> raw, JsonNode json) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String contentType() {
            return header("Content-Type");
        }

        /** An RFC 9457 answer: the media type and the status repeated in the body. */
        boolean isProblem() {
            return contentType() != null && contentType().startsWith("application/problem+json")
                    && json != null && json.path("status").asInt() == status;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final URI base;
    private final String apiKey;

    ApiClient(URL base, String apiKey) {
        this.base = URI.create(base.toString());
        this.apiKey = apiKey;
    }

    ApiClient withKey(String otherKey) {
        try {
            return new ApiClient(base.toURL(), otherKey);
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    Reply get(String path) {
        return send("GET", path, null);
    }

    Reply post(String path, Object body) {
        return send("POST", path, body);
    }

    /** A POST with extra headers, e.g. Idempotency-Key. */
    Reply post(String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json");
        headers.forEach(request::header);
        try {
            return exchange(request.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Reply put(String path, Object body) {
        return send("PUT", path, body);
    }

    Reply delete(String path) {
        return send("DELETE", path, null);
    }

    /** A raw body, for malformed JSON. */
    Reply postRaw(String path, String body) {
        return exchange(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Reply send(String method, String path, Object body) {
        HttpRequest.Builder request = request(path);
        try {
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return exchange(request.build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return request;
    }

    private Reply exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            JsonNode json = body == null || body.isBlank() || !body.trim().startsWith("{") && !body.trim().startsWith("[")
                    ? null : JSON.readTree(body);
            return new Reply(response.statusCode(), response, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Registers a fresh Meta app and returns its id. */
    String registerMetaApp() {
        Reply reply = post("api/v1/meta-apps", Map.of("appId", TandemDeployment.randomDigits(15), "name", "IT app",
                "appSecret", "it-app-secret-value", "verifyToken", "it-verify-token-value"));
        if (reply.status() != 201) {
            throw new AssertionError("cannot register a Meta app: " + reply.status() + " " + reply.raw().body());
        }
        return reply.json().get("id").asText();
    }

    /** A valid tenant body with a fresh phone-number id. */
    static Map<String, Object> tenantBody(String metaAppId, String name) {
        var body = new java.util.HashMap<String, Object>();
        body.put("metaAppId", metaAppId);
        body.put("name", name);
        body.put("wabaId", TandemDeployment.randomDigits(15));
        body.put("phoneNumberId", TandemDeployment.randomDigits(15));
        body.put("displayNumber", "+49 151 " + TandemDeployment.randomDigits(8));
        body.put("coexistence", true);
        body.put("throughputTier", "STANDARD");
        body.put("graphApiVersion", "v23.0");
        body.put("timeZone", "Europe/Berlin");
        body.put("currency", "EUR");
        body.put("accessToken", "EAAG-it-access-token-secret");
        return body;
    }

    /** Creates a tenant and returns its id. */
    String createTenant(String metaAppId, String name) {
        Reply reply = post("api/v1/tenants", tenantBody(metaAppId, name));
        if (reply.status() != 201) {
            throw new AssertionError("cannot create a tenant: " + reply.status() + " " + reply.raw().body());
        }
        return reply.json().get("id").asText();
    }

    /** Issues a key for a tenant with a role and returns the clear key. */
    String issueKey(String tenantId, String role) {
        Reply reply = post("api/v1/api-keys", Map.of("tenantId", tenantId, "name", "it " + role, "role", role));
        if (reply.status() != 201) {
            throw new AssertionError("cannot issue a key: " + reply.status() + " " + reply.raw().body());
        }
        return reply.json().get("secret").asText();
    }
}

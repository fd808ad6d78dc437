package dev.tandem.messaging;

import dev.tandem.domain.JsonDocuments;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one Cloud API client: POST {base}/{version}/{phone-number-id}/messages with the tenant's token.
 * The base URL is configuration: graph.facebook.com in production, the sandbox in the demo and tests.
 */
@ApplicationScoped
public class CloudApiClient {

    /** Meta's answer: a wamid, or an error with Meta's code (code -1: no answer at all, e.g. a timeout). */
    public record Result(String wamid, int httpStatus, Integer code, String title, String details) {
        public boolean accepted() {
            return wamid != null;
        }
    }

    @Inject
    @ConfigProperty(name = "tandem.graph.base-url", defaultValue = "https://graph.facebook.com")
    String baseUrl;

    @Inject
    @ConfigProperty(name = "tandem.graph.timeout", defaultValue = "PT10S")
    Duration timeout;

    private Client client;

    @PostConstruct
    void open() {
        client = ClientBuilder.newBuilder()
                .connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .build();
    }

    @PreDestroy
    void close() {
        client.close();
    }

    public Result send(String graphVersion, String phoneNumberId, String accessToken, String body) {
        try (Response response = client.target(baseUrl).path(graphVersion).path(phoneNumberId).path("messages")
                .request(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + accessToken)
                .post(Entity.entity(body, MediaType.APPLICATION_JSON))) {
            String text = response.readEntity(String.class);
            JsonObject json = parse(text);
            if (response.getStatus() == 200 && json.get("messages") instanceof jakarta.json.JsonArray messages
                    && !messages.isEmpty() && messages.getJsonObject(0).get("id") instanceof JsonString id) {
                return new Result(id.getString(), 200, null, null, null);
            }
            JsonObject error = json.get("error") instanceof JsonObject e ? e : null;
            if (error == null) {
                return new Result(null, response.getStatus(), null, "HTTP " + response.getStatus(), text);
            }
            String details = error.get("error_data") instanceof JsonObject data && data.get("details") instanceof JsonString d
                    ? d.getString() : null;
            return new Result(null, response.getStatus(), error.containsKey("code") ? error.getInt("code") : null,
                    error.getString("message", null), details);
        } catch (ProcessingException e) {
            return new Result(null, 0, -1, "No answer from the Cloud API", String.valueOf(e.getMessage()));
        }
    }

    /** One page of a WABA's templates: Meta's template objects and the cursor of the next page (null on the last). */
    public record TemplatePage(List<JsonObject> templates, String after) {
    }

    /** GET /{waba-id}/message_templates, one page of up to 100; Meta's error or no answer throws CloudApiException. */
    public TemplatePage templates(String graphVersion, String wabaId, String accessToken, String after) {
        WebTarget target = client.target(baseUrl).path(graphVersion).path(wabaId).path("message_templates")
                .queryParam("fields", "id,name,language,status,category,parameter_format,components")
                .queryParam("limit", 100);
        if (after != null) {
            target = target.queryParam("after", after);
        }
        try (Response response = target.request(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + accessToken).get()) {
            String text = response.readEntity(String.class);
            JsonObject json = parse(text);
            if (response.getStatus() != 200 || !(json.get("data") instanceof JsonArray data)) {
                String message = json.get("error") instanceof JsonObject error ? error.getString("message", text) : text;
                throw new CloudApiException("The Cloud API refused the template list (HTTP " + response.getStatus() + "): "
                        + message);
            }
            List<JsonObject> templates = data.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).toList();
            JsonObject paging = json.get("paging") instanceof JsonObject p ? p : JsonValue.EMPTY_JSON_OBJECT;
            String next = paging.containsKey("next") && paging.get("cursors") instanceof JsonObject cursors
                    ? cursors.getString("after", null) : null;
            return new TemplatePage(templates, next);
        } catch (ProcessingException e) {
            throw new CloudApiException("No answer from the Cloud API: " + e.getMessage());
        }
    }

    private static JsonObject parse(String text) {
        try {
            return JsonDocuments.parse(text == null || text.isBlank() ? "{}" : text);
        } catch (RuntimeException e) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }
}

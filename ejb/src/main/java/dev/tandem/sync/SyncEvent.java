package dev.tandem.sync;

import dev.tandem.domain.JsonDocuments;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.UUID;

/**
 * One fact split out of a webhook delivery: a message, a status, an echo, a contact change, a history
 * chunk, an account event. It travels as JSON on a queue, grouped by {@link #groupId()} so that one
 * conversation is processed in order.
 *
 * @param item    the Meta object for this one fact (a message, a status, a state_sync entry, ...)
 * @param profile the sender's entry from value.contacts[] for inbound messages, else null
 */
public record SyncEvent(EventKind kind, String field, String appId, String wabaId, String phoneNumberId,
                        UUID deliveryId, Instant receivedAt, String groupId, JsonObject item, JsonObject profile) {

    public String toJson() {
        JsonObjectBuilder json = JsonDocuments.object()
                .add("kind", kind.name())
                .add("field", field)
                .add("appId", appId)
                .add("deliveryId", deliveryId.toString())
                .add("receivedAt", receivedAt.toString())
                .add("groupId", groupId)
                .add("item", item);
        addIfPresent(json, "wabaId", wabaId);
        addIfPresent(json, "phoneNumberId", phoneNumberId);
        if (profile != null) {
            json.add("profile", profile);
        }
        return json.build().toString();
    }

    public static SyncEvent fromJson(String text) {
        JsonObject json = JsonDocuments.parse(text);
        return new SyncEvent(EventKind.valueOf(json.getString("kind")), json.getString("field"),
                json.getString("appId"), json.getString("wabaId", null), json.getString("phoneNumberId", null),
                UUID.fromString(json.getString("deliveryId")), Instant.parse(json.getString("receivedAt")),
                json.getString("groupId"), json.getJsonObject("item"),
                json.containsKey("profile") && json.get("profile").getValueType() == JsonValue.ValueType.OBJECT
                        ? json.getJsonObject("profile") : null);
    }

    private static void addIfPresent(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }
}

package dev.tandem.sync;

import dev.tandem.domain.JsonDocuments;
import dev.tandem.platform.Gzip;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * One fact split out of a webhook delivery: a message, a status, an echo, a contact change, a history
 * chunk, an account event. It travels as JSON on a queue, grouped by {@link #groupId()} so that one
 * conversation is processed in order: UTF-8 bytes, gzipped when big (see {@link #toBytes()}).
 *
 * @param item    the Meta object for this one fact (a message, a status, a state_sync entry, ...)
 * @param profile the sender's entry from value.contacts[] for inbound messages, else null
 */
public record SyncEvent(EventKind kind, String field, String appId, String wabaId, String phoneNumberId,
                        UUID deliveryId, Instant receivedAt, String groupId, JsonObject item, JsonObject profile) {

    /** Events above this many bytes of JSON travel gzipped; the usual message or status is far below. */
    static final int COMPRESS_ABOVE = 16 * 1024;

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

    /**
     * The JSON as UTF-8, gzipped above {@link #COMPRESS_ABOVE} bytes. A history chunk is megabytes of
     * JSON; uncompressed it became an Artemis large message (over 100 KiB, twice its size as a text
     * message's UTF-16), written to its own file and copied to the consumer a byte at a time: a quarter
     * of the import thread's CPU. Compressed it is about a tenth as big.
     */
    public byte[] toBytes() {
        byte[] json = toJson().getBytes(StandardCharsets.UTF_8);
        return json.length > COMPRESS_ABOVE ? Gzip.compress(json) : json;
    }

    /** Reads what {@link #toBytes()} wrote (gzip is recognised by its magic number, JSON never starts so). */
    public static SyncEvent fromBytes(byte[] bytes) {
        return of(JsonDocuments.parse(Gzip.isCompressed(bytes) ? Gzip.decompress(bytes) : bytes));
    }

    /** Reads the JSON text of a {@link #toJson()}; a text message from an older Tandem still queued is one. */
    public static SyncEvent fromJson(String text) {
        return of(JsonDocuments.parse(text));
    }

    private static SyncEvent of(JsonObject json) {
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

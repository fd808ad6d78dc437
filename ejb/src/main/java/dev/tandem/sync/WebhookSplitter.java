package dev.tandem.sync;

import dev.tandem.domain.JsonDocuments;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Splits a WhatsApp webhook envelope into one {@link SyncEvent} per fact: every entry, every change,
 * every message, status, echo, contact and history chunk in it (a batch of N yields N events).
 * Pure: no I/O, no clock; unit-tested over every payload shape of the spec.
 */
public final class WebhookSplitter {

    private WebhookSplitter() {
    }

    public static List<SyncEvent> split(byte[] body, String appId, UUID deliveryId, Instant receivedAt) {
        JsonObject envelope = parse(body);
        JsonArray entries = arrayOrEmpty(envelope, "entry");
        if (!envelope.containsKey("entry")) {
            throw new MalformedWebhookException("no 'entry' array: not a WhatsApp webhook envelope");
        }
        List<SyncEvent> events = new ArrayList<>();
        for (JsonValue entryValue : entries) {
            JsonObject entry = object(entryValue, "entry");
            String wabaId = text(entry, "id");
            for (JsonValue changeValue : arrayOrEmpty(entry, "changes")) {
                JsonObject change = object(changeValue, "change");
                String field = text(change, "field");
                JsonObject value = change.get("value") instanceof JsonObject v ? v : JsonValue.EMPTY_JSON_OBJECT;
                new Change(appId, wabaId, field == null ? "unknown" : field, value, deliveryId, receivedAt, events)
                        .split();
            }
        }
        return events;
    }

    /** One change of one entry; adds its events to the shared list. */
    private record Change(String appId, String wabaId, String field, JsonObject value, UUID deliveryId,
                          Instant receivedAt, List<SyncEvent> events) {

        void split() {
            switch (field) {
                case "messages" -> messages();
                case "smb_message_echoes" -> each("message_echoes", EventKind.ECHO, item -> text(item, "to"));
                case "smb_app_state_sync" -> each("state_sync", EventKind.CONTACT, item ->
                        item.get("contact") instanceof JsonObject c ? first(text(c, "phone_number"), text(c, "user_id")) : null);
                case "history" -> {
                    // A chunk is a group of its own: chunks carry their own order and timestamps and import
                    // idempotently, so the state consumers take two at once (+27 % PostgreSQL, +30 % H2).
                    each("history", EventKind.HISTORY, item -> item.get("metadata") instanceof JsonObject m
                            ? "history:" + text(m, "phase") + ":" + text(m, "chunk_order") : "history");
                    each("messages", EventKind.HISTORY_MEDIA, item -> "history");
                }
                case "account_update" -> whole(EventKind.ACCOUNT);
                case "message_template_status_update", "template_category_update",
                     "message_template_quality_update", "message_template_components_update" -> whole(EventKind.TEMPLATE);
                case "user_preferences" -> each("user_preferences", EventKind.PREFERENCES, item -> text(item, "wa_id"));
                default -> whole(EventKind.OTHER);
            }
        }

        private void messages() {
            for (JsonValue m : arrayOrEmpty(value, "messages")) {
                JsonObject message = object(m, "message");
                if (message.containsKey("group_id")) {
                    add(EventKind.GROUP, message, null, "group");
                    continue;
                }
                String from = first(text(message, "from"), text(message, "from_user_id"));
                add(EventKind.MESSAGE, message, profileOf(from), from);
            }
            for (JsonValue s : arrayOrEmpty(value, "statuses")) {
                JsonObject status = object(s, "status");
                if ("group".equals(text(status, "recipient_type"))) {
                    add(EventKind.GROUP, status, null, "group");
                    continue;
                }
                add(EventKind.STATUS, status, null, first(text(status, "recipient_id"), text(status, "recipient_user_id")));
            }
            if (value.get("errors") instanceof JsonArray errors && !errors.isEmpty()) {
                add(EventKind.ERRORS, value, null, "errors");
            }
        }

        private JsonObject profileOf(String from) {
            for (JsonValue c : arrayOrEmpty(value, "contacts")) {
                if (c instanceof JsonObject contact
                        && (from != null && (from.equals(text(contact, "wa_id")) || from.equals(text(contact, "user_id"))))) {
                    return contact;
                }
            }
            return null;
        }

        private void each(String arrayName, EventKind kind, java.util.function.Function<JsonObject, String> conversationKey) {
            for (JsonValue v : arrayOrEmpty(value, arrayName)) {
                JsonObject item = object(v, arrayName + " item");
                add(kind, item, null, conversationKey.apply(item));
            }
        }

        private void whole(EventKind kind) {
            add(kind, value, null, kind.name().toLowerCase());
        }

        private void add(EventKind kind, JsonObject item, JsonObject profile, String conversationKey) {
            String phoneNumberId = value.get("metadata") instanceof JsonObject metadata ? text(metadata, "phone_number_id") : null;
            String scope = phoneNumberId != null ? phoneNumberId : (wabaId != null ? "waba:" + wabaId : "app:" + appId);
            String groupId = scope + ":" + (conversationKey == null ? "-" : conversationKey);
            events.add(new SyncEvent(kind, field, appId, wabaId, phoneNumberId, deliveryId, receivedAt, groupId, item,
                    profile));
        }
    }

    private static JsonObject parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new MalformedWebhookException("empty body");
        }
        JsonValue value;
        try {
            value = JsonDocuments.parseValue(body);
        } catch (JsonParsingException e) {
            throw new MalformedWebhookException("the body is not valid JSON: " + e.getMessage(), e);
        } catch (JsonException e) {
            throw new MalformedWebhookException("the body cannot be read as JSON", e);
        } catch (RuntimeException e) {
            // Parsson refuses nesting deeper than 1,000 with a plain RuntimeException: still the sender's fault.
            throw new MalformedWebhookException("the body cannot be read as JSON: " + e.getMessage(), e);
        }
        if (value instanceof JsonObject object) {
            return object;
        }
        throw new MalformedWebhookException("the body is not a JSON object");
    }

    private static JsonArray arrayOrEmpty(JsonObject object, String name) {
        return object.get(name) instanceof JsonArray array ? array : JsonValue.EMPTY_JSON_ARRAY;
    }

    private static JsonObject object(JsonValue value, String what) {
        if (value instanceof JsonObject object) {
            return object;
        }
        throw new MalformedWebhookException(what + " is not a JSON object");
    }

    /** A string member, also accepting numbers (Meta sends most ids as strings, some as numbers). */
    public static String text(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return value instanceof jakarta.json.JsonString s ? s.getString() : value.toString();
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}

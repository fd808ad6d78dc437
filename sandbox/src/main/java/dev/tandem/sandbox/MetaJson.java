package dev.tandem.sandbox;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.List;

/** Builds Meta's webhook envelopes and changes, and writes them the way Meta does (non-ASCII escaped). */
public final class MetaJson {

    /**
     * One provider for all JSON-P work: {@code Json.createXxx} looks the provider up through the
     * ServiceLoader on every call, which cost several percent of the CPU under send load.
     */
    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private MetaJson() {
    }

    public static JsonObjectBuilder object() {
        return PROVIDER.createObjectBuilder();
    }

    public static JsonArrayBuilder arrayBuilder() {
        return PROVIDER.createArrayBuilder();
    }

    public static JsonObject envelope(String wabaId, List<JsonObject> changes, Long entryTime) {
        JsonArrayBuilder changeArray = PROVIDER.createArrayBuilder();
        changes.forEach(changeArray::add);
        JsonObjectBuilder entry = PROVIDER.createObjectBuilder().add("id", wabaId);
        if (entryTime != null) {
            entry.add("time", entryTime);
        }
        entry.add("changes", changeArray);
        return PROVIDER.createObjectBuilder()
                .add("object", "whatsapp_business_account")
                .add("entry", PROVIDER.createArrayBuilder().add(entry))
                .build();
    }

    public static JsonObject change(String field, JsonObject value) {
        return PROVIDER.createObjectBuilder().add("field", field).add("value", value).build();
    }

    /** A value for a message-bearing field: messaging_product and metadata, then the given members. */
    public static JsonObjectBuilder numberValue(SandboxNumber number) {
        return PROVIDER.createObjectBuilder()
                .add("messaging_product", "whatsapp")
                .add("metadata", PROVIDER.createObjectBuilder()
                        .add("display_phone_number", number.displayNumber())
                        .add("phone_number_id", number.phoneNumberId()));
    }

    public static JsonArray array(JsonValue... values) {
        JsonArrayBuilder array = PROVIDER.createArrayBuilder();
        for (JsonValue v : values) {
            array.add(v);
        }
        return array.build();
    }

    /** A Graph request body as a JSON object, or Meta's error for an empty or malformed one. */
    public static JsonObject parseBody(String rawBody) {
        if (rawBody == null || rawBody.isBlank()) {
            throw GraphException.missingParameter("The request body is empty.");
        }
        try (var reader = PROVIDER.createReader(new StringReader(rawBody))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw GraphException.invalidParameter("The request body is not a JSON object.");
        }
    }

    /** A string member, or null when absent or not a string. */
    public static String string(JsonObject object, String name) {
        return object.get(name) instanceof JsonString s ? s.getString() : null;
    }

    /** Meta serialises non-ASCII characters as \\uXXXX escapes (lowercase hex) in the body it signs. */
    public static String escapeNonAscii(String json) {
        StringBuilder out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c < 128) {
                out.append(c);
            } else {
                out.append("\\u").append(String.format("%04x", (int) c));
            }
        }
        return out.toString();
    }
}

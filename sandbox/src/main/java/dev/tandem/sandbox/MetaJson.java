package dev.tandem.sandbox;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;

/** Builds Meta's webhook envelopes and changes, and writes them the way Meta does (non-ASCII escaped). */
final class MetaJson {

    private MetaJson() {
    }

    static JsonObject envelope(String wabaId, List<JsonObject> changes, Long entryTime) {
        JsonArrayBuilder changeArray = Json.createArrayBuilder();
        changes.forEach(changeArray::add);
        JsonObjectBuilder entry = Json.createObjectBuilder().add("id", wabaId);
        if (entryTime != null) {
            entry.add("time", entryTime);
        }
        entry.add("changes", changeArray);
        return Json.createObjectBuilder()
                .add("object", "whatsapp_business_account")
                .add("entry", Json.createArrayBuilder().add(entry))
                .build();
    }

    static JsonObject change(String field, JsonObject value) {
        return Json.createObjectBuilder().add("field", field).add("value", value).build();
    }

    /** A value for a message-bearing field: messaging_product and metadata, then the given members. */
    static JsonObjectBuilder numberValue(SandboxNumber number) {
        return Json.createObjectBuilder()
                .add("messaging_product", "whatsapp")
                .add("metadata", Json.createObjectBuilder()
                        .add("display_phone_number", number.displayNumber())
                        .add("phone_number_id", number.phoneNumberId()));
    }

    static JsonArray array(JsonValue... values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (JsonValue v : values) {
            array.add(v);
        }
        return array.build();
    }

    /** Meta serialises non-ASCII characters as \\uXXXX escapes (lowercase hex) in the body it signs. */
    static String escapeNonAscii(String json) {
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

package dev.tandem.sync;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Set;

/**
 * Checks the identifiers Tandem keys rows on (wamids, phone numbers, user ids) against what Meta can
 * send and what the columns hold. A signed delivery passes the ingest whatever its content (Meta must
 * get its 200); an event with an impossible id would fail its consumer on every attempt and end in the
 * dead-letter queue, so the consumer keeps it as an unrouted event with this reason instead (raw JSON
 * and all; the archive has the delivery). Names and other free text are cut to fit by the entities.
 * Pure: unit-tested.
 */
public final class EventShape {

    static final int WAMID = 200;
    static final int WA_ID = 20;
    static final int USER_ID = 140;

    private EventShape() {
    }

    /** Keys whose values Tandem looks rows up by (besides those checked for length below). */
    private static final Set<String> LOOKUP_KEYS = Set.of("id", "from", "to", "wa_id", "phone_number", "language",
            "message_template_name", "message_template_language");

    /** Null when the event's identifiers fit, else what is wrong. */
    public static String problem(SyncEvent event) {
        String problem = idProblem(event);
        if (problem == null && (hasNul(event.phoneNumberId()) || hasNul(event.wabaId()) || nulInLookupKeys(event.item())
                || nulInLookupKeys(event.profile()))) {
            // PostgreSQL refuses U+0000 even as a query parameter (SQLState 22021): every attempt would fail
            return "an identifier holds a NUL character";
        }
        return problem;
    }

    private static String idProblem(SyncEvent event) {
        JsonObject item = event.item();
        return switch (event.kind()) {
            case MESSAGE -> first(id(item), fits(item, "from", WA_ID), fits(item, "from_user_id", USER_ID),
                    event.profile() == null ? null : fits(event.profile(), "user_id", USER_ID),
                    event.profile() == null ? null : fits(event.profile(), "wa_id", WA_ID));
            case ECHO -> first(id(item), fits(item, "to", WA_ID), fits(item, "to_user_id", USER_ID));
            case STATUS -> id(item);
            case HISTORY_MEDIA -> first(id(item), fits(item, "from", WA_ID), fits(item, "to", WA_ID));
            case CONTACT -> item.get("contact") instanceof JsonObject contact
                    ? first(fits(contact, "phone_number", WA_ID), fits(contact, "user_id", USER_ID)) : null;
            case HISTORY -> history(item);
            default -> null;
        };
    }

    private static String history(JsonObject item) {
        for (JsonValue t : item.get("threads") instanceof JsonArray threads ? threads : JsonValue.EMPTY_JSON_ARRAY) {
            if (t instanceof JsonObject thread) {
                String problem = fits(thread, "id", WA_ID);
                if (problem != null) {
                    return "thread " + problem;
                }
                for (JsonValue m : thread.get("messages") instanceof JsonArray list ? list : JsonValue.EMPTY_JSON_ARRAY) {
                    problem = m instanceof JsonObject message ? id(message) : null;
                    if (problem != null) {
                        return problem;
                    }
                }
            }
        }
        return null;
    }

    private static String id(JsonObject item) {
        return fits(item, "id", WAMID);
    }

    private static String fits(JsonObject object, String name, int max) {
        String value = WebhookSplitter.text(object, name);
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            return "'" + name + "' longer than " + max + " characters";
        }
        return value.chars().anyMatch(c -> c < 0x20) ? "'" + name + "' holds control characters" : null;
    }

    private static boolean hasNul(String value) {
        return value != null && value.indexOf('\u0000') >= 0;
    }

    private static boolean nulInLookupKeys(JsonValue value) {
        if (value instanceof JsonObject object) {
            for (var entry : object.entrySet()) {
                String key = entry.getKey();
                boolean lookup = LOOKUP_KEYS.contains(key) || key.endsWith("_id");
                if (lookup && entry.getValue() instanceof JsonString text ? hasNul(text.getString())
                        : nulInLookupKeys(entry.getValue())) {
                    return true;
                }
            }
        } else if (value instanceof JsonArray array) {
            for (JsonValue element : array) {
                if (nulInLookupKeys(element)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String first(String... problems) {
        for (String problem : problems) {
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }
}

package dev.tandem.sync;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

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

    /** Null when the event's identifiers fit, else what is wrong. */
    public static String problem(SyncEvent event) {
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

    private static String first(String... problems) {
        for (String problem : problems) {
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }
}

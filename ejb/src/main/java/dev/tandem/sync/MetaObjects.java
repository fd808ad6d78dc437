package dev.tandem.sync;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Set;

/** Reads the parts of Meta's message and status objects that Tandem indexes; the raw object is kept whole. */
public final class MetaObjects {

    private static final Set<String> MEDIA = Set.of("image", "audio", "video", "document", "sticker");
    /** Every message type of the spec; anything else is stored as "unsupported", raw object and all. */
    private static final Set<String> KNOWN_TYPES = Set.of("text", "image", "audio", "video", "document", "sticker",
            "location", "contacts", "interactive", "button", "reaction", "order", "system", "request_welcome",
            "unsupported", "edit", "revoke", Message.HISTORY_MEDIA_PLACEHOLDER);

    /** 9999-12-31T23:59:59Z. */
    static final long LATEST_SECONDS = 253_402_300_799L;

    private MetaObjects() {
    }

    /** Meta timestamps are strings of Unix seconds (numbers in some payloads); absent means "now". */
    static Instant timestamp(JsonObject object, Instant fallback) {
        String value = WebhookSplitter.text(object, "timestamp");
        if (value == null) {
            return fallback;
        }
        try {
            long seconds = Long.parseLong(value.strip());
            // Before 1970 or after 9999 is no WhatsApp time, and PostgreSQL cannot store most of that range.
            return seconds < 0 || seconds > LATEST_SECONDS ? fallback : Instant.ofEpochSecond(seconds);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Type, readable text (body, caption, reply title, ...), media id, and the raw JSON. */
    public static MessageContent content(JsonObject message) {
        String type = WebhookSplitter.text(message, "type");
        if (type != null && !KNOWN_TYPES.contains(type)) {
            return new MessageContent("unsupported", null, null, message.toString());
        }
        JsonObject body = type != null && message.get(type) instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        String text = null;
        String mediaId = null;
        if (type != null) {
            switch (type) {
                case "text" -> text = WebhookSplitter.text(body, "body");
                case "button" -> text = WebhookSplitter.text(body, "text");
                case "reaction" -> text = WebhookSplitter.text(body, "emoji");
                case "location" -> text = join(WebhookSplitter.text(body, "name"), WebhookSplitter.text(body, "address"));
                case "system" -> text = WebhookSplitter.text(body, "body");
                case "order" -> text = WebhookSplitter.text(body, "text");
                case "interactive" -> text = interactiveTitle(body);
                default -> {
                    if (MEDIA.contains(type)) {
                        text = WebhookSplitter.text(body, "caption");
                        mediaId = WebhookSplitter.text(body, "id");
                    }
                }
            }
        }
        return new MessageContent(type, text, mediaId, message.toString());
    }

    /** The first error of a status or message: code, title, details. */
    static MetaError error(JsonObject object) {
        if (object.get("errors") instanceof JsonArray errors && !errors.isEmpty() && errors.get(0) instanceof JsonObject e) {
            Integer code = null;
            try {
                String raw = WebhookSplitter.text(e, "code");
                code = raw == null ? null : Integer.valueOf(raw);
            } catch (NumberFormatException ignored) {
                // a non-numeric code stays null; the raw object keeps it
            }
            String details = e.get("error_data") instanceof JsonObject data ? WebhookSplitter.text(data, "details") : null;
            String title = WebhookSplitter.text(e, "title");
            return new MetaError(code, title != null ? title : WebhookSplitter.text(e, "message"), details);
        }
        return new MetaError(null, null, null);
    }

    record MetaError(Integer code, String title, String details) {
    }

    private static String interactiveTitle(JsonObject interactive) {
        for (String reply : new String[] {"button_reply", "list_reply"}) {
            if (interactive.get(reply) instanceof JsonObject r) {
                return WebhookSplitter.text(r, "title");
            }
        }
        if (interactive.get("nfm_reply") instanceof JsonObject nfm) {
            return WebhookSplitter.text(nfm, "body");
        }
        return null;
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + ", " + b;
    }
}

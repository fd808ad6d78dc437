package dev.tandem.messaging;

import dev.tandem.domain.InvalidValueException;
import dev.tandem.domain.JsonDocuments;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.Set;

/**
 * What a caller asks Tandem to send, checked before anything is stored: a recipient in E.164, a Meta
 * message type, and that type's object (as in Meta's send API). Templates may go out at any time;
 * every other type only inside the customer service window.
 */
public record OutboundDraft(String to, String type, JsonObject content) {

    static final Set<String> TYPES = Set.of("text", "image", "audio", "video", "document", "sticker", "location",
            "contacts", "interactive", "reaction", "template");

    public OutboundDraft {
        if (to == null || to.isBlank()) {
            throw new InvalidValueException("to", "must not be blank");
        }
        to = to.replaceAll("[\\s()+-]", "");
        if (!to.matches("[1-9]\\d{6,14}")) {
            throw new InvalidValueException("to", "must be an E.164 number such as +4915123456789");
        }
        if (type == null || !TYPES.contains(type)) {
            throw new InvalidValueException("type", "must be one of " + TYPES);
        }
        if (content == null) {
            throw new InvalidValueException(type, "the " + type + " object is required");
        }
        if ("text".equals(type) && !(content.get("body") instanceof JsonString body && !body.getString().isBlank())) {
            throw new InvalidValueException("text.body", "must not be blank");
        }
        if ("text".equals(type) && content.getString("body").length() > 4096) {
            throw new InvalidValueException("text.body", "must be at most 4096 characters");
        }
        if ("template".equals(type) && !(content.get("name") instanceof JsonString)) {
            throw new InvalidValueException("template.name", "must not be blank");
        }
        if ("template".equals(type) && !(content.get("language") instanceof JsonObject language
                && language.get("code") instanceof JsonString)) {
            throw new InvalidValueException("template.language.code", "must not be blank");
        }
    }

    /** Free-form messages need an open 24-hour window; templates do not. */
    public boolean isTemplate() {
        return "template".equals(type);
    }

    public String templateName() {
        return isTemplate() ? content.getString("name") : null;
    }

    public String templateLanguage() {
        return isTemplate() ? content.getJsonObject("language").getString("code") : null;
    }

    /** The body of Meta's POST /{phone-number-id}/messages. */
    public JsonObject graphBody() {
        return JsonDocuments.object()
                .add("messaging_product", "whatsapp")
                .add("recipient_type", "individual")
                .add("to", "+" + to)
                .add("type", type)
                .add(type, content)
                .build();
    }
}

package dev.tandem.sandbox;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * A send request validated the way the Cloud API validates it (section 5 of the spec). Parsing
 * throws {@link GraphException} with Meta's code for the first problem found.
 *
 * @param templateParameters the body parameters given, for templates, in order: each one's parameter_name, or
 *                           null for a positional one (empty for other types)
 * @param mediaId            the uploaded media a media send refers to by id (null for links and other types)
 */
public record OutboundRequest(String to, String type, boolean template, String templateName, String templateLanguage,
                              List<String> templateParameters, String mediaId) {

    static final int MAX_TEXT = 4096;
    private static final Set<String> MEDIA = Set.of("image", "audio", "video", "document", "sticker");
    private static final Set<String> TYPES = Set.of("text", "image", "audio", "video", "document", "sticker",
            "location", "contacts", "interactive", "reaction", "template");

    public static OutboundRequest parse(JsonObject body) {
        if (!"whatsapp".equals(string(body, "messaging_product"))) {
            throw GraphException.invalidParameter("messaging_product is required and must be \"whatsapp\"");
        }
        String recipientType = string(body, "recipient_type");
        if (recipientType != null && !recipientType.equals("individual")) {
            throw GraphException.invalidParameter("recipient_type must be \"individual\" (groups are not available for this number)");
        }
        String to = string(body, "to");
        if (to == null || to.isBlank()) {
            throw GraphException.missingParameter("The parameter to is required.");
        }
        String digits = to.replaceAll("[\\s()+-]", "");
        if (!digits.matches("\\d{6,15}")) {
            throw GraphException.invalidParameter("Invalid 'to' parameter: " + to);
        }
        String type = string(body, "type");
        if (type == null) {
            type = "text";
        }
        if (!TYPES.contains(type)) {
            throw new GraphException(400, 131051, "Unsupported message type", "Message type " + type + " is not supported.");
        }
        JsonObject content = body.get(type) instanceof JsonObject o ? o : null;
        if (content == null) {
            throw GraphException.missingParameter("The parameter " + type + " is required.");
        }
        switch (type) {
            case "text" -> {
                String text = string(content, "body");
                if (text == null || text.isEmpty()) {
                    throw GraphException.missingParameter("The parameter text['body'] is required.");
                }
                if (text.length() > MAX_TEXT) {
                    throw GraphException.invalidParameter("Param text['body'] must be at most " + MAX_TEXT + " characters long.");
                }
            }
            case "reaction" -> {
                if (string(content, "message_id") == null) {
                    throw GraphException.missingParameter("The parameter reaction['message_id'] is required.");
                }
            }
            case "location" -> {
                if (!content.containsKey("latitude") || !content.containsKey("longitude")) {
                    throw GraphException.missingParameter("The parameters location['latitude'] and ['longitude'] are required.");
                }
            }
            case "interactive" -> interactive(content);
            case "template" -> {
                return template(digits, content);
            }
            default -> {
                if (MEDIA.contains(type)) {
                    String id = string(content, "id");
                    boolean link = string(content, "link") != null;
                    if ((id != null) == link) {
                        throw GraphException.invalidParameter("Exactly one of " + type + "['id'] or " + type + "['link'] is required.");
                    }
                    return new OutboundRequest(digits, type, false, null, null, List.of(), id);
                }
            }
        }
        return new OutboundRequest(digits, type, false, null, null, List.of(), null);
    }

    /** How many body parameters a template send gives. */
    public int templateBodyParameters() {
        return templateParameters.size();
    }

    private static void interactive(JsonObject interactive) {
        String kind = string(interactive, "type");
        if (kind == null) {
            throw GraphException.missingParameter("The parameter interactive['type'] is required.");
        }
        if (!(interactive.get("body") instanceof JsonObject body) || string(body, "text") == null) {
            if (!"product".equals(kind) && !"catalog_message".equals(kind)) {
                throw GraphException.missingParameter("The parameter interactive['body']['text'] is required.");
            }
        }
        if ("button".equals(kind)) {
            JsonObject action = interactive.get("action") instanceof JsonObject a ? a : JsonValue.EMPTY_JSON_OBJECT;
            JsonArray buttons = action.get("buttons") instanceof JsonArray b ? b : JsonValue.EMPTY_JSON_ARRAY;
            if (buttons.isEmpty() || buttons.size() > 3) {
                throw GraphException.invalidParameter("interactive['action']['buttons'] must have 1 to 3 buttons.");
            }
        }
    }

    private static OutboundRequest template(String to, JsonObject template) {
        String name = string(template, "name");
        if (name == null) {
            throw GraphException.missingParameter("The parameter template['name'] is required.");
        }
        String language = template.get("language") instanceof JsonObject l ? string(l, "code") : null;
        if (language == null) {
            throw GraphException.missingParameter("The parameter template['language']['code'] is required.");
        }
        List<String> bodyParameters = new ArrayList<>();
        if (template.get("components") instanceof JsonArray components) {
            for (JsonValue c : components) {
                if (c instanceof JsonObject component && "body".equalsIgnoreCase(string(component, "type"))
                        && component.get("parameters") instanceof JsonArray parameters) {
                    for (JsonValue p : parameters) {
                        bodyParameters.add(p instanceof JsonObject parameter ? string(parameter, "parameter_name") : null);
                    }
                }
            }
        }
        return new OutboundRequest(to, "template", true, name, language, Collections.unmodifiableList(bodyParameters), null);
    }

    static String string(JsonObject object, String name) {
        return MetaJson.string(object, name);
    }
}

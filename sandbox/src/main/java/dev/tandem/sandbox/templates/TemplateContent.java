package dev.tandem.sandbox.templates;

import dev.tandem.sandbox.GraphException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The components of a template as Meta validates them on create and edit (spec 7.2): HEADER, BODY,
 * FOOTER and BUTTONS with their limits, placeholders positional ({{1}}, {{2}}, ...) or named
 * ({{first_name}}), and an example for every variable. What sends are checked against is derived from
 * here: the body's parameters in order ("1", "2", ... or the names).
 *
 * @param adjacentVariables whether two variables touch ({{1}}{{2}}); Meta accepts the create but
 *                          rejects the template in review with INVALID_FORMAT (spec 7.4), so this is
 *                          not a create error
 */
public record TemplateContent(boolean named, JsonArray components, List<String> bodyParameters, boolean adjacentVariables) {

    static final int MAX_BODY = 1024;
    static final int MAX_HEADER = 60;
    static final int MAX_FOOTER = 60;
    static final int MAX_BUTTONS = 10;
    static final int MAX_URL_BUTTONS = 2;
    static final int MAX_PHONE_BUTTONS = 1;
    static final int MAX_BUTTON_TEXT = 25;

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{([^{}]*)}}");
    private static final Pattern ADJACENT = Pattern.compile("}}\\s*\\{\\{");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Set<String> HEADER_FORMATS = Set.of("TEXT", "IMAGE", "VIDEO", "DOCUMENT", "LOCATION");
    private static final Set<String> BUTTON_TYPES = Set.of("QUICK_REPLY", "URL", "PHONE_NUMBER", "COPY_CODE", "OTP",
            "FLOW", "CATALOG", "MPM", "VOICE_CALL");

    /** Meta's code for a field over its length limit: 100 with subcode 2388040. */
    static GraphException tooLong(String details) {
        return new GraphException(400, 100, 2388040, "OAuthException", "Invalid parameter", details);
    }

    /**
     * Validates components for a template with the given parameter_format ("positional", the default,
     * or "named"), throwing Meta's error for the first problem.
     */
    public static TemplateContent parse(JsonValue components, String parameterFormat) {
        boolean named;
        if (parameterFormat == null || parameterFormat.equalsIgnoreCase("positional")) {
            named = false;
        } else if (parameterFormat.equalsIgnoreCase("named")) {
            named = true;
        } else {
            throw GraphException.invalidParameter("parameter_format must be positional or named, not " + parameterFormat);
        }
        if (!(components instanceof JsonArray array) || array.isEmpty()) {
            throw GraphException.invalidParameter("The parameter components is required and must be a non-empty array.");
        }
        Set<String> seen = new HashSet<>();
        List<String> body = null;
        boolean adjacent = false;
        for (JsonValue value : array) {
            if (!(value instanceof JsonObject component)) {
                throw GraphException.invalidParameter("Every component must be an object.");
            }
            String type = upper(text(component, "type"));
            if (type == null) {
                throw GraphException.invalidParameter("components[].type is required.");
            }
            if (!seen.add(type)) {
                throw GraphException.invalidParameter("A template has at most one " + type + " component.");
            }
            switch (type) {
                case "HEADER" -> adjacent |= header(component, named);
                case "BODY" -> {
                    String text = text(component, "text");
                    if (text == null || text.isBlank()) {
                        throw GraphException.invalidParameter("The BODY component needs a text.");
                    }
                    if (text.length() > MAX_BODY) {
                        throw tooLong("Body text is " + text.length() + " characters; at most " + MAX_BODY + " are allowed.");
                    }
                    body = variables(text, named, "BODY");
                    requireExamples(component, body, named, "body_text", "BODY");
                    adjacent |= ADJACENT.matcher(text).find();
                }
                case "FOOTER" -> {
                    String text = text(component, "text");
                    if (text == null || text.isBlank()) {
                        throw GraphException.invalidParameter("The FOOTER component needs a text.");
                    }
                    if (text.length() > MAX_FOOTER) {
                        throw tooLong("Footer text is " + text.length() + " characters; at most " + MAX_FOOTER + " are allowed.");
                    }
                    if (VARIABLE.matcher(text).find()) {
                        throw GraphException.invalidParameter("The FOOTER component cannot contain variables.");
                    }
                }
                case "BUTTONS" -> buttons(component);
                default -> throw GraphException.invalidParameter("Unknown component type " + type
                        + "; use HEADER, BODY, FOOTER or BUTTONS.");
            }
        }
        if (body == null) {
            throw GraphException.invalidParameter("A template needs a BODY component.");
        }
        return new TemplateContent(named, array, List.copyOf(body), adjacent);
    }

    private static boolean header(JsonObject header, boolean named) {
        String format = upper(text(header, "format"));
        if (format == null || !HEADER_FORMATS.contains(format)) {
            throw GraphException.invalidParameter("HEADER format must be one of " + HEADER_FORMATS + ".");
        }
        if (!"TEXT".equals(format)) {
            JsonObject example = header.get("example") instanceof JsonObject e ? e : JsonValue.EMPTY_JSON_OBJECT;
            if (!"LOCATION".equals(format) && !(example.get("header_handle") instanceof JsonArray handle && !handle.isEmpty())) {
                throw GraphException.invalidParameter("A " + format + " header needs example.header_handle (an asset handle"
                        + " from the Resumable Upload API).");
            }
            return false;
        }
        String text = text(header, "text");
        if (text == null || text.isBlank()) {
            throw GraphException.invalidParameter("A TEXT header needs a text.");
        }
        if (text.length() > MAX_HEADER) {
            throw tooLong("Header text is " + text.length() + " characters; at most " + MAX_HEADER + " are allowed.");
        }
        List<String> variables = variables(text, named, "HEADER");
        if (variables.size() > 1) {
            throw GraphException.invalidParameter("A TEXT header may contain at most one variable.");
        }
        requireExamples(header, variables, named, "header_text", "HEADER");
        return ADJACENT.matcher(text).find();
    }

    private static void buttons(JsonObject component) {
        if (!(component.get("buttons") instanceof JsonArray buttons) || buttons.isEmpty()) {
            throw GraphException.invalidParameter("The BUTTONS component needs a non-empty buttons array.");
        }
        if (buttons.size() > MAX_BUTTONS) {
            throw GraphException.invalidParameter("A template has at most " + MAX_BUTTONS + " buttons.");
        }
        int urls = 0;
        int phones = 0;
        for (JsonValue value : buttons) {
            if (!(value instanceof JsonObject button)) {
                throw GraphException.invalidParameter("Every button must be an object.");
            }
            String type = upper(text(button, "type"));
            if (type == null || !BUTTON_TYPES.contains(type)) {
                throw GraphException.invalidParameter("Button type must be one of " + BUTTON_TYPES + ".");
            }
            String text = text(button, "text");
            if (Set.of("QUICK_REPLY", "URL", "PHONE_NUMBER").contains(type) && (text == null || text.isBlank())) {
                throw GraphException.invalidParameter("A " + type + " button needs a text.");
            }
            if (text != null && text.length() > MAX_BUTTON_TEXT) {
                throw tooLong("Button text is " + text.length() + " characters; at most " + MAX_BUTTON_TEXT + " are allowed.");
            }
            if ("URL".equals(type)) {
                urls++;
                String url = text(button, "url");
                if (url == null || !url.startsWith("http")) {
                    throw GraphException.invalidParameter("A URL button needs an http(s) url.");
                }
                if (VARIABLE.matcher(url).find() && !(button.get("example") instanceof JsonArray example && !example.isEmpty())) {
                    throw GraphException.invalidParameter("A URL button with a variable needs an example.");
                }
            }
            if ("PHONE_NUMBER".equals(type)) {
                phones++;
                if (text(button, "phone_number") == null) {
                    throw GraphException.invalidParameter("A PHONE_NUMBER button needs a phone_number.");
                }
            }
        }
        if (urls > MAX_URL_BUTTONS) {
            throw GraphException.invalidParameter("A template has at most " + MAX_URL_BUTTONS + " URL buttons.");
        }
        if (phones > MAX_PHONE_BUTTONS) {
            throw GraphException.invalidParameter("A template has at most " + MAX_PHONE_BUTTONS + " PHONE_NUMBER button.");
        }
    }

    /** The variables of a text in parameter order: "1".."n" (each once, no gaps) or distinct names. */
    static List<String> variables(String text, boolean named, String where) {
        Matcher m = VARIABLE.matcher(text);
        Set<String> found = new LinkedHashSet<>();
        while (m.find()) {
            String token = m.group(1);
            if (named) {
                if (!NAME.matcher(token).matches()) {
                    throw GraphException.invalidParameter(where + " variable {{" + token + "}} is not a valid named parameter"
                            + " (lowercase letters, digits and underscores, starting with a letter).");
                }
                if (!found.add(token)) {
                    throw GraphException.invalidParameter(where + " named parameter {{" + token + "}} is used twice.");
                }
            } else {
                if (!token.matches("[1-9]\\d{0,2}")) {
                    throw GraphException.invalidParameter(where + " variable {{" + token + "}} is not positional ({{1}}, {{2}}, ...);"
                            + " set parameter_format to named for named parameters.");
                }
                found.add(token);
            }
        }
        List<String> variables = new ArrayList<>(found);
        if (!named) {
            variables.sort((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)));
            for (int i = 0; i < variables.size(); i++) {
                if (Integer.parseInt(variables.get(i)) != i + 1) {
                    throw GraphException.invalidParameter(where + " variables must be numbered {{1}} to {{" + variables.size()
                            + "}} without gaps.");
                }
            }
        }
        return variables;
    }

    /** Every variable needs an example: key_text [[v1, v2]] (body) / [v1] (header), or key_text_named_params. */
    private static void requireExamples(JsonObject component, List<String> variables, boolean named, String key, String where) {
        if (variables.isEmpty()) {
            return;
        }
        JsonObject example = component.get("example") instanceof JsonObject e ? e : JsonValue.EMPTY_JSON_OBJECT;
        if (named) {
            Set<String> given = new HashSet<>();
            if (example.get(key + "_named_params") instanceof JsonArray params) {
                for (JsonValue p : params) {
                    if (p instanceof JsonObject param && text(param, "param_name") != null && text(param, "example") != null
                            && !text(param, "example").isBlank()) {
                        given.add(text(param, "param_name"));
                    }
                }
            }
            if (!given.containsAll(variables)) {
                throw GraphException.invalidParameter(where + " needs example." + key + "_named_params with an example for"
                        + " every named parameter " + variables + ".");
            }
            return;
        }
        JsonValue examples = example.get(key);
        if ("body_text".equals(key) && examples instanceof JsonArray outer && !outer.isEmpty()) {
            examples = outer.get(0);
        }
        int given = 0;
        if (examples instanceof JsonArray values) {
            for (JsonValue v : values) {
                given += v instanceof JsonString s && !s.getString().isBlank() ? 1 : 0;
            }
        }
        if (given != variables.size()) {
            throw GraphException.invalidParameter(where + " has " + variables.size() + " variables but example." + key
                    + " gives " + given + " examples; every variable needs one.");
        }
    }

    private static String text(JsonObject object, String name) {
        return object.get(name) instanceof JsonString s ? s.getString() : null;
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }
}

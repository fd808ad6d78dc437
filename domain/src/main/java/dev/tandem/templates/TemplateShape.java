package dev.tandem.templates;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables a template declares, read from its components: {{1}}, {{2}} (positional) or
 * {{first_name}} (named) in the header and body texts. A send must fill exactly these.
 */
public record TemplateShape(boolean named, List<String> header, List<String> body) {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([a-z0-9_]+)\\s*}}");

    public TemplateShape {
        header = List.copyOf(header);
        body = List.copyOf(body);
    }

    /** Reads Meta's components array (HEADER with format TEXT, BODY); other components take no text variables. */
    public static TemplateShape of(String parameterFormat, JsonArray components) {
        List<String> header = new ArrayList<>();
        List<String> body = new ArrayList<>();
        for (JsonValue value : components) {
            if (!(value instanceof JsonObject component)) {
                continue;
            }
            String type = text(component, "type");
            String text = text(component, "text");
            if (type == null || text == null) {
                continue;
            }
            switch (type.toUpperCase(Locale.ROOT)) {
                case "HEADER" -> header.addAll(variables(text));
                case "BODY" -> body.addAll(variables(text));
                default -> { }
            }
        }
        return new TemplateShape("named".equalsIgnoreCase(parameterFormat), header, body);
    }

    static List<String> variables(String text) {
        List<String> names = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /**
     * Why a send's template object does not fit this shape, or empty when it does: the number of
     * header and body parameters, and for named templates the parameter names.
     */
    public Optional<String> misfit(JsonObject sendTemplate) {
        List<JsonObject> headerGiven = parameters(sendTemplate, "header");
        List<JsonObject> bodyGiven = parameters(sendTemplate, "body");
        if (headerGiven.size() != header.size()) {
            return Optional.of("the header takes " + header.size() + " parameter(s), " + headerGiven.size() + " given");
        }
        if (bodyGiven.size() != body.size()) {
            return Optional.of("the body takes " + body.size() + " parameter(s), " + bodyGiven.size() + " given");
        }
        if (named) {
            for (JsonObject parameter : bodyGiven) {
                String name = text(parameter, "parameter_name");
                if (name == null || !body.contains(name)) {
                    return Optional.of("this template has named parameters " + body
                            + "; each body parameter needs one of them as parameter_name");
                }
            }
        }
        return Optional.empty();
    }

    private static List<JsonObject> parameters(JsonObject sendTemplate, String componentType) {
        List<JsonObject> found = new ArrayList<>();
        if (!(sendTemplate.get("components") instanceof JsonArray components)) {
            return found;
        }
        for (JsonValue value : components) {
            if (value instanceof JsonObject component && componentType.equalsIgnoreCase(text(component, "type"))
                    && component.get("parameters") instanceof JsonArray parameters) {
                parameters.forEach(p -> {
                    if (p instanceof JsonObject parameter) {
                        found.add(parameter);
                    }
                });
            }
        }
        return found;
    }

    static String text(JsonObject object, String name) {
        return object.get(name) instanceof JsonString s ? s.getString() : null;
    }
}

package dev.tandem.sandbox.templates;

import dev.tandem.sandbox.MetaJson;
import dev.tandem.sandbox.GraphException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The Graph "fields" parameter for templates: which fields a list or get returns (id always). */
public record TemplateFields(Set<String> names) {

    static final Set<String> KNOWN = Set.of("id", "name", "language", "status", "category", "components",
            "parameter_format", "quality_score", "rejected_reason");
    static final List<String> DEFAULT = List.of("name", "parameter_format", "components", "language", "status", "category", "id");

    /** Parses "name,status" (null or blank: the default fields); an unknown field is Meta's error 100. */
    public static TemplateFields parse(String fields) {
        Set<String> names = new LinkedHashSet<>();
        if (fields == null || fields.isBlank()) {
            names.addAll(DEFAULT);
        } else {
            for (String f : fields.split(",")) {
                String name = f.strip().toLowerCase(Locale.ROOT);
                if (!KNOWN.contains(name)) {
                    throw GraphException.invalidParameter("Tried accessing nonexisting field (" + name
                            + ") on node type (WhatsAppBusinessHSM)");
                }
                names.add(name);
            }
            names.add("id");
        }
        return new TemplateFields(names);
    }

    public JsonObject render(MessageTemplate t) {
        JsonObjectBuilder json = MetaJson.object();
        for (String field : names) {
            switch (field) {
                case "name" -> json.add("name", t.name());
                case "parameter_format" -> json.add("parameter_format", t.parameterFormat());
                case "components" -> json.add("components", t.content().components());
                case "language" -> json.add("language", t.language());
                case "status" -> json.add("status", t.status());
                case "category" -> json.add("category", t.category());
                case "quality_score" -> json.add("quality_score", MetaJson.object().add("score", "UNKNOWN"));
                case "rejected_reason" -> json.add("rejected_reason", t.reason());
                default -> { }
            }
        }
        return json.add("id", t.id()).build();
    }
}

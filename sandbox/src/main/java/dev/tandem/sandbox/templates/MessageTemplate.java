package dev.tandem.sandbox.templates;

import dev.tandem.sandbox.MetaJson;
import dev.tandem.sandbox.GraphException;
import jakarta.json.JsonArrayBuilder;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A message template of a WABA: one name in one language, with its validated components, category
 * and review status. Sends are checked against it (status, then the body parameters derived from the
 * components).
 *
 * @param reason why it was rejected (Meta's reason enum, e.g. INVALID_FORMAT), else "NONE"
 */
public record MessageTemplate(String id, String wabaId, String name, String language, String category,
                              TemplateContent content, String status, String reason, Instant createdAt) {

    public static final Set<String> CATEGORIES = Set.of("MARKETING", "UTILITY", "AUTHENTICATION");
    /** Statuses a template can be put in (spec 7.3); only APPROVED ones can be sent. */
    public static final Set<String> STATUSES = Set.of("APPROVED", "PENDING", "REJECTED", "PAUSED", "DISABLED",
            "IN_APPEAL", "LIMIT_EXCEEDED", "ARCHIVED");

    public MessageTemplate {
        if (name == null || !name.matches("[a-z0-9_]{1,512}")) {
            throw GraphException.invalidParameter("Template name must be 1 to 512 lowercase letters, digits and underscores.");
        }
        if (language == null || !language.matches("[a-z]{2,3}([_-][A-Za-z]{2,4})?")) {
            throw GraphException.invalidParameter("language must be a locale code such as en, en_US or pt_BR.");
        }
        if (category == null) {
            throw GraphException.invalidParameter("The parameter category is required (MARKETING, UTILITY or AUTHENTICATION).");
        }
        category = category.toUpperCase(Locale.ROOT);
        if (!CATEGORIES.contains(category)) {
            throw GraphException.invalidParameter("category must be MARKETING, UTILITY or AUTHENTICATION.");
        }
        status = status.toUpperCase(Locale.ROOT);
        if (!STATUSES.contains(status)) {
            throw GraphException.invalidParameter("status must be one of " + STATUSES);
        }
        Objects.requireNonNull(content);
        reason = reason == null ? "NONE" : reason;
    }

    /**
     * Components for a template set up by the world with n positional body parameters: a body that
     * reads "Notice {{1}}, then {{2}}." with an example for each, so it passes the same validation.
     */
    public static TemplateContent positionalBody(int parameters) {
        if (parameters < 0 || parameters > 100) {
            throw GraphException.invalidParameter("bodyParameters must be between 0 and 100");
        }
        StringBuilder text = new StringBuilder("Notice");
        JsonArrayBuilder examples = MetaJson.arrayBuilder();
        for (int i = 1; i <= parameters; i++) {
            text.append(i == 1 ? " " : ", then ").append("{{").append(i).append("}}");
            examples.add("example " + i);
        }
        var body = MetaJson.object().add("type", "BODY").add("text", text.append('.').toString());
        if (parameters > 0) {
            body.add("example", MetaJson.object().add("body_text", MetaJson.arrayBuilder().add(examples)));
        }
        return TemplateContent.parse(MetaJson.arrayBuilder().add(body).build(), "positional");
    }

    /** Named body parameters, for the world: "Notice {{a}}, then {{b}}." with examples. */
    public static TemplateContent namedBody(List<String> names) {
        StringBuilder text = new StringBuilder("Notice");
        JsonArrayBuilder examples = MetaJson.arrayBuilder();
        for (int i = 0; i < names.size(); i++) {
            text.append(i == 0 ? " " : ", then ").append("{{").append(names.get(i)).append("}}");
            examples.add(MetaJson.object().add("param_name", names.get(i)).add("example", "example " + (i + 1)));
        }
        var body = MetaJson.object().add("type", "BODY").add("text", text.append('.').toString());
        if (!names.isEmpty()) {
            body.add("example", MetaJson.object().add("body_text_named_params", examples));
        }
        return TemplateContent.parse(MetaJson.arrayBuilder().add(body).build(), "named");
    }

    public MessageTemplate withStatus(String newStatus, String newReason) {
        return new MessageTemplate(id, wabaId, name, language, category, content, newStatus, newReason, createdAt);
    }

    /** An edit puts the template back into review. */
    MessageTemplate edited(String newCategory, TemplateContent newContent) {
        return new MessageTemplate(id, wabaId, name, language, newCategory == null ? category : newCategory,
                newContent == null ? content : newContent, "PENDING", "NONE", createdAt);
    }

    public String parameterFormat() {
        return content.named() ? "NAMED" : "POSITIONAL";
    }

    /**
     * Checks a send against this template: it must be approved (paused 132015, disabled 132016, any
     * other state as missing, 132001); its body parameters must be of the template's format, positional
     * or named (132012), and match its parameters in number and, when named, in names (132000).
     *
     * @param given the body parameters of the send in order: each one's parameter_name, or null when positional
     */
    public void checkSend(List<String> given) {
        switch (status) {
            case "APPROVED" -> { }
            case "PAUSED" -> throw new GraphException(400, 132015, "Template is Paused", "Template " + name + " is paused.");
            case "DISABLED" -> throw new GraphException(400, 132016, "Template is Disabled", "Template " + name + " is disabled.");
            default -> throw new GraphException(404, 132001, "Template name does not exist in the translation",
                    "template name (" + name + ") does not exist in " + language);
        }
        List<String> expected = content.bodyParameters();
        boolean anyNamed = given.stream().anyMatch(Objects::nonNull);
        boolean anyPositional = given.stream().anyMatch(Objects::isNull);
        if (content.named() ? anyPositional : anyNamed) {
            throw new GraphException(400, 132012, "Parameter format does not match format in the created template",
                    "body: the template " + name + " uses " + parameterFormat().toLowerCase(Locale.ROOT) + " parameters"
                            + (content.named() ? "; every parameter needs a parameter_name." : "; parameter_name is not allowed."));
        }
        if (given.size() != expected.size() || (content.named() && !new HashSet<>(given).equals(new HashSet<>(expected)))) {
            throw new GraphException(400, 132000, "Number of parameters does not match the expected number of params",
                    "body: number of localizable_params (" + given.size() + ") does not match the expected number of params ("
                            + expected.size() + (content.named() ? ": " + expected : "") + ")");
        }
    }
}

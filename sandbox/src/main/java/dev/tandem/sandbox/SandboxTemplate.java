package dev.tandem.sandbox;

import java.util.Locale;
import java.util.Set;

/** A message template of a WABA in the sandbox: its category, how many body parameters it takes, its status. */
public record SandboxTemplate(String name, String language, String category, int bodyParameters, String status) {

    static final Set<String> CATEGORIES = Set.of("MARKETING", "UTILITY", "AUTHENTICATION");
    static final Set<String> STATUSES = Set.of("APPROVED", "PENDING", "REJECTED", "PAUSED", "DISABLED");

    public SandboxTemplate {
        if (name == null || !name.matches("[a-z0-9_]{1,512}")) {
            throw GraphException.invalidParameter("template name must be lowercase letters, digits and underscores");
        }
        if (language == null || language.isBlank()) {
            throw GraphException.missingParameter("language is required");
        }
        category = category == null ? "UTILITY" : category.toUpperCase(Locale.ROOT);
        if (!CATEGORIES.contains(category)) {
            throw GraphException.invalidParameter("category must be MARKETING, UTILITY or AUTHENTICATION");
        }
        status = status == null ? "APPROVED" : status.toUpperCase(Locale.ROOT);
        if (!STATUSES.contains(status)) {
            throw GraphException.invalidParameter("status must be one of " + STATUSES);
        }
        if (bodyParameters < 0) {
            throw GraphException.invalidParameter("bodyParameters must not be negative");
        }
    }

    SandboxTemplate withStatus(String newStatus) {
        return new SandboxTemplate(name, language, category, bodyParameters, newStatus);
    }

    /**
     * Checks a send against this template: it must be approved (paused 132015, disabled 132016, any
     * other state as missing, 132001) and get exactly its number of body parameters (132000).
     */
    void checkSend(int givenBodyParameters) {
        switch (status) {
            case "APPROVED" -> { }
            case "PAUSED" -> throw new GraphException(400, 132015, "Template is Paused", "Template " + name + " is paused.");
            case "DISABLED" -> throw new GraphException(400, 132016, "Template is Disabled", "Template " + name + " is disabled.");
            default -> throw new GraphException(404, 132001, "Template name does not exist in the translation",
                    "template name (" + name + ") does not exist in " + language);
        }
        if (givenBodyParameters != bodyParameters) {
            throw new GraphException(400, 132000, "Number of parameters does not match the expected number of params",
                    "body: number of localizable_params (" + givenBodyParameters + ") does not match the expected number of params ("
                            + bodyParameters + ")");
        }
    }
}

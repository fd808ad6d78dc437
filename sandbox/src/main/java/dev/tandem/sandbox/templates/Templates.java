package dev.tandem.sandbox.templates;

import dev.tandem.sandbox.GraphException;
import dev.tandem.sandbox.Ids;
import dev.tandem.sandbox.MetaJson;
import dev.tandem.sandbox.SandboxNumber;
import dev.tandem.sandbox.WebhookSender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one template store of the sandbox, used by the management API (create, list, edit, delete),
 * by the world (set up ready templates, approve, reject, pause) and by sends (which must name an
 * approved template). In memory, in creation order; a WABA holds at most 250 templates (Meta's limit
 * for an unverified portfolio). Every status change is announced with a signed
 * message_template_status_update webhook.
 */
@ApplicationScoped
public class Templates {

    static final int MAX_PER_WABA = 250;

    @Inject
    WebhookSender webhooks;

    private final Map<String, MessageTemplate> byId = new LinkedHashMap<>();

    /** A template submitted through the API: PENDING, or REJECTED at once for adjacent variables (announced). */
    public MessageTemplate create(SandboxNumber number, String name, String language, String category, TemplateContent content) {
        MessageTemplate created;
        synchronized (this) {
            if (find(number.wabaId(), name, language).isPresent()) {
                throw GraphException.invalidParameter("Content in this language already exists: " + name + " (" + language + ")."
                        + " Edit the existing template or use another name.");
            }
            if (of(number.wabaId()).size() >= MAX_PER_WABA) {
                throw new GraphException(400, 100, 2388019, "OAuthException", "Invalid parameter",
                        "Message template limit exceeded: this WABA already has " + MAX_PER_WABA + " templates.");
            }
            created = new MessageTemplate(Ids.decimal(16), number.wabaId(), name, language, category, content, "PENDING",
                    null, Instant.now());
            byId.put(created.id(), created);
        }
        if (content.adjacentVariables()) {
            return changeStatus(number, created, "REJECTED", "INVALID_FORMAT");
        }
        return created;
    }

    /** The world sets up a template directly in a given status (replacing one of the same name and language). */
    public synchronized MessageTemplate put(String wabaId, String name, String language, String category,
                                            TemplateContent content, String status) {
        String id = find(wabaId, name, language).map(MessageTemplate::id).orElseGet(() -> Ids.decimal(16));
        MessageTemplate template = new MessageTemplate(id, wabaId, name, language, category, content,
                status == null ? "APPROVED" : status, null, Instant.now());
        byId.put(id, template);
        return template;
    }

    /** The template a send names, or Meta's 132001 when there is none in that language. */
    public synchronized MessageTemplate forSend(String wabaId, String name, String language) {
        return find(wabaId, name, language).orElseThrow(() -> new GraphException(404, 132001,
                "Template name does not exist in the translation", "template name (" + name + ") does not exist in " + language));
    }

    public synchronized Optional<MessageTemplate> find(String wabaId, String name, String language) {
        return byId.values().stream()
                .filter(t -> t.wabaId().equals(wabaId) && t.name().equals(name) && t.language().equals(language))
                .findFirst();
    }

    public synchronized Optional<MessageTemplate> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** A WABA's templates in creation order. */
    public synchronized List<MessageTemplate> of(String wabaId) {
        return byId.values().stream().filter(t -> t.wabaId().equals(wabaId)).toList();
    }

    /**
     * Edits category and/or components; the template goes back to review (PENDING). Meta refuses
     * edits while a template is in review: 100 with subcode 2388039.
     */
    public synchronized MessageTemplate edit(String id, String category, TemplateContent content) {
        MessageTemplate template = byId.get(id);
        if (template == null) {
            throw GraphException.unknownObject(id, "post");
        }
        if ("PENDING".equals(template.status()) || "IN_APPEAL".equals(template.status())) {
            throw new GraphException(400, 100, 2388039, "OAuthException", "Invalid parameter",
                    "The template " + template.name() + " is " + template.status() + " and cannot be edited until its review ends.");
        }
        MessageTemplate edited = template.edited(category, content);
        byId.put(id, edited);
        return edited;
    }

    /** Deletes all languages of a name (hsmId null) or the one language with that id; Meta's 100 when nothing matches. */
    public synchronized int delete(String wabaId, String name, String hsmId) {
        List<String> ids = new ArrayList<>();
        for (MessageTemplate t : byId.values()) {
            if (t.wabaId().equals(wabaId) && t.name().equals(name) && (hsmId == null || t.id().equals(hsmId))) {
                ids.add(t.id());
            }
        }
        if (ids.isEmpty()) {
            throw GraphException.invalidParameter("Message template not found: name " + name
                    + (hsmId == null ? "" : " with hsm_id " + hsmId) + ".");
        }
        ids.forEach(byId::remove);
        return ids.size();
    }

    /** Review or quality changes the status: stored, then announced by webhook to the WABA. */
    public MessageTemplate changeStatus(SandboxNumber number, MessageTemplate template, String status, String reason) {
        MessageTemplate changed;
        synchronized (this) {
            if (!byId.containsKey(template.id())) {
                throw GraphException.unknownObject(template.id(), "post");
            }
            changed = byId.get(template.id()).withStatus(status, reason);
            byId.put(changed.id(), changed);
        }
        JsonObjectBuilder value = MetaJson.object()
                .add("event", changed.status())
                .add("message_template_id", Long.parseLong(changed.id()))
                .add("message_template_name", changed.name())
                .add("message_template_language", changed.language())
                .add("reason", changed.reason())
                .add("message_template_category", changed.category());
        switch (changed.status()) {
            case "REJECTED" -> {
                if ("INVALID_FORMAT".equals(changed.reason()) && changed.content().adjacentVariables()) {
                    value.add("rejection_info", MetaJson.object()
                            .add("reason", "Your template has parameters placed next to each other (like {{1}}{{2}}) without"
                                    + " text or punctuation between them.")
                            .add("recommendation", "Separate parameters with descriptive text and ensure each parameter is"
                                    + " clearly contextualized."));
                }
            }
            case "PAUSED" -> value.add("other_info", MetaJson.object().add("title", "FIRST_PAUSE")
                    .add("description", "Your template has been paused for 3 hours because of low quality."));
            case "DISABLED" -> value.add("disable_info", MetaJson.object()
                    .add("disable_date", Instant.now().getEpochSecond()));
            default -> { }
        }
        webhooks.send(number, List.of(MetaJson.change("message_template_status_update", value.build())),
                Instant.now().getEpochSecond());
        return changed;
    }
}

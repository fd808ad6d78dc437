package dev.tandem.templates;

import dev.tandem.domain.InvalidValueException;
import dev.tandem.domain.JsonDocuments;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One template in one language of a tenant's WABA, as Meta knows it. Only APPROVED templates may be
 * sent, with exactly the variables their header and body declare.
 */
@Entity
@Table(name = "message_template")
public class MessageTemplate {

    public static final String APPROVED = "APPROVED";

    /** Why a send may not use this template: a problem type and a sentence that names the remedy. */
    public record Refusal(String reason, String detail) {
    }

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    /** Meta's template id; absent only for a template learnt from a webhook that did not carry it. */
    @Column(name = "meta_id", length = 64)
    private String metaId;

    @Column(nullable = false, length = 512)
    private String name;

    @Column(nullable = false, length = 20)
    private String language;

    @Column(nullable = false, length = 20)
    private String category;

    @Column(nullable = false, length = 30)
    private String status;

    @Column(name = "status_reason", length = 1000)
    private String statusReason;

    @Column(name = "parameter_format", nullable = false, length = 12)
    private String parameterFormat;

    /** Meta's components array as JSON. */
    @Column(nullable = false)
    private String components;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected MessageTemplate() {
    }

    private MessageTemplate(UUID tenantId, String name, String language) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.name = name;
        this.language = language;
    }

    /** A template from Meta's template list (fields id, name, language, status, category, parameter_format, components). */
    public static MessageTemplate fromMeta(UUID tenantId, JsonObject meta, Instant now) {
        MessageTemplate template = new MessageTemplate(tenantId, requireText(meta, "name"), requireText(meta, "language"));
        template.refreshFrom(meta, now);
        return template;
    }


    public void refreshFrom(JsonObject meta, Instant now) {
        String metaIdText = meta.get("id") instanceof JsonString s ? s.getString() : null;
        this.metaId = metaIdText != null ? metaIdText : this.metaId;
        this.category = upper(optionalText(meta, "category"), "UTILITY");
        this.status = upper(optionalText(meta, "status"), "PENDING");
        this.parameterFormat = upper(optionalText(meta, "parameter_format"), "POSITIONAL");
        this.components = (meta.get("components") instanceof JsonArray array ? array : JsonValue.EMPTY_JSON_ARRAY).toString();
        this.updatedAt = now;
    }

    /** A status from Meta's template webhook; returns whether it changed anything. */
    public boolean changeStatus(String newStatus, String reason, Instant now) {
        String next = upper(newStatus, status);
        if (next.equals(status) && Objects.equals(reason, statusReason)) {
            return false;
        }
        this.status = next;
        this.statusReason = dev.tandem.domain.Columns.fit(reason, 1000);
        this.updatedAt = now;
        return true;
    }

    public void recategorize(String newCategory, Instant now) {
        this.category = upper(newCategory, category);
        this.updatedAt = now;
    }

    /** Why a send's template object may not go to Meta, or empty when it may. */
    public Optional<Refusal> refusalFor(JsonObject sendTemplate) {
        if (!APPROVED.equals(status)) {
            return Optional.of(new Refusal("template-not-approved", "Template " + name + " (" + language + ") is "
                    + status + " at Meta; only APPROVED templates can be sent. Use an approved template or wait for review."));
        }
        return shape().misfit(sendTemplate).map(misfit -> new Refusal("template-parameters",
                "Template " + name + " (" + language + "): " + misfit + "."));
    }

    public TemplateShape shape() {
        return TemplateShape.of(parameterFormat, JsonDocuments.parseArray(components));
    }

    private static String requireText(JsonObject meta, String field) {
        String value = optionalText(meta, field);
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, "Meta's template has no " + field);
        }
        return value;
    }

    private static String optionalText(JsonObject meta, String field) {
        return meta.get(field) instanceof JsonString s ? s.getString() : null;
    }

    /** Meta's statuses and categories are short words; anything blank or longer than 20 characters is none of them. */
    private static String upper(String value, String fallback) {
        return value == null || value.isBlank() || value.length() > 20 ? fallback : value.toUpperCase(Locale.ROOT);
    }

    public UUID id() { return id; }
    public UUID tenantId() { return tenantId; }
    public String metaId() { return metaId; }
    public String name() { return name; }
    public String language() { return language; }
    public String category() { return category; }
    public String status() { return status; }
    public String statusReason() { return statusReason; }
    public String parameterFormat() { return parameterFormat; }
    public String components() { return components; }
    public Instant updatedAt() { return updatedAt; }
}

package dev.tandem.templates;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A template as the API shows it, with the variables a send must fill. */
public record TemplateView(UUID id, UUID tenantId, String metaId, String name, String language, String category,
                           String status, String statusReason, String parameterFormat, List<String> headerParameters,
                           List<String> bodyParameters, Instant updatedAt) {

    static TemplateView of(MessageTemplate t) {
        TemplateShape shape = t.shape();
        return new TemplateView(t.id(), t.tenantId(), t.metaId(), t.name(), t.language(), t.category(), t.status(),
                t.statusReason(), t.parameterFormat(), shape.header(), shape.body(), t.updatedAt());
    }
}

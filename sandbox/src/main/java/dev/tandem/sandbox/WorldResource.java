package dev.tandem.sandbox;

import dev.tandem.sandbox.media.MediaStore;
import dev.tandem.sandbox.media.StoredMedia;
import dev.tandem.sandbox.templates.MessageTemplate;
import dev.tandem.sandbox.templates.TemplateContent;
import dev.tandem.sandbox.templates.Templates;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Scripts the world around the Graph API: register numbers, make customers write, type on the
 * Business App (echoes), stop or resume marketing, disconnect or reconnect a number, approve or pause
 * templates, and tune webhook delivery. Everything that Meta would notify arrives as signed webhooks.
 */
@Path("world")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WorldResource {

    @Inject
    World world;

    @Inject
    WebhookSender webhooks;

    @Inject
    Templates templates;

    @Inject
    MediaStore media;

    public record NumberRequest(String phoneNumberId, String wabaId, String displayNumber, String appId, String appSecret,
                                String webhookUrl, String accessToken, Integer messagesPerSecond, Boolean coexistence,
                                Instant onboardedAt) {
    }

    /**
     * A template set up ready for sends: positional body parameters (bodyParameters) or named ones
     * (namedParameters), APPROVED unless a status is given.
     */
    public record ReadyTemplate(String name, String language, String category, Integer bodyParameters,
                                List<String> namedParameters, String status) {
    }

    public record CustomerMessage(String from, String name, String text, String type, String mediaId,
                                  String referralSourceId) {
    }

    public record Echo(String to, String text) {
    }

    public record AccountEvent(String event, String reason) {
    }

    public record Preference(String waId, String action) {
    }

    @POST
    @Path("numbers")
    public Response register(NumberRequest r) {
        if (r == null) {
            throw GraphException.missingParameter("body is required");
        }
        SandboxNumber number = world.register(new SandboxNumber(r.phoneNumberId(), r.wabaId(), r.displayNumber(), r.appId(),
                r.appSecret(), r.webhookUrl(), r.accessToken(), r.messagesPerSecond() == null ? 80 : r.messagesPerSecond(),
                Boolean.TRUE.equals(r.coexistence()), r.onboardedAt()));
        return Response.status(201).entity(MetaJson.object()
                .add("id", number.phoneNumberId())
                .add("messages_per_second", number.messagesPerSecond())
                .build().toString()).build();
    }

    /** The numbers of the world, for the world page. */
    @GET
    @Path("numbers")
    public String numbers() {
        JsonArrayBuilder list = MetaJson.arrayBuilder();
        for (SandboxNumber n : world.numbers()) {
            list.add(MetaJson.object().add("id", n.phoneNumberId()).add("waba_id", n.wabaId())
                    .add("display_phone_number", n.displayNumber()).add("coexistence", n.coexistence())
                    .add("onboarded_at", n.onboardedAt().toString()).add("accepted_sends", world.acceptedSends(n)));
        }
        return MetaJson.object().add("data", list).build().toString();
    }

    @GET
    @Path("numbers/{id}")
    public String number(@PathParam("id") String id) {
        SandboxNumber number = world.number(id);
        Instant[] span = world.acceptanceSpan(number);
        JsonObjectBuilder json = MetaJson.object()
                .add("id", number.phoneNumberId())
                .add("messages_per_second", number.messagesPerSecond())
                .add("coexistence", number.coexistence())
                .add("accepted_sends", world.acceptedSends(number));
        if (span[0] != null) {
            json.add("first_accepted_at", span[0].toString()).add("last_accepted_at", span[1].toString());
        }
        return json.build().toString();
    }

    /** A customer writes to the number: an inbound "messages" webhook; opens the 24 h window. */
    @POST
    @Path("numbers/{id}/customer-messages")
    public String customerWrites(@PathParam("id") String id, CustomerMessage m) {
        SandboxNumber number = world.number(id);
        if (m == null || m.from() == null) {
            throw GraphException.missingParameter("from is required");
        }
        String type = m.type() == null ? "text" : m.type();
        String wamid = Ids.wamid(m.from());
        Instant now = Instant.now();
        JsonObjectBuilder message = MetaJson.object()
                .add("from", m.from())
                .add("id", wamid)
                .add("timestamp", String.valueOf(now.getEpochSecond()))
                .add("type", type);
        switch (type) {
            case "text" -> message.add("text", MetaJson.object().add("body", m.text() == null ? "" : m.text()));
            case "image", "document", "video", "audio", "sticker" -> {
                // Without a given id the customer's file is a placeholder in the media store, downloadable like Meta's.
                StoredMedia file = m.mediaId() == null ? media.putPlaceholder(number.phoneNumberId(), number.wabaId(), type, now)
                        : media.get(m.mediaId(), now).orElse(null);
                JsonObjectBuilder content = MetaJson.object()
                        .add("mime_type", file != null ? file.mimeType() : "image".equals(type) ? "image/jpeg" : "application/octet-stream")
                        .add("sha256", file == null ? "0".repeat(64) : file.sha256())
                        .add("id", m.mediaId() == null ? file.id() : m.mediaId());
                if (m.text() != null && !"audio".equals(type) && !"sticker".equals(type)) {
                    content.add("caption", m.text());
                }
                message.add(type, content);
            }
            default -> throw GraphException.invalidParameter("scripted customer messages are text or media, not " + type);
        }
        if (m.referralSourceId() != null) {
            message.add("referral", MetaJson.object()
                    .add("source_url", "https://fb.me/sandbox").add("source_id", m.referralSourceId())
                    .add("source_type", "ad").add("headline", "Sandbox ad").add("ctwa_clid", Ids.decimal(20)));
        }
        world.customerWrote(number, m.from(), now);
        webhooks.send(number, MetaJson.change("messages", MetaJson.numberValue(number)
                .add("contacts", MetaJson.array(MetaJson.object()
                        .add("profile", MetaJson.object().add("name", m.name() == null ? "Customer" : m.name()))
                        .add("wa_id", m.from()).build()))
                .add("messages", MetaJson.array(message.build()))
                .build()));
        return MetaJson.object().add("id", wamid).build().toString();
    }

    /** The owner types on the Business App: an smb_message_echoes webhook (never opens a window). */
    @POST
    @Path("numbers/{id}/echoes")
    public String echo(@PathParam("id") String id, Echo e) {
        SandboxNumber number = world.number(id);
        if (e == null || e.to() == null || e.text() == null) {
            throw GraphException.missingParameter("to and text are required");
        }
        String wamid = Ids.wamid(e.to());
        JsonObject echo = MetaJson.object()
                .add("from", number.displayNumber()).add("to", e.to()).add("id", wamid)
                .add("timestamp", String.valueOf(Instant.now().getEpochSecond())).add("type", "text")
                .add("text", MetaJson.object().add("body", e.text())).build();
        webhooks.send(number, MetaJson.change("smb_message_echoes",
                MetaJson.numberValue(number).add("message_echoes", MetaJson.array(echo)).build()));
        return MetaJson.object().add("id", wamid).build().toString();
    }

    /** A customer stops or resumes marketing: a user_preferences webhook; sends follow the preference. */
    @POST
    @Path("numbers/{id}/preferences")
    public Response preference(@PathParam("id") String id, Preference p) {
        SandboxNumber number = world.number(id);
        if (p == null || p.waId() == null || !List.of("stop", "resume").contains(p.action())) {
            throw GraphException.invalidParameter("waId and action (stop or resume) are required");
        }
        world.marketingPreference(number, p.waId(), "stop".equals(p.action()));
        webhooks.send(number, MetaJson.change("user_preferences", MetaJson.numberValue(number)
                .add("contacts", MetaJson.array(MetaJson.object().add("wa_id", p.waId()).build()))
                .add("user_preferences", MetaJson.array(MetaJson.object()
                        .add("wa_id", p.waId()).add("detail", "User requested to " + p.action() + " marketing messages")
                        .add("category", "marketing_messages").add("value", p.action())
                        .add("timestamp", Instant.now().getEpochSecond()).build()))
                .build()));
        return Response.noContent().build();
    }

    /** The number is disconnected, offboarded or reconnected: an account_update webhook by WABA. */
    @POST
    @Path("numbers/{id}/account-events")
    public Response account(@PathParam("id") String id, AccountEvent a) {
        SandboxNumber number = world.number(id);
        if (a == null || !List.of("PARTNER_REMOVED", "ACCOUNT_OFFBOARDED", "ACCOUNT_RECONNECTED").contains(a.event())) {
            throw GraphException.invalidParameter("event must be PARTNER_REMOVED, ACCOUNT_OFFBOARDED or ACCOUNT_RECONNECTED");
        }
        JsonObjectBuilder value = MetaJson.object().add("phone_number", number.displayNumber()).add("event", a.event());
        if ("PARTNER_REMOVED".equals(a.event()) && a.reason() != null) {
            value.add("disconnection_info", MetaJson.object().add("reason", a.reason()).add("initiated_by", "SYSTEM"));
        }
        webhooks.send(number, List.of(MetaJson.change("account_update", value.build())), Instant.now().getEpochSecond());
        return Response.noContent().build();
    }

    /** Creates or replaces a ready template of the number's WABA, in the store the Graph API uses. */
    @POST
    @Path("numbers/{id}/templates")
    public Response template(@PathParam("id") String id, ReadyTemplate t) {
        SandboxNumber number = world.number(id);
        if (t == null) {
            throw GraphException.missingParameter("body is required");
        }
        TemplateContent content = t.namedParameters() != null ? MessageTemplate.namedBody(t.namedParameters())
                : MessageTemplate.positionalBody(t.bodyParameters() == null ? 0 : t.bodyParameters());
        MessageTemplate created = templates.put(number.wabaId(), t.name(), t.language(),
                t.category() == null ? "UTILITY" : t.category(), content, t.status());
        return Response.status(201).entity(MetaJson.object().add("id", created.id())
                .add("status", created.status()).build().toString()).build();
    }

    /** The templates of the number's WABA, for the world page. */
    @GET
    @Path("numbers/{id}/templates")
    public String templates(@PathParam("id") String id) {
        SandboxNumber number = world.number(id);
        JsonArrayBuilder list = MetaJson.arrayBuilder();
        templates.of(number.wabaId()).forEach(t -> list.add(MetaJson.object().add("id", t.id())
                .add("name", t.name()).add("language", t.language()).add("category", t.category())
                .add("status", t.status()).add("body_parameters", t.content().bodyParameters().size())));
        return MetaJson.object().add("data", list).build().toString();
    }

    /**
     * Review or quality changes a template's status (APPROVED, REJECTED, PAUSED, DISABLED, ...): a
     * message_template_status_update webhook. ?reason= sets the rejection reason (default
     * INVALID_FORMAT for REJECTED, NONE otherwise).
     */
    @POST
    @Path("numbers/{id}/templates/{name}/{language}/{status}")
    public Response templateStatus(@PathParam("id") String id, @PathParam("name") String name,
                                   @PathParam("language") String language, @PathParam("status") String status,
                                   @QueryParam("reason") String reason) {
        SandboxNumber number = world.number(id);
        MessageTemplate template = templates.forSend(number.wabaId(), name, language);
        String upper = status.toUpperCase(Locale.ROOT);
        templates.changeStatus(number, template, upper,
                reason != null ? reason : "REJECTED".equals(upper) ? "INVALID_FORMAT" : "NONE");
        return Response.noContent().build();
    }

    @PUT
    @Path("delivery")
    public Response delivery(DeliveryOptions options) {
        webhooks.options(options == null ? DeliveryOptions.DEFAULT : options);
        return Response.noContent().build();
    }

    @GET
    @Path("delivery")
    public String deliveryStats() {
        WebhookSender.Stats stats = webhooks.stats();
        DeliveryOptions options = webhooks.options();
        return MetaJson.object()
                .add("posted", stats.posted()).add("acknowledged", stats.acknowledged())
                .add("refused", stats.refused()).add("abandoned", stats.abandoned())
                .add("unsubscribed", stats.unsubscribed())
                .add("duplicateRate", options.duplicateRate()).add("maxReorderMillis", options.maxReorderMillis())
                .add("maxBatch", options.maxBatch()).add("maxAttempts", options.maxAttempts())
                .add("statusLingerMillis", options.statusLingerMillis())
                .build().toString();
    }
}

package dev.tandem.sandbox;

import dev.tandem.sandbox.templates.MessageTemplate;
import dev.tandem.sandbox.templates.Templates;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** POST /{version}/{phone-number-id}/messages: send, or mark as read (with an optional typing indicator). */
@Path("graph/{version}/{phoneNumberId}/messages")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class GraphMessagesResource {

    @Inject
    World world;

    @Inject
    Templates templates;

    @POST
    public String send(@PathParam("version") String version, @PathParam("phoneNumberId") String phoneNumberId,
                       @HeaderParam("Authorization") String authorization, String rawBody) {
        GraphVersions.check(version);
        SandboxNumber number = world.authorize(phoneNumberId, authorization);
        JsonObject body = MetaJson.parseBody(rawBody);
        if ("read".equals(OutboundRequest.string(body, "status"))) {
            if (OutboundRequest.string(body, "message_id") == null) {
                throw GraphException.missingParameter("The parameter message_id is required.");
            }
            return MetaJson.object().add("success", true).build().toString();
        }
        OutboundRequest request = OutboundRequest.parse(body);
        world.checkMedia(number, request);
        MessageTemplate template = null;
        if (request.template()) {
            template = templates.forSend(number.wabaId(), request.templateName(), request.templateLanguage());
            template.checkSend(request.templateParameters());
        }
        world.admit(number, request.to());
        String wamid = Ids.wamid(request.to());
        var message = MetaJson.object().add("id", wamid);
        if (request.template()) {
            message.add("message_status", "accepted");
        }
        world.deliverOutcome(number, request, wamid, template);
        return MetaJson.object()
                .add("messaging_product", "whatsapp")
                .add("contacts", MetaJson.arrayBuilder().add(MetaJson.object()
                        .add("input", OutboundRequest.string(body, "to")).add("wa_id", request.to())))
                .add("messages", MetaJson.arrayBuilder().add(message))
                .build().toString();
    }
}

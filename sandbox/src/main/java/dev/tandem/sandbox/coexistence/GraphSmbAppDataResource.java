package dev.tandem.sandbox.coexistence;

import dev.tandem.sandbox.GraphException;
import dev.tandem.sandbox.GraphVersions;
import dev.tandem.sandbox.MetaJson;
import dev.tandem.sandbox.SandboxNumber;
import dev.tandem.sandbox.World;
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

/** POST /{version}/{phone-number-id}/smb_app_data {messaging_product, sync_type} → {messaging_product, request_id}. */
@Path("graph/{version}/{phoneNumberId}/smb_app_data")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class GraphSmbAppDataResource {

    @Inject
    World world;

    @Inject
    Coexistence coexistence;

    @POST
    public String request(@PathParam("version") String version, @PathParam("phoneNumberId") String phoneNumberId,
                          @HeaderParam("Authorization") String authorization, String rawBody) {
        GraphVersions.check(version);
        SandboxNumber number = world.authorize(phoneNumberId, authorization);
        JsonObject body = MetaJson.parseBody(rawBody);
        if (!"whatsapp".equals(MetaJson.string(body, "messaging_product"))) {
            throw GraphException.invalidParameter("messaging_product is required and must be \"whatsapp\"");
        }
        String requestId = coexistence.requestSync(number, MetaJson.string(body, "sync_type"));
        return MetaJson.object().add("messaging_product", "whatsapp").add("request_id", requestId).build().toString();
    }
}

package dev.tandem.sandbox;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * /{version}/{waba-id}/subscribed_apps: subscribe the caller's app to the WABA (an empty body, or an
 * override_callback_uri with its verify_token), list it, unsubscribe it.
 */
@Path("graph/{version}/{wabaId}/subscribed_apps")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class GraphSubscribedAppsResource {

    @Inject
    World world;

    @Inject
    SubscribedApps subscriptions;

    @POST
    public String subscribe(@PathParam("version") String version, @PathParam("wabaId") String wabaId,
                            @HeaderParam("Authorization") String authorization, String rawBody) {
        GraphVersions.check(version);
        SandboxNumber number = world.authorizeWaba(wabaId, authorization);
        JsonObject body = rawBody == null || rawBody.isBlank() ? JsonObject.EMPTY_JSON_OBJECT : MetaJson.parseBody(rawBody);
        subscriptions.subscribe(number, MetaJson.string(body, "override_callback_uri"), MetaJson.string(body, "verify_token"));
        return MetaJson.object().add("success", true).build().toString();
    }

    @GET
    public String list(@PathParam("version") String version, @PathParam("wabaId") String wabaId,
                       @HeaderParam("Authorization") String authorization) {
        GraphVersions.check(version);
        SandboxNumber number = world.authorizeWaba(wabaId, authorization);
        JsonArrayBuilder data = MetaJson.arrayBuilder();
        subscriptions.of(number).ifPresent(s -> {
            JsonObjectBuilder app = MetaJson.object().add("whatsapp_business_api_data", MetaJson.object()
                    .add("link", "https://www.facebook.com/games/?app_id=" + s.appId())
                    .add("name", "App " + s.appId())
                    .add("id", s.appId()));
            if (s.overrideCallbackUri() != null) {
                app.add("override_callback_uri", s.overrideCallbackUri());
            }
            data.add(app);
        });
        return MetaJson.object().add("data", data).build().toString();
    }

    @DELETE
    public String unsubscribe(@PathParam("version") String version, @PathParam("wabaId") String wabaId,
                              @HeaderParam("Authorization") String authorization) {
        GraphVersions.check(version);
        subscriptions.unsubscribe(world.authorizeWaba(wabaId, authorization));
        return MetaJson.object().add("success", true).build().toString();
    }
}

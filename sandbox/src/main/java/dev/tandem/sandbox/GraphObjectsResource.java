package dev.tandem.sandbox;

import dev.tandem.sandbox.media.MediaLinks;
import dev.tandem.sandbox.media.MediaStore;
import dev.tandem.sandbox.media.StoredMedia;
import dev.tandem.sandbox.templates.MessageTemplate;
import dev.tandem.sandbox.templates.TemplateContent;
import dev.tandem.sandbox.templates.TemplateFields;
import dev.tandem.sandbox.templates.Templates;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Graph nodes by id, /{version}/{id}: a media id (GET its URL and metadata, DELETE it) or a template
 * id (GET with fields, POST an edit). As on Graph, the id alone says which kind it is; an id this
 * token cannot see is 100/33.
 */
@Path("graph/{version}/{objectId}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class GraphObjectsResource {

    @Inject
    World world;

    @Inject
    MediaStore media;

    @Inject
    MediaLinks links;

    @Inject
    Templates templates;

    @Context
    UriInfo uri;

    @GET
    public String get(@PathParam("version") String version, @PathParam("objectId") String id,
                      @HeaderParam("Authorization") String authorization, @QueryParam("fields") String fields) {
        GraphVersions.check(version);
        world.authorizeAny(authorization);
        Instant now = Instant.now();
        Optional<StoredMedia> stored = media.get(id, now).filter(m -> world.tokenOfWaba(m.wabaId(), authorization));
        if (stored.isPresent()) {
            StoredMedia m = stored.get();
            return MetaJson.object()
                    .add("messaging_product", "whatsapp")
                    .add("url", links.url(uri.getBaseUri(), m.id(), now))
                    .add("mime_type", m.mimeType())
                    .add("sha256", m.sha256())
                    .add("file_size", String.valueOf(m.bytes().length))
                    .add("id", m.id())
                    .build().toString();
        }
        MessageTemplate template = visibleTemplate(id, authorization, "get");
        return TemplateFields.parse(fields).render(template).toString();
    }

    /** Edits a template: new components and/or category; it goes back into review. */
    @POST
    public String edit(@PathParam("version") String version, @PathParam("objectId") String id,
                       @HeaderParam("Authorization") String authorization, String rawBody) {
        GraphVersions.check(version);
        world.authorizeAny(authorization);
        MessageTemplate template = visibleTemplate(id, authorization, "post");
        JsonObject body = MetaJson.parseBody(rawBody);
        String category = MetaJson.string(body, "category");
        TemplateContent content = body.containsKey("components")
                ? TemplateContent.parse(body.get("components"), MetaJson.string(body, "parameter_format") != null
                        ? MetaJson.string(body, "parameter_format") : template.parameterFormat())
                : null;
        if (category == null && content == null) {
            throw GraphException.invalidParameter("An edit needs components or category.");
        }
        if (category != null && !MessageTemplate.CATEGORIES.contains(category.toUpperCase(Locale.ROOT))) {
            throw GraphException.invalidParameter("category must be MARKETING, UTILITY or AUTHENTICATION.");
        }
        templates.edit(template.id(), category == null ? null : category.toUpperCase(Locale.ROOT), content);
        return MetaJson.object().add("success", true).build().toString();
    }

    @DELETE
    public String delete(@PathParam("version") String version, @PathParam("objectId") String id,
                         @HeaderParam("Authorization") String authorization) {
        GraphVersions.check(version);
        world.authorizeAny(authorization);
        boolean visible = media.get(id, Instant.now()).filter(m -> world.tokenOfWaba(m.wabaId(), authorization)).isPresent();
        if (!visible || !media.remove(id)) {
            throw GraphException.unknownObject(id, "delete");
        }
        return MetaJson.object().add("success", true).build().toString();
    }

    private MessageTemplate visibleTemplate(String id, String authorization, String method) {
        return templates.byId(id).filter(t -> world.tokenOfWaba(t.wabaId(), authorization))
                .orElseThrow(() -> GraphException.unknownObject(id, method));
    }
}

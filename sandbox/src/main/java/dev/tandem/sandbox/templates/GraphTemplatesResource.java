package dev.tandem.sandbox.templates;

import dev.tandem.sandbox.GraphException;
import dev.tandem.sandbox.GraphVersions;
import dev.tandem.sandbox.MetaJson;
import dev.tandem.sandbox.SandboxNumber;
import dev.tandem.sandbox.World;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;

/** /{version}/{waba-id}/message_templates: create, list (filters, fields, cursor paging) and delete (spec 7.1). */
@Path("graph/{version}/{wabaId}/message_templates")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class GraphTemplatesResource {

    @Inject
    World world;

    @Inject
    Templates templates;

    @Context
    UriInfo uri;

    @POST
    public String create(@PathParam("version") String version, @PathParam("wabaId") String wabaId,
                         @HeaderParam("Authorization") String authorization, String rawBody) {
        GraphVersions.check(version);
        SandboxNumber number = world.authorizeWaba(wabaId, authorization);
        JsonObject body = MetaJson.parseBody(rawBody);
        String name = required(body, "name");
        String language = required(body, "language");
        String category = required(body, "category");
        TemplateContent content = TemplateContent.parse(body.get("components"), MetaJson.string(body, "parameter_format"));
        MessageTemplate created = templates.create(number, name, language, category.toUpperCase(Locale.ROOT), content);
        return MetaJson.object().add("id", created.id()).add("status", created.status())
                .add("category", created.category()).build().toString();
    }

    @GET
    public String list(@PathParam("version") String version, @PathParam("wabaId") String wabaId,
                       @HeaderParam("Authorization") String authorization, @QueryParam("fields") String fields,
                       @QueryParam("status") String status, @QueryParam("name") String name,
                       @QueryParam("language") String language, @QueryParam("category") String category,
                       @QueryParam("limit") Integer limit, @QueryParam("after") String after,
                       @QueryParam("before") String before) {
        GraphVersions.check(version);
        world.authorizeWaba(wabaId, authorization);
        TemplateFields selected = TemplateFields.parse(fields);
        List<MessageTemplate> matching = templates.of(wabaId).stream()
                .filter(t -> status == null || t.status().equalsIgnoreCase(status))
                .filter(t -> name == null || t.name().contains(name.toLowerCase(Locale.ROOT)))
                .filter(t -> language == null || t.language().equals(language))
                .filter(t -> category == null || t.category().equalsIgnoreCase(category))
                .toList();
        TemplatePage page = TemplatePage.of(matching, limit, after, before);
        JsonArrayBuilder data = MetaJson.arrayBuilder();
        page.data().forEach(t -> data.add(selected.render(t)));
        JsonObjectBuilder paging = MetaJson.object();
        if (page.before() != null) {
            paging.add("cursors", MetaJson.object().add("before", page.before()).add("after", page.after()));
        }
        if (page.hasNext()) {
            paging.add("next", uri.getRequestUriBuilder().replaceQueryParam("before").replaceQueryParam("after", page.after())
                    .build().toString());
        }
        if (page.hasPrevious()) {
            paging.add("previous", uri.getRequestUriBuilder().replaceQueryParam("after").replaceQueryParam("before", page.before())
                    .build().toString());
        }
        return MetaJson.object().add("data", data).add("paging", paging).build().toString();
    }

    /** ?name=x deletes every language of x; ?hsm_id=id&name=x deletes that one. */
    @DELETE
    public String delete(@PathParam("version") String version, @PathParam("wabaId") String wabaId,
                         @HeaderParam("Authorization") String authorization, @QueryParam("name") String name,
                         @QueryParam("hsm_id") String hsmId) {
        GraphVersions.check(version);
        world.authorizeWaba(wabaId, authorization);
        if (name == null || name.isBlank()) {
            throw GraphException.invalidParameter("The parameter name is required.");
        }
        templates.delete(wabaId, name, hsmId);
        return MetaJson.object().add("success", true).build().toString();
    }

    private static String required(JsonObject body, String field) {
        String value = MetaJson.string(body, field);
        if (value == null || value.isBlank()) {
            throw GraphException.invalidParameter("The parameter " + field + " is required.");
        }
        return value;
    }
}

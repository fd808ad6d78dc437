package dev.tandem.sandbox.media;

import dev.tandem.sandbox.MetaJson;
import dev.tandem.sandbox.GraphException;
import dev.tandem.sandbox.GraphVersions;
import dev.tandem.sandbox.SandboxNumber;
import dev.tandem.sandbox.World;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/** POST /{version}/{phone-number-id}/media, multipart: file, type (MIME), messaging_product=whatsapp → {"id"}. */
@Path("graph/{version}/{phoneNumberId}/media")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class GraphMediaResource {

    @Inject
    World world;

    @Inject
    MediaStore store;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public String upload(@PathParam("version") String version, @PathParam("phoneNumberId") String phoneNumberId,
                         @HeaderParam("Authorization") String authorization, List<EntityPart> parts) {
        GraphVersions.check(version);
        SandboxNumber number = world.authorize(phoneNumberId, authorization);
        String product = null;
        String type = null;
        byte[] file = null;
        for (EntityPart part : parts) {
            switch (part.getName()) {
                case "messaging_product" -> product = read(part, String.class);
                case "type" -> type = read(part, String.class);
                case "file" -> file = readBytes(part);
                default -> { }
            }
        }
        if (!"whatsapp".equals(product == null ? null : product.strip())) {
            throw GraphException.invalidParameter("messaging_product is required and must be \"whatsapp\"");
        }
        if (file == null) {
            throw GraphException.missingParameter("The parameter file is required.");
        }
        if (type == null || type.isBlank()) {
            throw GraphException.missingParameter("The parameter type is required.");
        }
        StoredMedia stored = store.put(number.phoneNumberId(), number.wabaId(), type.strip(), file, Instant.now());
        return MetaJson.object().add("id", stored.id()).build().toString();
    }

    /** Anything but multipart/form-data: Meta asks for the file parameter. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public String notMultipart(@PathParam("version") String version, @PathParam("phoneNumberId") String phoneNumberId,
                               @HeaderParam("Authorization") String authorization) {
        GraphVersions.check(version);
        world.authorize(phoneNumberId, authorization);
        throw GraphException.missingParameter("The parameter file is required: upload media as multipart/form-data"
                + " with file, type and messaging_product.");
    }

    private static <T> T read(EntityPart part, Class<T> type) {
        try {
            return part.getContent(type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readBytes(EntityPart part) {
        try (InputStream in = part.getContent()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

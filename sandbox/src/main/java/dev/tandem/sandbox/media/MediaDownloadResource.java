package dev.tandem.sandbox.media;

import dev.tandem.sandbox.World;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;

/**
 * The download behind a media URL (Meta's lookaside host): the bytes, for the Bearer token of a
 * number of the uploading WABA; 404 for an expired or forged link, 401 without a valid token.
 */
@Path(MediaLinks.PATH)
@RequestScoped
public class MediaDownloadResource {

    @Inject
    MediaStore store;

    @Inject
    MediaLinks links;

    @Inject
    World world;

    @GET
    public Response download(@QueryParam("mid") String mediaId, @QueryParam("ext") String ext, @QueryParam("hash") String hash,
                             @HeaderParam("Authorization") String authorization) {
        Instant now = Instant.now();
        if (!links.valid(mediaId, ext, hash, now)) {
            return Response.status(404).build();
        }
        StoredMedia media = store.get(mediaId, now).orElse(null);
        if (media == null) {
            return Response.status(404).build();
        }
        if (!world.tokenOfWaba(media.wabaId(), authorization)) {
            return Response.status(401).build();
        }
        return Response.ok(media.bytes(), media.mimeType())
                .header("Content-Length", media.bytes().length)
                .header("Content-Disposition", "attachment; filename=" + media.id())
                .build();
    }
}

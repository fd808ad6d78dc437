package dev.tandem.sandbox;

import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.security.SecureRandom;
import java.util.Base64;

/** Renders {@link GraphException} in Meta's error shape, with a fresh fbtrace_id. */
@Provider
public class GraphExceptionMapper implements ExceptionMapper<GraphException> {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public Response toResponse(GraphException e) {
        JsonObjectBuilder error = MetaJson.object()
                .add("message", e.getMessage())
                .add("type", e.type())
                .add("code", e.code());
        if (e.subcode() != null) {
            error.add("error_subcode", e.subcode());
        }
        error.add("error_data", MetaJson.object().add("messaging_product", "whatsapp")
                        .add("details", e.details() == null ? e.title() : e.details()))
                .add("fbtrace_id", fbtraceId());
        return Response.status(e.httpStatus()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(MetaJson.object().add("error", error).build().toString()).build();
    }

    static String fbtraceId() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).substring(0, 23);
    }
}

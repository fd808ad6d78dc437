package dev.tandem.platform.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code errors} lists field-level details for validation problems.
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(String field, String message) {
    }

    public static Response response(Response.Status status, String type, String detail, List<FieldError> errors) {
        return response(status.getStatusCode(), status.getReasonPhrase(), type, detail, errors);
    }

    /** For statuses JAX-RS has no constant for, such as 422 Unprocessable Content. */
    public static Response response(int status, String title, String type, String detail, List<FieldError> errors) {
        return Response.status(status)
                .type(MediaType.valueOf(MEDIA_TYPE))
                .entity(new Problem("urn:tandem:problem:" + type, title, status, detail, errors == null ? List.of() : errors))
                .build();
    }
}

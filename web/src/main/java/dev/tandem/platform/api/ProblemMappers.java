package dev.tandem.platform.api;

import dev.tandem.domain.InvalidValueException;
import dev.tandem.messaging.CloudApiException;
import dev.tandem.messaging.SendRefusedException;
import dev.tandem.platform.ConflictException;
import dev.tandem.platform.ForbiddenException;
import dev.tandem.platform.NotFoundException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** One exception mapper per exception type; every error leaves the API as problem+json. */
public final class ProblemMappers {

    private ProblemMappers() {
    }

    @Provider
    public static class InvalidValue implements ExceptionMapper<InvalidValueException> {
        @Override
        public Response toResponse(InvalidValueException e) {
            return Problem.response(Status.BAD_REQUEST, "validation", "The request has invalid fields.",
                    List.of(new Problem.FieldError(e.field(), e.getMessage())));
        }
    }

    @Provider
    public static class ConstraintViolations implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                    .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                    .sorted(Comparator.comparing(Problem.FieldError::field))
                    .toList();
            return Problem.response(Status.BAD_REQUEST, "validation", "The request has invalid fields.", errors);
        }

        /** "create.body.name" reads as "name"; a missing body reads as "body" (the parameter's name). */
        private static String fieldName(ConstraintViolation<?> violation) {
            String last = "body";
            for (Path.Node node : violation.getPropertyPath()) {
                if (node.getName() != null) {
                    last = node.getName();
                }
            }
            return last;
        }
    }

    @Provider
    public static class NotFound implements ExceptionMapper<NotFoundException> {
        @Override
        public Response toResponse(NotFoundException e) {
            return Problem.response(Status.NOT_FOUND, "not-found", e.getMessage(), null);
        }
    }

    @Provider
    public static class Conflict implements ExceptionMapper<ConflictException> {
        @Override
        public Response toResponse(ConflictException e) {
            return Problem.response(Status.CONFLICT, "conflict", e.getMessage(),
                    List.of(new Problem.FieldError(e.field(), e.getMessage())));
        }
    }

    @Provider
    public static class Forbidden implements ExceptionMapper<ForbiddenException> {
        @Override
        public Response toResponse(ForbiddenException e) {
            return Problem.response(Status.FORBIDDEN, "forbidden", e.getMessage(), null);
        }
    }

    /** A send Tandem refused before calling Meta; the detail names the remedy. */
    @Provider
    public static class SendRefused implements ExceptionMapper<SendRefusedException> {
        @Override
        public Response toResponse(SendRefusedException e) {
            return Problem.response(422, "Unprocessable Content", e.reason(), e.getMessage(), null);
        }
    }

    /** Meta could not be asked (or refused a management call): the gateway failed, not the request. */
    @Provider
    public static class CloudApiUnavailable implements ExceptionMapper<CloudApiException> {
        @Override
        public Response toResponse(CloudApiException e) {
            return Problem.response(502, "Bad Gateway", "cloud-api", e.getMessage(), null);
        }
    }

    /** JAX-RS's own errors (unknown path, wrong method or media type, unreadable JSON, role denied). */
    @Provider
    public static class WebApplication implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Status status = Status.fromStatusCode(e.getResponse().getStatus());
            if (status == null) {
                status = Status.BAD_REQUEST;
            }
            String detail = switch (status) {
                case NOT_FOUND -> "No such resource.";
                case FORBIDDEN -> "Your role does not allow this.";
                case UNAUTHORIZED -> "Authentication required.";
                case BAD_REQUEST -> "The request body could not be read as the expected JSON.";
                default -> status.getReasonPhrase();
            };
            Response problem = Problem.response(status, status.getReasonPhrase().toLowerCase().replace(' ', '-'),
                    detail, null);
            e.getResponse().getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type")) {
                    values.forEach(v -> problem.getHeaders().add(name, v));
                }
            });
            return problem;
        }
    }

    /** A body that is not the JSON the endpoint expects (RESTEasy reports JSON-B failures this way). */
    @Provider
    public static class UnreadableBody implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            return Problem.response(Status.BAD_REQUEST, "unreadable-body",
                    "The request body could not be read as the expected JSON.", null);
        }
    }

    /** Anything else: a stale update is a conflict; the rest is logged with an id and answered 500. */
    @Provider
    public static class Unexpected implements ExceptionMapper<Exception> {
        private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());

        @Override
        public Response toResponse(Exception e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof OptimisticLockException) {
                    return Problem.response(Status.CONFLICT, "conflict",
                            "Somebody else changed this at the same time; read it again and retry.", null);
                }
                if (t instanceof InvalidValueException invalid) {
                    return new InvalidValue().toResponse(invalid);
                }
            }
            String errorId = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Unexpected error " + errorId, e);
            return Problem.response(Status.INTERNAL_SERVER_ERROR, "internal",
                    "Unexpected error; quote " + errorId + " to your operator.", null);
        }
    }
}

package io.onestop.assistance.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become HTTP answers. Every error leaves as problem+json; nothing from the
 * exception (class names, SQL, stack traces, or input values that may hold personal data) reaches the client.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    /** PostgreSQL restarts and S3 failovers take seconds; clients wait this long before retrying. */
    static final String RETRY_AFTER_SECONDS = "2";

    @jakarta.inject.Inject
    DenialRecorder denials;

    @ServerExceptionMapper
    public Response domain(ProblemException e) {
        return answer(Problem.of(e.type(), e.title(), e.status(), e.getMessage(), e.errors()));
    }

    @ServerExceptionMapper
    public Response beanValidation(ConstraintViolationException e) {
        List<FieldProblem> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        return domain(ProblemException.invalid(errors));
    }

    /** Wrong types or enum values in an otherwise well-formed body name the field (422). */
    @ServerExceptionMapper
    public Response mismatch(MismatchedInputException e) {
        if (e.getPath().isEmpty()) {
            return json(e);
        }
        return domain(ProblemException.invalid(pathOf(e), "has a value of the wrong type or an unknown code"));
    }

    /** Broken JSON is a 400. */
    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return mismatch(mismatch);
        }
        return domain(ProblemException.badRequest("The request body is not valid JSON."));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json); // Quarkus REST wraps body-reading errors; the field is still worth naming
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Request refused" : known.getReasonPhrase();
        Response.ResponseBuilder builder = Response.fromResponse(answer(Problem.of(
                "http-" + status, title, status, title + ".", null)));
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    /** No or no valid login for an endpoint that needs one: 401 with the Bearer challenge, as problem+json. */
    @ServerExceptionMapper({io.quarkus.security.UnauthorizedException.class,
            io.quarkus.security.AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e) {
        return Response.fromResponse(answer(Problem.of("unauthenticated", "Login required", 401,
                "This request needs a valid access token.", null))).header("WWW-Authenticate", "Bearer").build();
    }

    /** Logged in, but the role or scope does not allow this request: refused, and the refusal audited. */
    @ServerExceptionMapper
    public Uni<Response> forbidden(io.quarkus.security.ForbiddenException e, ContainerRequestContext request) {
        Response answer = answer(Problem.of("forbidden", "Not allowed", 403, "Your role does not allow this request.", null));
        // the raw path: percent-encoded ASCII, whatever bytes a client put in it
        return denials.refused(request.getMethod() + " " + request.getUriInfo().getRequestUri().getRawPath())
                .onFailure().invoke(failure -> LOG.warnf("A refusal could not be audited (%s)", failure.getClass().getSimpleName()))
                .onFailure().recoverWithNull()
                .replaceWith(answer);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        // The reference lets an operator find the log line; the log line holds no request data.
        String reference = UUID.randomUUID().toString();
        if (DependencyFailure.isUnavailable(e)) {
            return unavailable(e, reference);
        }
        if (e instanceof java.io.IOException && e.getMessage() != null && e.getMessage().contains("multipart")) {
            // RESTEasy's multipart parser reports a truncated or broken body this way: the client's fault, a 400
            return domain(ProblemException.badRequest("The multipart body is malformed or incomplete."));
        }
        LOG.errorf(e, "Unexpected error %s", reference);
        return answer(Problem.of("internal", "Internal error", 500,
                "Something went wrong on our side. Reference: " + reference, null));
    }

    /**
     * PostgreSQL or the S3 store is unreachable (stopped, restarting, paused): a 503 the client may retry, not a
     * 500. The transaction, if any, did not commit; a retry with the same Idempotency-Key is safe.
     */
    private static Response unavailable(Throwable e, String reference) {
        LOG.warnf("Dependency unavailable %s: %s", reference, rootMessage(e));
        return Response.fromResponse(answer(Problem.of("unavailable", "Service temporarily unavailable", 503,
                        "A system this service depends on is briefly unreachable. Please try again in a few seconds; "
                                + "repeating the same request is safe. Reference: " + reference, null)))
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .build();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    static Response answer(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        // Resource-method paths look like "create.body.members[0].birthDate": drop the method and parameter.
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}

package io.onestop.assistance.miniprogram.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.onestop.assistance.miniprogram.backend.BackendException;
import io.onestop.assistance.miniprogram.platform.PlatformException;
import io.onestop.assistance.miniprogram.platform.PlatformUnavailableException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become envelopes: HTTP 200 with a non-zero errcode (the table in the README), except
 * HTTP 401 for a token backend refuses. Nothing from exceptions (class names, backend internals) reaches the client.
 */
public class EnvelopeMapper {

    private static final Logger LOG = Logger.getLogger(EnvelopeMapper.class);

    @ServerExceptionMapper
    public Response gateway(GatewayException e) {
        return ok(Envelope.error(e.code(), e.getMessage()));
    }

    @ServerExceptionMapper
    public Response backend(BackendException e) {
        if (e.status() == 401) {
            return ResidentTokenFilter.loginRequired();
        }
        return ok(envelopeOf(e));
    }

    @ServerExceptionMapper
    public Response platform(PlatformException e) {
        return ok(envelopeOf(e));
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        return ok(envelopeOf(e));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 400 || status == 415) {
            // Unreadable JSON, wrong content type: still the client's mistake, still an envelope.
            return ok(Envelope.error(ErrorCode.VALIDATION, "请求格式有误"));
        }
        if (status == 404) {
            return ok(Envelope.error(ErrorCode.NOT_FOUND, null)); // e.g. an id that is not a UUID
        }
        return e.getResponse(); // 405 and the like: a programming error of the client, seen in development
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        return ok(envelopeOf(e));
    }

    /** The envelope for any failure; also used by answers that must be written as text (uploads). */
    public static Envelope<Void> envelopeOf(Throwable failure) {
        if (failure instanceof GatewayException gateway) {
            return Envelope.error(gateway.code(), gateway.getMessage());
        }
        if (failure instanceof BackendException backend) {
            return fromBackend(backend);
        }
        if (failure instanceof PlatformException platform) {
            return fromPlatform(platform);
        }
        if (failure instanceof ConstraintViolationException invalid) {
            return Envelope.error(ErrorCode.VALIDATION, invalid.getConstraintViolations().stream()
                    .map(v -> fieldOf(v.getPropertyPath().toString()) + ": " + v.getMessage())
                    .sorted().collect(Collectors.joining("; ")));
        }
        if (unreachable(failure)) {
            LOG.warnf("upstream unavailable: %s", failure.getClass().getSimpleName());
            return Envelope.error(ErrorCode.UPSTREAM_UNAVAILABLE, null);
        }
        // The reference lets an operator find the log line; the log line holds no request data.
        String reference = UUID.randomUUID().toString();
        LOG.errorf(failure, "Unexpected error %s", reference);
        return Envelope.error(ErrorCode.INTERNAL, ErrorCode.INTERNAL.defaultMessage + " (" + reference + ")");
    }

    private static Envelope<Void> fromBackend(BackendException e) {
        int status = e.status();
        return switch (status) {
            case 400, 413, 422, 428 -> Envelope.error(ErrorCode.VALIDATION, problemText(e.problem()));
            case 401, 403 -> Envelope.error(status == 401 ? ErrorCode.LOGIN_REQUIRED : ErrorCode.FORBIDDEN, null);
            case 404, 410 -> Envelope.error(ErrorCode.NOT_FOUND, null);
            case 409, 412 -> Envelope.error(ErrorCode.CONFLICT, problemDetail(e.problem(), ErrorCode.CONFLICT));
            case 429 -> Envelope.error(ErrorCode.RATE_LIMITED, null);
            default -> {
                LOG.warnf("backend answered %d", status);
                yield Envelope.error(status >= 500 ? ErrorCode.UPSTREAM_UNAVAILABLE : ErrorCode.INTERNAL, null);
            }
        };
    }

    private static Envelope<Void> fromPlatform(PlatformException e) {
        return switch (e.errcode()) {
            case PlatformException.INVALID_CODE, 40163 -> Envelope.error(ErrorCode.LOGIN_CODE_INVALID, null);
            case PlatformException.RATE_LIMITED -> Envelope.error(ErrorCode.RATE_LIMITED, null);
            case PlatformException.BLOCKED_USER -> Envelope.error(ErrorCode.FORBIDDEN, null);
            default -> {
                // -1 after the retries, or our own misconfiguration (40013 app id, 40125 secret): an operator's job.
                LOG.warnf("platform answered errcode %d", e.errcode());
                yield Envelope.error(ErrorCode.UPSTREAM_UNAVAILABLE, null);
            }
        };
    }

    /** "field: message; ..." from backend's problem+json, so the mini program can point at the field. */
    private static String problemText(JsonNode problem) {
        if (problem == null) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(
                error.path("field").asText() + ": " + error.path("message").asText()));
        return fields.isEmpty() ? problemDetail(problem, ErrorCode.VALIDATION) : String.join("; ", fields);
    }

    private static String problemDetail(JsonNode problem, ErrorCode fallback) {
        return problem == null || !problem.hasNonNull("detail") ? fallback.defaultMessage : problem.get("detail").asText();
    }

    private static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ProcessingException || t instanceof IOException || t instanceof TimeoutException
                    || t instanceof PlatformUnavailableException
                    || t instanceof io.vertx.core.VertxException) {
                return true;
            }
        }
        return false;
    }

    private static String fieldOf(String path) {
        // "login.request.code" → "code": drop the method and parameter names.
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }

    private static Response ok(Envelope<?> envelope) {
        return Response.ok(envelope).type(MediaType.APPLICATION_JSON).build();
    }
}

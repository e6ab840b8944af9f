package io.onestop.assistance.delegation.api;

import io.onestop.assistance.common.Problem;
import io.onestop.assistance.delegation.StatusQueryLimiter;
import io.onestop.assistance.delegation.StatusQueryService;
import io.onestop.assistance.delegation.StatusQueryService.Started;
import io.onestop.assistance.tracking.StatusView;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The read-only status query for family members without an account (no login). */
@Path("/api/v1/status-queries")
@Tag(name = "delegation")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StatusQueryResource {

    @Schema(name = "StatusQueryRequest", example = """
            {"intakeNumber":"JZ-140105-2026-000123","idLast6":"07451X"}""")
    public record StatusQueryRequest(String intakeNumber,
            @Schema(description = "The last 6 characters of the applicant's national id number") String idLast6) {
    }

    @Schema(name = "StatusQueryVerification", example = """
            {"code":"483920"}""")
    public record VerificationRequest(@Schema(description = "The 6-digit code from the text message") String code) {
    }

    @Inject
    StatusQueryService queries;

    @Inject
    StatusQueryLimiter limiter;

    @POST
    @Operation(summary = "Start a status query without an account: intake number + last 6 of the applicant's id; a one-time code goes to the applicant's phone",
            description = "The answer is the same whether or not anything matched (the code is only sent when it did). "
                    + "Rate limited per client address and per intake number.")
    @APIResponse(responseCode = "202", description = "Started; verify with the code within 5 minutes",
            content = @Content(schema = @Schema(implementation = Started.class), example = """
                    {"queryId":"1f7c...","expiresAt":"2026-12-05T10:05:00+08:00",
                     "message":{"zh":"如受理编号与身份证号后 6 位一致，验证码已发送至申请时登记的手机，5 分钟内有效","en":"If the intake number and the id digits match, a code was sent ..."}}"""))
    @APIResponse(responseCode = "400", description = "The body is not JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Not an intake number, or not 6 id characters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many queries from this address or for this intake number",
            headers = @Header(name = HttpHeaders.RETRY_AFTER, description = "Seconds to wait", schema = @Schema(implementation = Integer.class)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> start(@NotNull StatusQueryRequest request, @Context HttpServerRequest http) {
        String[] query = StatusQueryService.normalized(request.intakeNumber(), request.idLast6());
        SocketAddress client = http.remoteAddress();
        return limiter.acquire(client == null ? null : client.host(), query[0]).chain(retryAfter -> {
            if (retryAfter > 0) {
                // ProblemMapper turns this into problem+json and keeps the Retry-After header.
                return Uni.createFrom().failure(new WebApplicationException(Response.status(Response.Status.TOO_MANY_REQUESTS)
                        .header(HttpHeaders.RETRY_AFTER, retryAfter).build()));
            }
            return queries.start(query[0], query[1]).map(started -> Response.accepted(started).build());
        });
    }

    @POST
    @Path("{queryId}/verification")
    @Operation(summary = "Verify the one-time code: the intake's status, read-only and with the strictest masking",
            description = "Applicant's name masked; no staff notes, amounts, decision reasons or member ids. Each code "
                    + "works once, for 5 minutes, and a query allows 5 wrong codes. Audited.")
    @APIResponse(responseCode = "200", description = "The status", content = @Content(schema = @Schema(implementation = StatusView.class)))
    @APIResponse(responseCode = "404", description = "No such query",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "The query was used, expired or ran out of attempts: start a new one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Not 6 digits, or the wrong code (the detail says how many attempts are left)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<StatusView> verify(@PathParam("queryId") UUID queryId, @NotNull VerificationRequest request) {
        return queries.verify(queryId, request.code());
    }
}

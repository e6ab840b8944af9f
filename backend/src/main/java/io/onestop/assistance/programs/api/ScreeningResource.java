package io.onestop.assistance.programs.api;

import io.onestop.assistance.common.Problem;
import io.onestop.assistance.programs.Household;
import io.onestop.assistance.programs.Screening;
import io.onestop.assistance.programs.ScreeningService;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public policy calculator: no login, rate limited per client address. */
@Path("/api/v1/screenings")
@Tag(name = "Screening", description = "Public policy calculator: which programs a household may qualify for")
@PermitAll
public class ScreeningResource {

    static final String SCREENING_EXAMPLE = """
            {"regionCode": "140105", "asOf": "2026-11-22", "parameterVersion": "140105@2025-01-01",
             "programs": [
               {"program": "MINIMUM_LIVING_ALLOWANCE", "verdict": "ELIGIBLE", "urgent": false, "members": ["m1"],
                "estimate": {"amount": 669, "period": "MONTH"},
                "reasons": [{"code": "PCI_BELOW_STANDARD", "met": true, "actual": 0, "threshold": 669,
                             "message": {"zh": "家庭人均月收入 0 元，低于低保标准 669 元",
                                         "en": "household income per person is 0 yuan a month, below the standard of 669 yuan"}}],
                "whatWouldChange": [],
                "documents": ["ID_CARD", "HOUSEHOLD_REGISTER", "INCOME_PROOF"]},
               {"program": "SPECIAL_HARDSHIP", "verdict": "NOT_ELIGIBLE", "urgent": false, "members": [],
                "estimate": {"amount": 0, "period": "MONTH"},
                "reasons": [{"code": "ELDERLY_DISABLED_OR_MINOR", "member": "m1", "met": false, "actual": 40,
                             "threshold": null,
                             "message": {"zh": "成员 m1 40 岁，不是老年人或一级、二级残疾人，也不是未满 16 周岁的未成年人",
                                         "en": "member m1 is 40: not aged 60 or over, not disability grade 1 or 2, not under 16"}}],
                "whatWouldChange": [{"code": "ELDERLY_DISABLED_OR_MINOR",
                                     "message": {"zh": "家中有年满 60 周岁、一级或二级残疾或未满 16 周岁的成员",
                                                 "en": "a member aged 60 or over, with disability grade 1 or 2, or under 16"}}],
                "documents": ["ID_CARD", "HOUSEHOLD_REGISTER", "INCOME_PROOF"]}
             ]}""";

    static final String INVALID_EXAMPLE = """
            {"type": "urn:assistance:problem:validation", "title": "Invalid request", "status": 422,
             "detail": "One or more fields are invalid.",
             "errors": [{"field": "members[0].birthDate", "message": "must not be after asOf (2026-11-22)"}]}""";

    static final String TOO_MANY_EXAMPLE = """
            {"type": "urn:assistance:problem:http-429", "title": "Too Many Requests", "status": 429,
             "detail": "Too Many Requests."}""";

    private final ScreeningService screening;
    private final ScreeningRateLimiter rateLimiter;

    public ScreeningResource(ScreeningService screening, ScreeningRateLimiter rateLimiter) {
        this.screening = screening;
        this.rateLimiter = rateLimiter;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Screen a household against all 13 programs",
            description = "Evaluates the household with the parameters of its region in force on asOf (today when "
                    + "omitted) and answers every program in the order of the rule book, each with its verdict, "
                    + "estimate, reasons and what would change a NOT_ELIGIBLE verdict. No login; rate limited per "
                    + "client address.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Household.class),
            examples = @ExampleObject(name = "unemployed applicant living alone", value = Household.EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The verdicts of all 13 programs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Screening.class),
                    examples = @ExampleObject(name = "two of the 13 programs", value = SCREENING_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The body is not JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422",
            description = "Invalid household (field named by its JSON path), unknown region or asOf before the "
                    + "region's first parameters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "birth date after asOf", value = INVALID_EXAMPLE)))
    @APIResponse(responseCode = "429", description = "Too many screenings from this address; retry later",
            headers = @Header(name = HttpHeaders.RETRY_AFTER, description = "Seconds to wait",
                    schema = @Schema(implementation = Integer.class)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "rate limited", value = TOO_MANY_EXAMPLE)))
    public Uni<Screening> screen(Household household, @Context HttpServerRequest request) {
        SocketAddress client = request.remoteAddress();
        long retryAfter = rateLimiter.acquire(client == null ? null : client.host());
        if (retryAfter > 0) {
            // ProblemMapper turns this into problem+json and keeps the Retry-After header.
            return Uni.createFrom().failure(new WebApplicationException(Response.status(Response.Status.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, retryAfter).build()));
        }
        return Uni.createFrom().item(() -> screening.screen(household));
    }
}

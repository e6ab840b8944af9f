package io.onestop.assistance.cases.api;

import io.onestop.assistance.access.StaffScope;
import io.onestop.assistance.cases.CaseService;
import io.onestop.assistance.cases.CaseStatistics;
import io.onestop.assistance.cases.CaseStatistics.Statistics;
import io.onestop.assistance.cases.CaseService.QueueFilter;
import io.onestop.assistance.cases.StaffActor;
import io.onestop.assistance.cases.api.CaseViews.CaseDetail;
import io.onestop.assistance.cases.api.CaseViews.QueuePage;
import io.onestop.assistance.cases.api.CaseViews.Reproduction;
import io.onestop.assistance.cases.api.CaseViews.RevealedApplicant;
import io.onestop.assistance.cases.verification.VerificationResult;
import io.onestop.assistance.cases.verification.VerificationService;
import io.onestop.assistance.cases.workflow.CaseStep;
import io.onestop.assistance.common.IfMatch;
import io.onestop.assistance.common.Problem;
import io.onestop.assistance.common.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Work queues and case files of caseworkers (township) and approvers (county), within their agency and region. */
@Path("/api/v1/cases")
@Tag(name = "cases", description = "Program cases: work queues, transitions, verification, decisions")
@RolesAllowed({"caseworker", "approver"})
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or expired token")
@APIResponse(responseCode = "403", description = "Not a caseworker or approver")
public class CaseResource {

    private static final String NOT_FOUND = "No such case in your agency and region";
    private static final String DETAIL_EXAMPLE = """
            {"id":"3f0c2b1e-6a7d-4c1b-9d5e-2a8f7c6b5e41","intakeNumber":"JZ-140105-2026-000123",
             "program":"MINIMUM_LIVING_ALLOWANCE","step":"ACCEPTED","version":2,"urgent":false,"fastTrack":false,
             "deadline":{"kind":"DECISION","date":"2027-01-05","overdue":false,"text":{"zh":"审批期限至 2027年1月5日","en":"decision due by 5 Jan 2027"}},
             "nextSteps":[{"to":"VERIFYING","role":"caseworker","yours":true},{"to":"RETURNED","role":"caseworker","yours":true}],
             "applicant":{"name":"张伟","nationalId":"1401**********0019","phone":"138****5678"},
             "timeline":[{"action":"TRANSITION","from":"SUBMITTED","to":"ACCEPTED","actorRole":"caseworker"}]}""";

    @Inject
    CaseService cases;

    @Inject
    VerificationService verification;

    @Inject
    CaseStatistics statistics;

    @Inject
    JsonWebToken token;

    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(summary = "My work queue: cases of my agency and region, overdue first (earliest deadline first)")
    @APIResponse(responseCode = "200", description = "One page; pass 'next' as 'after' for the following page",
            content = @Content(schema = @Schema(implementation = QueuePage.class)))
    @APIResponse(responseCode = "400", description = "A cursor this server did not give out",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A limit outside 1..100 or an unknown step",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<QueuePage> queue(
            @Parameter(description = "Only cases in these steps (repeatable); default: every unfinished case")
            @QueryParam("step") List<CaseStep> steps,
            @Parameter(description = "true: only overdue cases; false: only cases within their limit")
            @QueryParam("overdue") Boolean overdue,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @Parameter(description = "The 'next' cursor of the previous page") @QueryParam("after") String after) {
        return cases.queue(scope(), new QueueFilter(steps, overdue, limit, after));
    }

    @GET
    @Path("statistics")
    @Operation(summary = "Dashboard figures of my agency and region: intakes per day, open cases per step, overdue",
            description = "Counts only, no personal data; the same scope as the work queue.")
    @APIResponse(responseCode = "200", description = "The figures", content = @Content(schema = @Schema(implementation = Statistics.class)))
    @APIResponse(responseCode = "422", description = "days outside 1..90",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Statistics> statistics(
            @Parameter(description = "How many days of intakes, today included (1..90, default 30)") @QueryParam("days") String days) {
        return statistics.of(scope(), days(days));
    }

    /** A String so that "abc" is a 422 on the field like 0 or 91, rather than a bare 404 from the parameter converter. */
    private static int days(String value) {
        if (value == null || value.isBlank()) {
            return 30;
        }
        try {
            int days = Integer.parseInt(value.trim());
            if (days >= 1 && days <= 90) {
                return days;
            }
        } catch (NumberFormatException e) {
            // falls through to the problem below
        }
        throw ProblemException.invalid("days", "must be a whole number from 1 to 90");
    }

    @GET
    @Path("{caseId}")
    @Operation(summary = "A case file: applicant (masked ids), household, deadline, next steps, verification, timeline")
    @APIResponse(responseCode = "200", description = "The case; ETag carries its version",
            content = @Content(schema = @Schema(implementation = CaseDetail.class), examples = @ExampleObject(name = "case", value = DETAIL_EXAMPLE)))
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("caseId") UUID caseId) {
        return cases.detail(actor(), caseId).map(CaseResource::withTag);
    }

    @POST
    @Path("{caseId}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move a case to its next step (accept, request documents, verify, review, notice, decide, pay, close, withdraw)")
    @APIResponse(responseCode = "200", description = "Moved; the case with its new version in the ETag",
            content = @Content(schema = @Schema(implementation = CaseDetail.class), examples = @ExampleObject(name = "case", value = DETAIL_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "If-Match is not a version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The step needs another role (decisions need an approver)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "Not allowed from the current step, verification missing, or public notice still running",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The case changed since you read it")
    @APIResponse(responseCode = "422", description = "Documents (RETURNED) or reason (REJECTED) missing, or an invalid field")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Uni<Response> transition(@PathParam("caseId") UUID caseId,
            @Parameter(in = ParameterIn.HEADER, required = true, description = "The case version you read (its ETag)")
            @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull TransitionRequest request) {
        int version = IfMatch.version(ifMatch, "the case");
        return cases.transition(actor(), caseId, version, request).map(CaseResource::withTag);
    }

    @POST
    @Path("{caseId}/verification")
    @RolesAllowed("caseworker")
    @Operation(summary = "Run the economic-status verification: compare the declared household with agency records")
    @APIResponse(responseCode = "200", description = "Matches and discrepancies per member and field",
            content = @Content(schema = @Schema(implementation = VerificationResult.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not in step VERIFYING, or adult members have not signed the consent (named in detail)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<VerificationResult> verify(@PathParam("caseId") UUID caseId) {
        return verification.verify(actor(), caseId);
    }

    @Schema(name = "RevealRequest", example = """
            {"reason":"电话联系申请人核实银行账户"}""")
    public record RevealRequest(@Schema(description = "Why the full id number and phone are needed; kept in the audit log") String reason) {
    }

    @POST
    @Path("{caseId}/applicant/reveal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reveal the applicant's full id number and phone (audited, with a reason)",
            description = "Every other answer masks them. Each reveal is an audit row naming the staff member, the case "
                    + "and the reason.")
    @APIResponse(responseCode = "200", description = "In clear", content = @Content(schema = @Schema(implementation = RevealedApplicant.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "No reason given",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RevealedApplicant> reveal(@PathParam("caseId") UUID caseId, @NotNull RevealRequest request) {
        return cases.revealApplicant(actor(), caseId, request.reason());
    }

    @GET
    @Path("{caseId}/decision/reproduction")
    @Operation(summary = "Re-run the evaluation a decision rests on (its snapshot and parameter version) and compare")
    @APIResponse(responseCode = "200", description = "Recorded and reproduced verdict and estimate",
            content = @Content(schema = @Schema(implementation = Reproduction.class)))
    @APIResponse(responseCode = "404", description = "No such case in your area, or no decision yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Reproduction> reproduce(@PathParam("caseId") UUID caseId) {
        return cases.reproduce(actor(), caseId);
    }

    private StaffScope scope() {
        return StaffScope.of(token, identity.getRoles());
    }

    private StaffActor actor() {
        return new StaffActor(token.getSubject(), scope());
    }

    private static Response withTag(CaseDetail detail) {
        return Response.ok(detail).tag(new EntityTag(Integer.toString(detail.version()))).build();
    }
}

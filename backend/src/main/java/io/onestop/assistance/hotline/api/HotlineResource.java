package io.onestop.assistance.hotline.api;

import io.onestop.assistance.access.AuditLog;
import io.onestop.assistance.access.OwnerKeys;
import io.onestop.assistance.access.SharedRateLimiter;
import io.onestop.assistance.access.StaffScope;
import io.onestop.assistance.cases.verification.ConsentView;
import io.onestop.assistance.common.Problem;
import io.onestop.assistance.hotline.HotlineConfig;
import io.onestop.assistance.hotline.HotlineService;
import io.onestop.assistance.hotline.HotlineStaff;
import io.onestop.assistance.hotline.VerificationQuestion;
import io.onestop.assistance.hotline.api.HotlineViews.AssistedDraftView;
import io.onestop.assistance.hotline.api.HotlineViews.CallRequest;
import io.onestop.assistance.hotline.api.HotlineViews.CallView;
import io.onestop.assistance.hotline.api.HotlineViews.HandoffRequest;
import io.onestop.assistance.hotline.api.HotlineViews.HandoffView;
import io.onestop.assistance.hotline.api.HotlineViews.MemberConsentRequest;
import io.onestop.assistance.hotline.api.HotlineViews.NoteRequest;
import io.onestop.assistance.hotline.api.HotlineViews.NoteView;
import io.onestop.assistance.hotline.api.HotlineViews.QuestionView;
import io.onestop.assistance.hotline.api.HotlineViews.SearchRequest;
import io.onestop.assistance.hotline.api.HotlineViews.SearchResult;
import io.onestop.assistance.hotline.api.HotlineViews.VerbalSubmissionRequest;
import io.onestop.assistance.hotline.api.HotlineViews.VerificationRequest;
import io.onestop.assistance.intake.api.DraftRequest;
import io.onestop.assistance.tracking.StatusView;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The hotline desk (12345 / 12349): calls, caller verification, look-ups, assisted filing and hand-off. Every answer
 * leaves national id numbers out and masks names and phones; every look-up is audited with the call reference.
 */
@Path("/api/v1/hotline")
@Tag(name = "hotline", description = "Hotline staff filing and looking up on a caller's behalf (12345 / 12349, 代办)")
@RolesAllowed("hotline")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or expired token")
@APIResponse(responseCode = "403", description = "Not hotline staff")
public class HotlineResource {

    private static final String NO_CALL = "No such call of yours";
    private static final String NOT_VERIFIED = "The caller verification has not been recorded in this call";

    @Inject
    HotlineService hotline;

    @Inject
    SharedRateLimiter limiter;

    @Inject
    HotlineConfig config;

    @Inject
    AuditLog audit;

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @GET
    @Path("verification-questions")
    @Operation(summary = "The fixed questions for verifying a caller; record which were answered correctly")
    @APIResponse(responseCode = "200", description = "The questions")
    public List<QuestionView> questions() {
        return Arrays.stream(VerificationQuestion.values()).map(q -> new QuestionView(q, q.text())).toList();
    }

    @POST
    @Path("calls")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open a call record with the call system's reference")
    @APIResponse(responseCode = "201", description = "Opened", content = @Content(schema = @Schema(implementation = CallView.class)))
    @APIResponse(responseCode = "422", description = "Missing or malformed call reference or line",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> open(@Valid @NotNull CallRequest request) {
        return hotline.open(staff(), request)
                .map(call -> Response.created(URI.create("/api/v1/hotline/calls/" + call.id())).entity(call).build());
    }

    @GET
    @Path("calls/{callId}")
    @Operation(summary = "One of my calls: verification, intakes found, notes")
    @APIResponse(responseCode = "200", description = "The call", content = @Content(schema = @Schema(implementation = CallView.class)))
    @APIResponse(responseCode = "404", description = NO_CALL,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CallView> get(@PathParam("callId") UUID callId) {
        return hotline.get(staff(), callId);
    }

    @POST
    @Path("calls/{callId}/verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the caller verification: which questions were answered correctly, and the reason for the look-up",
            description = "At least assistance.hotline.min-correct-answers (2) correct answers are needed; a failed check is audited and refused.")
    @APIResponse(responseCode = "200", description = "Verified", content = @Content(schema = @Schema(implementation = CallView.class)))
    @APIResponse(responseCode = "404", description = NO_CALL)
    @APIResponse(responseCode = "422", description = "Too few correct answers, unknown question, or no reason",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CallView> verify(@PathParam("callId") UUID callId, @Valid @NotNull VerificationRequest request) {
        return hotline.verify(staff(), callId, request);
    }

    @POST
    @Path("calls/{callId}/searches")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Look the verified caller up by national id or phone: their intakes in this city, masked (audited)")
    @APIResponse(responseCode = "200", description = "Matches (possibly none)",
            content = @Content(schema = @Schema(implementation = SearchResult.class)))
    @APIResponse(responseCode = "404", description = NO_CALL)
    @APIResponse(responseCode = "409", description = NOT_VERIFIED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Neither or both of nationalId and phone, or an invalid one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "More searches this hour than one staff member may make (audited)",
            headers = @Header(name = HttpHeaders.RETRY_AFTER, description = "Seconds to wait", schema = @Schema(implementation = Integer.class)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SearchResult> search(@PathParam("callId") UUID callId, @Valid @NotNull SearchRequest request) {
        HotlineStaff staff = staff();
        return limiter.hit("hotline-search:" + staff.subject(), config.searchesPerHour(), Duration.ofHours(1)).chain(wait -> {
            if (wait == 0) {
                return hotline.search(staff, callId, request);
            }
            return audit.recordAlone(new AuditLog.Entry(staff.subject(), "hotline", "HOTLINE_SEARCH", "CALL", callId.toString(),
                            "DENIED", "more than " + config.searchesPerHour() + " searches in an hour"))
                    // ProblemMapper turns this into problem+json and keeps the Retry-After header
                    .chain(() -> Uni.createFrom().failure(new WebApplicationException(Response.status(
                            Response.Status.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, wait).build())));
        });
    }

    @GET
    @Path("calls/{callId}/intakes/{intakeId}/status")
    @Operation(summary = "The status of an intake found in this call, masked for the hotline (audited)")
    @APIResponse(responseCode = "200", description = "The status", content = @Content(schema = @Schema(implementation = StatusView.class)))
    @APIResponse(responseCode = "404", description = "No such call of yours, or the intake was not found in this call",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = NOT_VERIFIED)
    public Uni<StatusView> status(@PathParam("callId") UUID callId, @PathParam("intakeId") UUID intakeId) {
        return hotline.status(staff(), callId, intakeId);
    }

    @POST
    @Path("calls/{callId}/drafts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Prepare a draft for the verified caller (代办); the resident confirms and submits it on their own device")
    @APIResponse(responseCode = "201", description = "Prepared, saved for the resident",
            content = @Content(schema = @Schema(implementation = AssistedDraftView.class)))
    @APIResponse(responseCode = "404", description = NO_CALL)
    @APIResponse(responseCode = "409", description = "Caller not verified, or not searched by national id in this call",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid applicant, not the verified caller, name not the one on record, or a region outside the city",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> prepareDraft(@PathParam("callId") UUID callId, @Valid @NotNull DraftRequest request) {
        return hotline.prepareDraft(staff(), callId, request).map(view -> Response.status(201).entity(view).build());
    }

    @POST
    @Path("calls/{callId}/drafts/{draftId}/verbal-submission")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a draft prepared in this call on the caller's verbal consent (for callers who cannot use their own device)",
            description = "The consent text in force must have been read out; the consent is recorded as HOTLINE_VERBAL with "
                    + "the call reference and who took it, and audited. The answer leaves the applicant out.")
    @APIResponse(responseCode = "201", description = "Submitted: the intake and its cases (a retry replays this answer)")
    @APIResponse(responseCode = "400", description = "Idempotency-Key missing or not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such call of yours, or no such draft prepared in it")
    @APIResponse(responseCode = "409", description = "Caller not verified, same key in flight, or the applicant already has an active intake")
    @APIResponse(responseCode = "422", description = "Not the consent text in force, consent not given, or an invalid household")
    public Uni<Response> submitOnVerbalConsent(@PathParam("callId") UUID callId, @PathParam("draftId") UUID draftId,
            @Parameter(in = ParameterIn.HEADER, required = true, description = "A UUID; retries never submit twice")
            @HeaderParam("Idempotency-Key") String key,
            @Valid @NotNull VerbalSubmissionRequest request) {
        return hotline.submitOnVerbalConsent(staff(), callId, draftId, key, request)
                .map(answer -> Response.status(answer.status()).location(URI.create(answer.location()))
                        .type(MediaType.APPLICATION_JSON).entity(answer.body()).build());
    }

    @PUT
    @Path("calls/{callId}/intakes/{intakeId}/verification-consents/{memberId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record an adult member's verbal consent to verification (or their guardian's), given in this call")
    @APIResponse(responseCode = "200", description = "Recorded; the household's consent status",
            content = @Content(schema = @Schema(implementation = ConsentView.class)))
    @APIResponse(responseCode = "404", description = "No such call of yours, intake not found in this call, or no such member")
    @APIResponse(responseCode = "409", description = "Caller not verified, or the intake is no longer active")
    @APIResponse(responseCode = "422", description = "Invalid id number, not the member's, a minor, or not the consent text in force",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ConsentView> memberConsent(@PathParam("callId") UUID callId, @PathParam("intakeId") UUID intakeId,
            @PathParam("memberId") String memberId, @Valid @NotNull MemberConsentRequest request) {
        return hotline.memberConsent(staff(), callId, intakeId, memberId, request);
    }

    @POST
    @Path("calls/{callId}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a note to the call (staff only)")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = NoteView.class)))
    @APIResponse(responseCode = "404", description = NO_CALL)
    @APIResponse(responseCode = "422", description = "Empty or too long")
    public Uni<Response> addNote(@PathParam("callId") UUID callId, @Valid @NotNull NoteRequest request) {
        return hotline.addNote(staff(), callId, request.text()).map(note -> Response.status(201).entity(note).build());
    }

    @POST
    @Path("calls/{callId}/intakes/{intakeId}/cases/{caseId}/handoff")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Hand a case of an intake found in this call to the caseworker queue, where it is flagged (audited)")
    @APIResponse(responseCode = "201", description = "Handed over", content = @Content(schema = @Schema(implementation = HandoffView.class)))
    @APIResponse(responseCode = "404", description = "No such call of yours, intake not found in this call, or no such case in it")
    @APIResponse(responseCode = "409", description = NOT_VERIFIED)
    public Uni<Response> handOff(@PathParam("callId") UUID callId, @PathParam("intakeId") UUID intakeId,
            @PathParam("caseId") UUID caseId, @Valid HandoffRequest request) {
        return hotline.handOff(staff(), callId, intakeId, caseId, request == null ? null : request.note())
                .map(view -> Response.status(201).entity(view).build());
    }

    private HotlineStaff staff() {
        return new HotlineStaff(OwnerKeys.subject(identity), StaffScope.of(token, identity.getRoles()).regionCode());
    }
}

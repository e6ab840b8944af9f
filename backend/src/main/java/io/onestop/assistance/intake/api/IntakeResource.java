package io.onestop.assistance.intake.api;

import io.onestop.assistance.access.IntakeAccess.Accessor;
import io.onestop.assistance.access.OwnerKeys;
import io.quarkus.security.identity.SecurityIdentity;
import io.onestop.assistance.common.IfMatch;
import io.onestop.assistance.common.Problem;
import io.onestop.assistance.common.idempotency.IdempotencyService.StoredAnswer;
import io.onestop.assistance.intake.IntakeService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import io.onestop.assistance.common.PageRequest;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/intakes")
@Tag(name = "intake")
@RolesAllowed("resident")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or expired token")
@APIResponse(responseCode = "403", description = "Not a resident")
public class IntakeResource {

    private static final String KEY_DOC = "A UUID chosen by the client; a retry with the same key within 7 days gets "
            + "the first answer again (a submission is never made twice: after that its used-up draft answers 404)";

    @Inject
    IntakeService intakes;

    @Inject
    SecurityIdentity caller;

    @Inject
    JsonWebToken token;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a draft once: fans out into one program case per program the household may qualify for")
    @APIResponse(responseCode = "201", description = "Submitted, with intake number and cases (a retry replays this answer)",
            content = @Content(schema = @Schema(implementation = IntakeView.class), example = """
                    {"id":"5b0e...","intakeNumber":"JZ-140105-2026-000123","status":"ACTIVE",
                     "cases":[{"program":"MINIMUM_LIVING_ALLOWANCE","agency":"CIVIL_AFFAIRS","status":"SUBMITTED","verdict":"ELIGIBLE","estimateAmount":1107,"estimatePeriod":"MONTH"}]}"""))
    @APIResponse(responseCode = "400", description = "Idempotency-Key missing or not a UUID", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such draft of mine: also a submitted one (used up), which a retry finds once its key expired (7 days)")
    @APIResponse(responseCode = "409", description = "Same key still in flight, or the applicant already has an active intake (named in detail)")
    @APIResponse(responseCode = "422", description = "Invalid household or applicant, no program left, or the key was used with another body")
    public Uni<Response> submit(
            @Parameter(in = ParameterIn.HEADER, required = true, description = KEY_DOC) @HeaderParam("Idempotency-Key") String key,
            @Valid @NotNull SubmitRequest request) {
        return intakes.submit(OwnerKeys.of(caller), key, request).map(IntakeResource::answer);
    }

    @GET
    @Operation(summary = "My intakes with their program cases, newest first, a page at a time",
            description = "The answer is the array of intakes; when there are more, a `Link: <...>; rel=\"next\"` header "
                    + "carries the URL of the next page (same `limit`, a `cursor`).")
    @APIResponse(responseCode = "200", description = "A page of intakes", content = @Content(
            schema = @Schema(type = SchemaType.ARRAY, implementation = IntakeView.class)))
    @APIResponse(responseCode = "422", description = "limit out of range, or a cursor that is not one of this list",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> list(
            @Parameter(description = "Items per page, 1 to 100 (default 20)") @QueryParam("limit") Integer limit,
            @Parameter(description = "Opaque: from the `next` link of the previous page") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return intakes.list(OwnerKeys.of(caller), page).map(submitted -> submitted.answer(uri, page.limit()));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One of my intakes with its cases and the evaluation that explains each verdict")
    @APIResponse(responseCode = "404", description = "No such intake of mine", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<IntakeView> get(@PathParam("id") UUID id) {
        return intakes.get(Accessor.of(caller, token), id);
    }

    @POST
    @Path("{id}/withdrawal")
    @Operation(summary = "Withdraw the intake and all its open cases (before any decision)",
            description = "The owner, or a family delegate whose delegation has the scope ACT_FOR_ME (audited; the answer "
                    + "then leaves out the applicant and the evaluation).")
    @APIResponse(responseCode = "200", description = "Withdrawn (repeating is harmless)")
    @APIResponse(responseCode = "404", description = "No such intake of mine, or not delegated to me with ACT_FOR_ME")
    @APIResponse(responseCode = "409", description = "An agency has already decided")
    public Uni<IntakeView> withdraw(@PathParam("id") UUID id) {
        return intakes.withdraw(Accessor.of(caller, token), id);
    }

    @POST
    @Path("{id}/revisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report a change of circumstances: re-evaluates, opens and closes cases, keeps the old snapshot")
    @APIResponse(responseCode = "201", description = "Re-evaluated")
    @APIResponse(responseCode = "404", description = "No such intake of mine")
    @APIResponse(responseCode = "409", description = "The intake is no longer active")
    @APIResponse(responseCode = "412", description = "If-Match was sent and the intake was revised since")
    @APIResponse(responseCode = "422", description = "Invalid household")
    public Uni<Response> revise(@PathParam("id") UUID id,
            @Parameter(in = ParameterIn.HEADER, required = true, description = KEY_DOC) @HeaderParam("Idempotency-Key") String key,
            @Parameter(in = ParameterIn.HEADER, description = "Recommended: the intake's revision you changed (\"2\"). "
                    + "A repeat after the key expired then gets 412 instead of being applied again")
            @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull RevisionRequest request) {
        Integer revision = IfMatch.optionalVersion(ifMatch, "the application");
        return intakes.revise(Accessor.of(caller, token), key, id, revision, request).map(IntakeResource::answer);
    }

    private static Response answer(StoredAnswer answer) {
        return Response.status(answer.status()).location(URI.create(answer.location()))
                .type(MediaType.APPLICATION_JSON).entity(answer.body()).build();
    }
}

package io.onestop.assistance.delegation.api;

import io.onestop.assistance.access.IntakeAccess.Accessor;
import io.onestop.assistance.common.Problem;
import io.onestop.assistance.delegation.DelegationService;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import io.onestop.assistance.common.idempotency.IdempotencyService.StoredAnswer;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The applicant's delegations of one intake to family members: grant, list, revoke. */
@Path("/api/v1/intakes/{intakeId}/delegations")
@Tag(name = "delegation", description = "Family delegation and the no-account status query")
@RolesAllowed("resident")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or expired token")
@APIResponse(responseCode = "403", description = "Not a resident")
public class IntakeDelegationResource {

    @Inject
    DelegationService delegations;

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Let a family member follow my intake (委托家人): by their id number and phone, a scope and an end date",
            description = "The family member must have signed in and completed real-name binding; when they have a phone "
                    + "on record it must be the one given. Scopes: VIEW_STATUS (the status, masked), UPLOAD_DOCUMENTS "
                    + "(also upload documents, never download), ACT_FOR_ME (also open documents, audited, and withdraw). At most 6 months; revocable "
                    + "at any time. Audited.")
    @APIResponse(responseCode = "201", description = "Granted; Location names it",
            content = @Content(schema = @Schema(implementation = DelegationView.class)))
    @APIResponse(responseCode = "400", description = "Idempotency-Key missing or not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such intake of mine",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "delegate-not-registered: no real-name registered resident with this "
            + "id number and phone (one answer for both); already-delegated: this person holds one in force; or the same "
            + "Idempotency-Key still in flight",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Id number fails its checksum, bad phone, end date not within 6 months, "
            + "the applicant or the caller named as the delegate, or the Idempotency-Key was used with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> grant(@PathParam("intakeId") UUID intakeId,
            @Parameter(in = ParameterIn.HEADER, required = true, description = KEY_DOC) @HeaderParam("Idempotency-Key") String key,
            @Valid @NotNull DelegationRequest request) {
        return delegations.grantByOwner(Accessor.of(identity, token), key, intakeId, request).map(IntakeDelegationResource::answer);
    }

    static final String KEY_DOC = "A UUID chosen by the client; a retry with the same key within 7 days replays the first answer";

    static Response answer(StoredAnswer answer) {
        return Response.status(answer.status()).location(URI.create(answer.location()))
                .type(MediaType.APPLICATION_JSON).entity(answer.body()).build();
    }

    @GET
    @Operation(summary = "The delegations of my intake, newest first, with their state (ACTIVE, EXPIRED, REVOKED)")
    @APIResponse(responseCode = "200", description = "The delegations")
    @APIResponse(responseCode = "404", description = "No such intake of mine",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<DelegationView>> list(@PathParam("intakeId") UUID intakeId) {
        return delegations.listForOwner(Accessor.of(identity, token), intakeId);
    }

    @DELETE
    @Path("{delegationId}")
    @Operation(summary = "Revoke a delegation now (repeating it is harmless); audited")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such intake of mine, or no such delegation of it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> revoke(@PathParam("intakeId") UUID intakeId, @PathParam("delegationId") UUID delegationId) {
        return delegations.revoke(Accessor.of(identity, token), intakeId, delegationId).map(ignored -> Response.noContent().build());
    }
}

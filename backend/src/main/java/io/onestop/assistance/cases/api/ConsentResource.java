package io.onestop.assistance.cases.api;

import io.onestop.assistance.access.IntakeAccess.Accessor;
import org.eclipse.microprofile.jwt.JsonWebToken;
import io.quarkus.security.identity.SecurityIdentity;
import io.onestop.assistance.cases.verification.ConsentRequest;
import io.onestop.assistance.cases.verification.ConsentRevocationService;
import io.onestop.assistance.cases.verification.ConsentRevocationService.Revocation;
import io.onestop.assistance.cases.verification.ConsentService;
import io.onestop.assistance.cases.verification.ConsentView;
import io.onestop.assistance.common.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Consents to economic-status verification, one per adult member. PUT on the member: signing twice is the same as
 * signing once, so no Idempotency-Key is needed.
 */
@Path("/api/v1/intakes/{intakeId}/verification-consents")
@Tag(name = "cases")
@RolesAllowed("resident")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or expired token")
@APIResponse(responseCode = "403", description = "Not a resident")
public class ConsentResource {

    @Inject
    ConsentService consents;

    @Inject
    ConsentRevocationService revocations;

    @Inject
    SecurityIdentity caller;

    @Inject
    JsonWebToken token;

    @PUT
    @Path("{memberId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign the consent to economic-status verification for an adult member of my household")
    @APIResponse(responseCode = "201", description = "Signed; the household's consent status",
            content = @Content(schema = @Schema(implementation = ConsentView.class)))
    @APIResponse(responseCode = "200", description = "Signed again (or the applicant, who consented when submitting)")
    @APIResponse(responseCode = "404", description = "No such intake of mine, or no such member",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The intake is no longer active")
    @APIResponse(responseCode = "422", description = "Invalid national id, not the member's (birth date differs), or a minor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> sign(@PathParam("intakeId") UUID intakeId, @PathParam("memberId") String memberId,
            @Valid @NotNull ConsentRequest request) {
        return consents.sign(Accessor.of(caller, token), intakeId, memberId, request)
                .map(signed -> Response.status(signed.created() ? 201 : 200).entity(signed.status()).build());
    }

    @DELETE
    @Path("{memberId}")
    @Operation(summary = "Revoke a member's consent to economic-status verification; the answer says what it means for the application",
            description = "Answers 200 with a body (not 204) because the household must learn the consequence: verification "
                    + "stops, and the programs still ahead of verification cannot be verified or approved until the member "
                    + "signs again. Revoking twice is harmless. Audited.")
    @APIResponse(responseCode = "200", description = "Revoked; the programs affected and what it means",
            content = @Content(schema = @Schema(implementation = Revocation.class)))
    @APIResponse(responseCode = "404", description = "No such intake of mine, or no such member",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Revocation> revoke(@PathParam("intakeId") UUID intakeId, @PathParam("memberId") String memberId) {
        return revocations.revokeAsOwner(Accessor.of(caller, token), intakeId, memberId);
    }
}

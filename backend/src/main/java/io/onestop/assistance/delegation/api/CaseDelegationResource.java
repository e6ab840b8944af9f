package io.onestop.assistance.delegation.api;

import io.onestop.assistance.access.StaffScope;
import io.onestop.assistance.cases.StaffActor;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A caseworker gives an elderly applicant without a phone a family delegate, with the reason recorded. */
@Path("/api/v1/cases/{caseId}/delegations")
@Tag(name = "delegation")
@RolesAllowed("caseworker")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or expired token")
@APIResponse(responseCode = "403", description = "Not a caseworker")
public class CaseDelegationResource {

    @Inject
    DelegationService delegations;

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Give the applicant of this case's intake a family delegate (for an elderly applicant without a phone)",
            description = "As the resident's own grant, plus a required reason, which the delegation and the audit log keep. "
                    + "The applicant can see and revoke it like their own.")
    @APIResponse(responseCode = "201", description = "Granted",
            content = @Content(schema = @Schema(implementation = DelegationView.class)))
    @APIResponse(responseCode = "400", description = "Idempotency-Key missing or not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such case in your agency and region",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "No real-name registered resident with this id number and phone, "
            + "or one in force already", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid id number, phone or end date, or no reason",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> grant(@PathParam("caseId") UUID caseId,
            @Parameter(in = ParameterIn.HEADER, required = true, description = IntakeDelegationResource.KEY_DOC)
            @HeaderParam("Idempotency-Key") String key,
            @Valid @NotNull DelegationRequest request) {
        StaffActor caseworker = new StaffActor(token.getSubject(), StaffScope.of(token, identity.getRoles()));
        return delegations.grantByCaseworker(caseworker, key, caseId, request).map(IntakeDelegationResource::answer);
    }
}

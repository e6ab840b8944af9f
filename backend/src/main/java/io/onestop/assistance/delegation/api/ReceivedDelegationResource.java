package io.onestop.assistance.delegation.api;

import io.onestop.assistance.access.IntakeAccess.Accessor;
import io.onestop.assistance.delegation.DelegationService;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What a family member was delegated. */
@Path("/api/v1/delegations")
@Tag(name = "delegation")
@RolesAllowed("resident")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or expired token")
@APIResponse(responseCode = "403", description = "Not a resident")
public class ReceivedDelegationResource {

    @Inject
    DelegationService delegations;

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @GET
    @Path("received")
    @Operation(summary = "Delegations in force that family members gave me: intake number, applicant (name masked), scope, end date",
            description = "Empty before real-name binding. Expired and revoked delegations are not listed.")
    @APIResponse(responseCode = "200", description = "The delegations")
    public Uni<List<ReceivedDelegationView>> received() {
        return delegations.received(Accessor.of(identity, token));
    }
}

package io.onestop.assistance.monitoring.api;

import io.onestop.assistance.access.OwnerKeys;
import io.onestop.assistance.common.Problem;
import io.onestop.assistance.monitoring.InvitationService;
import io.onestop.assistance.monitoring.api.MonitoringViews.MyInvitation;
import io.onestop.assistance.monitoring.api.MonitoringViews.OptOutView;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The resident's invitations to apply (政策找人) and the opt-out. Empty before real-name binding. */
@Path("/api/v1/me/invitations")
@Tag(name = "monitoring")
@RolesAllowed("resident")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or expired token")
@APIResponse(responseCode = "403", description = "Not a resident")
public class MyInvitationResource {

    @Inject
    InvitationService invitations;

    @Inject
    SecurityIdentity caller;

    @GET
    @Operation(summary = "My invitations: why I was contacted, likely programs, the prefilled draft, how to opt out")
    @APIResponse(responseCode = "200", description = "Newest first",
            content = @Content(schema = @Schema(implementation = MyInvitation.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    public Uni<List<MyInvitation>> mine() {
        return invitations.mine(OwnerKeys.residentId(caller), OwnerKeys.of(caller));
    }

    @POST
    @Path("{id}/opt-out")
    @Operation(summary = "No more contact from monitoring for a while (the draft stays mine)")
    @APIResponse(responseCode = "200", description = "Opted out, until when", content = @Content(schema = @Schema(implementation = OptOutView.class)))
    @APIResponse(responseCode = "404", description = "No such invitation of mine",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<OptOutView> optOut(@PathParam("id") UUID invitationId) {
        return invitations.optOut(OwnerKeys.residentId(caller), OwnerKeys.of(caller), invitationId);
    }
}

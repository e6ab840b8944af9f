package io.onestop.assistance.tracking.api;

import io.onestop.assistance.access.IntakeAccess.Accessor;
import io.quarkus.security.identity.SecurityIdentity;
import io.onestop.assistance.common.Problem;
import io.onestop.assistance.tracking.StatusView;
import io.onestop.assistance.tracking.TrackingService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/intakes/{intakeId}/status")
@Tag(name = "tracking", description = "One status of an intake and its cases")
@RolesAllowed("resident")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    @Inject
    TrackingService tracking;

    @Inject
    SecurityIdentity caller;

    @Inject
    JsonWebToken token;

    @GET
    @Operation(summary = "The status of my intake: each case's step and deadline, the timeline, and my to-do list",
            description = "Also for a family delegate with an active delegation of the intake (any scope): staff notes "
                    + "hidden, the applicant's name masked, each read audited. An expired or revoked delegation gets 404.")
    @APIResponse(responseCode = "200", description = "The status",
            content = @Content(schema = @Schema(implementation = StatusView.class)))
    @APIResponse(responseCode = "401", description = "No or expired token")
    @APIResponse(responseCode = "403", description = "Not a resident")
    @APIResponse(responseCode = "404", description = "No such intake of mine or delegated to me",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<StatusView> status(@PathParam("intakeId") UUID intakeId) {
        return tracking.forResident(Accessor.of(caller, token), intakeId);
    }
}

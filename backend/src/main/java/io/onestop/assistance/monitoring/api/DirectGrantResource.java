package io.onestop.assistance.monitoring.api;

import io.onestop.assistance.access.OwnerKeys;
import io.onestop.assistance.access.StaffScope;
import io.onestop.assistance.common.Problem;
import io.onestop.assistance.monitoring.DirectGrantService;
import io.onestop.assistance.monitoring.api.MonitoringViews.DirectGrantRequest;
import io.onestop.assistance.monitoring.api.MonitoringViews.DirectGrantView;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Grants without an application (免申即享), started by a caseworker for a person of their region. */
@Path("/api/v1/monitoring/direct-grants")
@Tag(name = "monitoring")
@RolesAllowed("caseworker")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or expired token")
@APIResponse(responseCode = "403", description = "Not a caseworker")
public class DirectGrantResource {

    @Inject
    DirectGrantService grants;

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a grant that needs no application (old-age allowance at 80) and notify the resident")
    @APIResponse(responseCode = "201", description = "Started", content = @Content(schema = @Schema(implementation = DirectGrantView.class)))
    @APIResponse(responseCode = "409", description = "Already started for this person",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Not a direct-grant program, invalid id, under the age, or outside my region",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> start(DirectGrantRequest request) {
        return grants.start(StaffScope.of(token, identity.getRoles()), OwnerKeys.subject(identity), request)
                .map(view -> Response.status(201).entity(view).build());
    }
}

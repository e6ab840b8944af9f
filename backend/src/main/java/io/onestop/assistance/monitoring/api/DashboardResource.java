package io.onestop.assistance.monitoring.api;

import io.onestop.assistance.access.StaffScope;
import io.onestop.assistance.common.Problem;
import io.onestop.assistance.monitoring.DashboardService;
import io.onestop.assistance.monitoring.api.MonitoringViews.Dashboard;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The closed loop of monitoring per region, for caseworkers and approvers of civil affairs. Counts only. */
@Path("/api/v1/monitoring/dashboard")
@Tag(name = "monitoring")
@RolesAllowed({"caseworker", "approver"})
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or expired token")
@APIResponse(responseCode = "403", description = "Not a caseworker or approver")
public class DashboardResource {

    @Inject
    DashboardService dashboard;

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @GET
    @Operation(summary = "Signals in, warnings by level, invited, applied, helped: per region of my scope")
    @APIResponse(responseCode = "200", description = "Totals and one row per region", content = @Content(schema = @Schema(implementation = Dashboard.class)))
    @APIResponse(responseCode = "422", description = "A region outside my scope",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Dashboard> get(@QueryParam("region") String region) {
        return dashboard.dashboard(StaffScope.of(token, identity.getRoles()), region);
    }
}

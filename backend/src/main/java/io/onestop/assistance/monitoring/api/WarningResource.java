package io.onestop.assistance.monitoring.api;
import io.onestop.assistance.access.OwnerKeys;
import io.onestop.assistance.access.StaffScope;
import io.onestop.assistance.common.PageRequest;
import io.onestop.assistance.common.Problem;
import io.onestop.assistance.monitoring.InvitationService;
import io.onestop.assistance.monitoring.WarningService;
import io.onestop.assistance.monitoring.api.MonitoringViews.DismissalRequest;
import io.onestop.assistance.monitoring.api.MonitoringViews.InvitationStaffView;
import io.onestop.assistance.monitoring.api.MonitoringViews.VisitRequest;
import io.onestop.assistance.monitoring.api.MonitoringViews.WarningDetail;
import io.onestop.assistance.monitoring.api.MonitoringViews.WarningPage;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caseworker's warning queue (动态监测预警): review, home visit, dismissal, invitation. Region-scoped; 404 outside. */
@Path("/api/v1/monitoring/warnings")
@Tag(name = "monitoring")
@RolesAllowed("caseworker")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or expired token")
@APIResponse(responseCode = "403", description = "Not a caseworker")
public class WarningResource {

    private static final String NOT_FOUND = "No such warning in your region.";

    @Inject
    WarningService warnings;

    @Inject
    InvitationService invitations;

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @GET
    @Operation(summary = "Open warnings of my region: highest level first, then the oldest; ids masked; cursor pagination")
    @APIResponse(responseCode = "200", description = "A page; `next` is the cursor of the following page, null on the last",
            content = @Content(schema = @Schema(implementation = WarningPage.class)))
    @APIResponse(responseCode = "422", description = "A bad cursor or limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<WarningPage> queue(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return warnings.queue(scope(), subject(), PageRequest.limit(limit), cursor);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One warning: the signal, what is known of the person, visits (audited)")
    @APIResponse(responseCode = "200", description = "The warning", content = @Content(schema = @Schema(implementation = WarningDetail.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<WarningDetail> get(@PathParam("id") UUID id) {
        return warnings.detail(scope(), subject(), id);
    }

    @POST
    @Path("{id}/visits")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a door-to-door visit (入户调查) and what it found")
    @APIResponse(responseCode = "200", description = "The warning with the visit", content = @Content(schema = @Schema(implementation = WarningDetail.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The warning is dismissed or invited already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "No outcome, no date or a date in the future, a note over 1000 characters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<WarningDetail> visit(@PathParam("id") UUID id, VisitRequest request) {
        return warnings.visit(scope(), subject(), id, request);
    }

    @POST
    @Path("{id}/dismissal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Dismiss a warning with a reason")
    @APIResponse(responseCode = "200", description = "The dismissed warning", content = @Content(schema = @Schema(implementation = WarningDetail.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The warning is dismissed or invited already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "No reason",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<WarningDetail> dismiss(@PathParam("id") UUID id, DismissalRequest request) {
        return warnings.dismiss(scope(), subject(), id, request == null ? null : request.reason());
    }

    @POST
    @Path("{id}/invitation")
    @Operation(summary = "Invite the household to apply: a prefilled draft for the person and a message (政策找人)")
    @APIResponse(responseCode = "201", description = "Invited", content = @Content(schema = @Schema(implementation = InvitationStaffView.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Closed already, the person opted out, or has an application in progress",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> invite(@PathParam("id") UUID id) {
        return invitations.invite(scope(), subject(), id)
                .map(view -> Response.created(URI.create("/api/v1/monitoring/warnings/" + id)).entity(view).build());
    }

    private StaffScope scope() {
        return StaffScope.of(token, identity.getRoles());
    }

    private String subject() {
        return OwnerKeys.subject(identity);
    }

}

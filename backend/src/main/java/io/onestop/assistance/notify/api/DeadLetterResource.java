package io.onestop.assistance.notify.api;
import io.onestop.assistance.common.PageRequest;
import io.onestop.assistance.common.Problem;
import io.onestop.assistance.common.ProblemException;
import io.onestop.assistance.notify.DeadLetterService;
import io.onestop.assistance.notify.DeadLetterService.DeadLetters;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Undeliverable notifications, for administrators (who run the platform, not cases): counts and event ids with the
 * last failure's reason, no personal data; a retry after the provider is fixed. The resident concerned is already
 * on the hotline's call-back list.
 */
@Path("/api/v1/notify/dead-letters")
@Tag(name = "notify")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or expired token")
@APIResponse(responseCode = "403", description = "Not an administrator")
public class DeadLetterResource {

    @Inject
    DeadLetterService deadLetters;

    @GET
    @Operation(summary = "Dead-lettered outbox events, newest first, with counts per event type; cursor pagination")
    @APIResponse(responseCode = "200", description = "A page; `next` is the cursor of the following page, null on the last",
            content = @Content(schema = @Schema(implementation = DeadLetters.class)))
    @APIResponse(responseCode = "422", description = "A bad cursor or limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<DeadLetters> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return deadLetters.list(Cursors.number(cursor), PageRequest.limit(limit));
    }

    @POST
    @Path("{id}/retry")
    @Operation(summary = "Queue a dead event again with fresh tries; channels that already reached the resident are not repeated")
    @APIResponse(responseCode = "202", description = "Queued")
    @APIResponse(responseCode = "404", description = "No dead event with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> retry(@PathParam("id") String id) {
        Long eventId;
        try {
            eventId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("No dead event with this id.");
        }
        return deadLetters.retry(eventId).map(found -> {
            if (!found) {
                throw ProblemException.notFound("No dead event with this id.");
            }
            return Response.accepted().build();
        });
    }
}

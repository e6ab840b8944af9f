package io.onestop.assistance.notify.api;
import io.onestop.assistance.access.OwnerKeys;
import io.onestop.assistance.common.PageRequest;
import io.onestop.assistance.common.Problem;
import io.onestop.assistance.common.ProblemException;
import io.onestop.assistance.notify.InboxService;
import io.onestop.assistance.notify.InboxService.Page;
import io.quarkus.security.identity.SecurityIdentity;
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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The resident's in-app inbox: every message about their applications, whatever else reached them. */
@Path("/api/v1/inbox")
@Tag(name = "notify", description = "Inbox, notification preferences, dead letters, hotline call-back tasks")
@RolesAllowed("resident")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or expired token")
@APIResponse(responseCode = "403", description = "Not a resident")
public class InboxResource {

    @Inject
    InboxService inbox;

    @Inject
    SecurityIdentity caller;

    @GET
    @Operation(summary = "My messages, newest first, with the number unread; cursor pagination")
    @APIResponse(responseCode = "200", description = "A page; `next` is the cursor of the following page, null on the last",
            content = @Content(schema = @Schema(implementation = Page.class), examples = @ExampleObject(name = "page", value = """
                    {"items": [{"id": 42, "kind": "CASE_ACCEPTED", "title": "申请已受理",
                      "body": "您申请的“最低生活保障”（受理编号 JZ-140105-2026-000123）已受理。……",
                      "intakeId": "0b8a4f9e-3c1d-4a57-9a0e-6f1f2d3c4b5a", "createdAt": "2026-12-05T03:40:00Z",
                      "readAt": null}], "unread": 1, "next": null}""")))
    @APIResponse(responseCode = "422", description = "A bad cursor or limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return inbox.page(OwnerKeys.of(caller), Cursors.number(cursor), PageRequest.limit(limit));
    }

    @POST
    @Path("{id}/read")
    @Operation(summary = "Mark one of my messages read (repeating it changes nothing)")
    @APIResponse(responseCode = "204", description = "Read")
    @APIResponse(responseCode = "404", description = "No such message of mine",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> read(@PathParam("id") String id) {
        long messageId;
        try {
            messageId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("No such message of yours.");
        }
        return inbox.markRead(OwnerKeys.of(caller), messageId).map(found -> {
            if (!found) {
                throw ProblemException.notFound("No such message of yours.");
            }
            return Response.noContent().build();
        });
    }
}

package io.onestop.assistance.notify.api;
import io.onestop.assistance.access.OwnerKeys;
import io.onestop.assistance.common.PageRequest;
import io.onestop.assistance.common.Problem;
import io.onestop.assistance.common.ProblemException;
import io.onestop.assistance.notify.CallbackTaskService;
import io.onestop.assistance.notify.CallbackTaskService.CallbackPhone;
import io.onestop.assistance.notify.CallbackTaskService.CallbackTask;
import io.onestop.assistance.notify.CallbackTaskService.Outcome;
import io.onestop.assistance.notify.CallbackTaskService.Page;
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
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The hotline's call-back list, scoped to the staff member's region (the {@code regionCode} claim). */
@Path("/api/v1/hotline/callback-tasks")
@Tag(name = "notify")
@RolesAllowed("hotline")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or expired token")
@APIResponse(responseCode = "403", description = "Not hotline staff")
public class CallbackTaskResource {

    @Schema(name = "CallbackCompletion", example = "{\"outcome\": \"REACHED\", \"note\": \"已告知受理结果\"}")
    public record Completion(Outcome outcome, String note) {
    }

    @Schema(name = "CallbackPhoneReveal", example = "{\"reason\": \"回拨告知受理结果\"}")
    public record PhoneReveal(@Schema(description = "Why the number is needed; kept in the audit log (4 to 500 characters)")
            String reason) {
    }

    @Inject
    CallbackTaskService tasks;

    @Inject
    SecurityIdentity caller;

    @GET
    @Operation(summary = "Open call-back tasks of my region, oldest first; cursor pagination")
    @APIResponse(responseCode = "200", description = "A page; `next` is the cursor of the following page, null on the last",
            content = @Content(schema = @Schema(implementation = Page.class)))
    @APIResponse(responseCode = "422", description = "A bad cursor or limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page> open(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return tasks.open(region(), cursor, PageRequest.limit(limit));
    }

    @POST
    @Path("{id}/completion")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the call: its outcome and a short note (no identifiers in the note)")
    @APIResponse(responseCode = "200", description = "The completed task",
            content = @Content(schema = @Schema(implementation = CallbackTask.class)))
    @APIResponse(responseCode = "404", description = "No such task in my region",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already completed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "No outcome, or a note longer than 500 characters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CallbackTask> complete(@PathParam("id") UUID taskId, Completion completion) {
        if (completion == null || completion.outcome() == null) {
            throw ProblemException.invalid("outcome", "must be one of REACHED, NO_ANSWER, WRONG_NUMBER, DECLINED");
        }
        if (completion.note() != null && completion.note().length() > 500) {
            throw ProblemException.invalid("note", "must be at most 500 characters");
        }
        return tasks.complete(region(), taskId, OwnerKeys.subject(caller), completion.outcome(), completion.note());
    }

    @POST
    @Path("{id}/phone-reveal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The number to call for an open task, in clear (audited, with a reason)",
            description = "Every other answer leaves the number out. The number is the one the resident gave on the "
                    + "application, else their verified phone (`source`). Each reveal is an audit row "
                    + "REVEAL_PERSONAL_DATA naming the staff member, the task and the reason; a reveal outside the "
                    + "region is audited as DENIED. Keep the number on screen only for the call.")
    @APIResponse(responseCode = "200", description = "The number in clear",
            content = @Content(schema = @Schema(implementation = CallbackPhone.class)))
    @APIResponse(responseCode = "404", description = "No such task in my region",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already completed (`already-completed`), or no number known (`no-phone`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "No reason, or one shorter than 4 or longer than 500 characters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CallbackPhone> revealPhone(@PathParam("id") UUID taskId, PhoneReveal request) {
        return tasks.revealPhone(region(), taskId, OwnerKeys.subject(caller), "hotline",
                request == null ? null : request.reason());
    }

    private String region() {
        return caller.getPrincipal() instanceof JsonWebToken token ? token.getClaim("regionCode") : null;
    }
}

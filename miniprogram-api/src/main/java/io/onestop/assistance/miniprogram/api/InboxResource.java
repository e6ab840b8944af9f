package io.onestop.assistance.miniprogram.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.onestop.assistance.miniprogram.backend.BackendClient;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The resident's in-app inbox (every message about their applications), relayed to backend's /api/v1/inbox. */
@Path("/mp/v1/inbox")
@Tag(name = "notify")
@ResidentOnly
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = Examples.UNAUTHORIZED)
public class InboxResource {

    @RestClient
    BackendClient backend;

    @GET
    @Operation(summary = "My messages, newest first, a page at a time: {items, unread, next}; pass `next` as `cursor` "
            + "for more")
    @APIResponse(responseCode = "200", description = "errcode 0 with {items, unread, next} (next is null on the last "
            + "page); 40001 limit out of range or a cursor not of this list", content = @Content(examples =
            @ExampleObject(name = "ok", value = """
                    {"errcode":0,"errmsg":"ok","data":{"items":[{"id":42,"kind":"CASE_ACCEPTED","title":"申请已受理",\
                    "body":"您申请的“最低生活保障”（受理编号 JZ-140105-2026-000123）已受理。……",\
                    "intakeId":"0b8a4f9e-3c1d-4a57-9a0e-6f1f2d3c4b5a","createdAt":"2026-12-05T03:40:00Z",\
                    "readAt":null}],"unread":1,"next":null}}""")))
    public Uni<Envelope<JsonNode>> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Parameter(description = "Items per page, 1 to 100 (default 20)") @QueryParam("limit") Integer limit,
            @Parameter(description = "`next` of the previous page; leave out for the first page") @QueryParam("cursor") String cursor) {
        return backend.inbox(authorization, limit, cursor).map(Envelope::ok);
    }

    @POST
    @Path("{id}/read")
    @Operation(summary = "Mark one of my messages read (repeating it changes nothing)")
    @APIResponse(responseCode = "200", description = "errcode 0 (data null); 40004 no such message of mine",
            content = @Content(examples = {@ExampleObject(name = "ok", value = """
                    {"errcode":0,"errmsg":"ok","data":null}"""),
                    @ExampleObject(name = "not found", value = Examples.NOT_FOUND)}))
    public Uni<Envelope<Void>> read(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") String id) {
        return backend.markRead(authorization, id).map(ignored -> Envelope.ok(null));
    }
}

package io.onestop.assistance.cases.api;

import io.onestop.assistance.cases.notice.ObjectionRequest;
import io.onestop.assistance.cases.notice.PublicNoticeEntry;
import io.onestop.assistance.cases.notice.PublicNoticeService;
import io.onestop.assistance.common.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public notice (公示) before approval: anyone may read the masked list and object, without logging in. */
@Path("/api/v1/public-notices")
@Tag(name = "cases")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class PublicNoticeResource {

    @Inject
    PublicNoticeService notices;

    @GET
    @Operation(summary = "Cases under public notice in a region: surname only, program, household size, proposed amount")
    @APIResponse(responseCode = "200", description = "The running notices",
            content = @Content(schema = @Schema(implementation = PublicNoticeEntry.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    @APIResponse(responseCode = "422", description = "The region code is not 6 to 12 digits",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<PublicNoticeEntry>> list(
            @Parameter(description = "Region code (a county covers its townships); all regions when omitted", example = "140105")
            @QueryParam("regionCode") @Pattern(regexp = "\\d{6}(\\d{3}){0,2}", message = "must be a 6, 9 or 12-digit region code") String regionCode) {
        return notices.list(regionCode);
    }

    @POST
    @Path("{noticeId}/objections")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Object to a public notice entry while the notice runs (anonymous objections are allowed)")
    @APIResponse(responseCode = "201", description = "Received; staff of the case will look into it",
            content = @Content(examples = @ExampleObject(name = "received", value = """
                    {"id":"5c1e9d2a-3b4f-4a6e-8d7c-1f2e3d4c5b6a","receivedAt":"2026-11-27T09:30:00+08:00"}""")))
    @APIResponse(responseCode = "404", description = "No running public notice with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Empty or too long text",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> object(@PathParam("noticeId") UUID noticeId, @Valid @NotNull ObjectionRequest request) {
        return notices.object(noticeId, request).map(received -> Response.status(201).entity(received).build());
    }
}

package io.onestop.assistance.intake.api;

import io.onestop.assistance.access.OwnerKeys;
import io.quarkus.security.identity.SecurityIdentity;
import io.onestop.assistance.common.IfMatch;
import io.onestop.assistance.common.Problem;
import io.onestop.assistance.intake.DraftService;
import io.onestop.assistance.programs.Screening;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import io.onestop.assistance.common.PageRequest;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/drafts")
@Tag(name = "intake", description = "Drafts and submitted intakes of the resident")
@RolesAllowed("resident")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or expired token")
@APIResponse(responseCode = "403", description = "Not a resident")
public class DraftResource {

    @Inject
    DraftService drafts;

    @Inject
    SecurityIdentity caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a draft (save and resume later)")
    @APIResponse(responseCode = "201", description = "Created; ETag carries the version")
    @APIResponse(responseCode = "422", description = "Invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(@Valid @NotNull DraftRequest request) {
        return drafts.create(OwnerKeys.of(caller), request).map(view -> withTag(Response.created(
                URI.create("/api/v1/drafts/" + view.id())), view).build());
    }

    @GET
    @Operation(summary = "My drafts, newest first (by creation), a page at a time",
            description = "The answer is the array of drafts; when there are more, a `Link: <...>; rel=\"next\"` header "
                    + "carries the URL of the next page (same `limit`, a `cursor`).")
    @APIResponse(responseCode = "200", description = "A page of drafts", content = @Content(
            schema = @Schema(type = SchemaType.ARRAY, implementation = DraftView.class)))
    @APIResponse(responseCode = "422", description = "limit out of range, or a cursor that is not one of this list",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> list(
            @Parameter(description = "Items per page, 1 to 100 (default 20)") @QueryParam("limit") Integer limit,
            @Parameter(description = "Opaque: from the `next` link of the previous page") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return drafts.list(OwnerKeys.of(caller), page).map(drafted -> drafted.answer(uri, page.limit()));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One of my drafts")
    @APIResponse(responseCode = "404", description = "No such draft of mine", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return drafts.get(OwnerKeys.of(caller), id).map(view -> withTag(Response.ok(), view).build());
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a draft's content; send the version you read in If-Match")
    @APIResponse(responseCode = "200", description = "Saved; ETag carries the new version")
    @APIResponse(responseCode = "404", description = "No such draft of mine")
    @APIResponse(responseCode = "412", description = "The draft changed since you read it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Uni<Response> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull DraftRequest request) {
        return drafts.update(OwnerKeys.of(caller), id, expectedVersion(ifMatch), request)
                .map(view -> withTag(Response.ok(), view).build());
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a draft")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such draft of mine")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return drafts.delete(OwnerKeys.of(caller), id).map(ignored -> Response.noContent().build());
    }

    @POST
    @Path("{id}/screening")
    @Operation(summary = "Screen the draft's household against every program, as the server will on submission")
    @APIResponse(responseCode = "200", description = "Verdicts with reasons")
    @APIResponse(responseCode = "422", description = "The household is not complete or not valid yet")
    public Uni<Screening> screen(@PathParam("id") UUID id) {
        return drafts.screen(OwnerKeys.of(caller), id);
    }

    private static Response.ResponseBuilder withTag(Response.ResponseBuilder builder, DraftView view) {
        return builder.tag(new EntityTag(Integer.toString(view.version()))).entity(view);
    }

    static int expectedVersion(String ifMatch) {
        return IfMatch.version(ifMatch, "the draft");
    }
}

package io.onestop.assistance.documents.api;

import io.onestop.assistance.common.Problem;
import io.onestop.assistance.documents.Caller;
import io.onestop.assistance.documents.DocumentService;
import io.onestop.assistance.documents.DocumentsConfig;
import io.onestop.assistance.documents.Holder;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Documents of a submitted intake: supplements and requested documents; staff in scope read them. */
@Path("/api/v1/intakes/{id}")
@Tag(name = "documents", description = "The merged checklist, uploads (streamed multipart and presigned PUT) and downloads")
@RolesAllowed("resident")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or expired token")
@APIResponse(responseCode = "403", description = "Not a resident, caseworker or approver (reads) / not a resident (writes)")
public class IntakeDocumentResource {

    @Inject
    DocumentService documents;

    @Inject
    JsonWebToken token;

    @Inject
    SecurityIdentity identity;

    @Inject
    Vertx vertx;

    @Inject
    DocumentsConfig config;

    @GET
    @Path("checklist")
    @RolesAllowed({"resident", "caseworker", "approver"})
    @Operation(summary = "The merged document checklist of my intake: each document type once, with the programs it serves, members and status. Staff (caseworker, approver) whose agency and region cover one of its cases see scanned documents; each look is audited.")
    @APIResponse(responseCode = "200", description = "The checklist", content = @Content(schema = @Schema(implementation = ChecklistView.class)))
    @APIResponse(responseCode = "404", description = "No such intake (or not yours / not in your scope)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ChecklistView> checklist(@PathParam("id") UUID id) {
        return documents.checklist(DocumentAnswers.caller(token, identity), Holder.intake(id));
    }

    @POST
    @Path("documents")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload a document (streamed): " + DocumentAnswers.UPLOAD_DOC)
    @APIResponse(responseCode = "201", description = "Stored; Location names the document", content = @Content(schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "200", description = "The same bytes were already stored as this document (a retry)", content = @Content(schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "404", description = "No such intake of mine", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Refused: too many documents, the same bytes as another document type, or the application is closed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Larger than 20 MB", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Empty, not a JPEG/PNG/WebP/HEIC/PDF by content, damaged, too many pixels, or a form field is invalid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = UploadForm.class)))
    public Uni<Response> upload(@PathParam("id") UUID id, @Context HttpServerRequest request) {
        Caller caller = DocumentAnswers.caller(token, identity);
        return DocumentAnswers.upload(request, vertx, config,
                (type, memberId, file) -> documents.upload(caller, Holder.intake(id), type, memberId, file));
    }

    @POST
    @Path("document-uploads")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a large upload: a presigned PUT URL for a fixed object key and size; PUT the file there, then confirm")
    @APIResponse(responseCode = "201", description = "The URL, its expiry and the headers to send", content = @Content(schema = @Schema(implementation = UploadTicket.class)))
    @APIResponse(responseCode = "404", description = "No such intake of mine", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Too many documents, or the application is closed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Larger than 20 MB", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid field (type, size, contentType)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> uploadTicket(@PathParam("id") UUID id, @Valid @NotNull UploadTicketRequest request) {
        return documents.uploadTicket(DocumentAnswers.caller(token, identity), Holder.intake(id), request)
                .map(ticket -> Response.status(Response.Status.CREATED).entity(ticket).build());
    }

    @POST
    @Path("documents/{documentId}/confirm")
    @Operation(summary = "Confirm a presigned upload: the server checks size, content and image size, removes metadata, hashes it; only then it counts")
    @APIResponse(responseCode = "201", description = "Checked and stored", content = @Content(schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "200", description = "Confirmed before, or the same bytes were already stored as this document", content = @Content(schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "404", description = "No such document, or the upload expired", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The file has not arrived yet, or the same bytes are another document", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Size differs from the announced one, or the content is refused (object removed)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> confirm(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId) {
        return documents.confirm(DocumentAnswers.caller(token, identity), Holder.intake(id), documentId).map(DocumentAnswers::stored);
    }

    @GET
    @Path("documents/{documentId}")
    @RolesAllowed({"resident", "caseworker", "approver"})
    @Operation(summary = "One document's details (not its bytes)")
    @APIResponse(responseCode = "200", description = "The document", content = @Content(schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "404", description = "No such document you may see", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<DocumentView> document(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId) {
        return documents.document(DocumentAnswers.caller(token, identity), Holder.intake(id), documentId);
    }

    @GET
    @Path("documents/{documentId}/download-url")
    @RolesAllowed({"resident", "caseworker", "approver"})
    @Operation(summary = "A short-lived presigned GET URL for the document's bytes")
    @APIResponse(responseCode = "200", description = "The URL and its expiry", content = @Content(schema = @Schema(implementation = DownloadUrl.class)))
    @APIResponse(responseCode = "404", description = "No such document you may see", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "Removed because malware was found", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<DownloadUrl> downloadUrl(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId) {
        return documents.downloadUrl(DocumentAnswers.caller(token, identity), Holder.intake(id), documentId);
    }

    @DELETE
    @Path("documents/{documentId}")
    @Operation(summary = "Only unfinished uploads: documents of a submitted application are kept")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such document of mine", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The document belongs to a submitted application", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> delete(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId) {
        return documents.delete(DocumentAnswers.caller(token, identity), Holder.intake(id), documentId)
                .map(ignored -> Response.noContent().build());
    }
}

package io.onestop.assistance.miniprogram.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onestop.assistance.miniprogram.backend.BackendClient;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
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
import io.onestop.assistance.miniprogram.backend.Pages;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The resident's drafts, relayed to backend's /api/v1/drafts with the resident's own token. */
@Path("/mp/v1/drafts")
@Tag(name = "drafts", description = "Save and resume an application; its screening, checklist and uploads")
@ResidentOnly
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = Examples.UNAUTHORIZED)
public class DraftsResource {

    @RestClient
    BackendClient backend;

    @Inject
    WxUploads uploads;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a draft: {household, applicant, chosenPrograms, situation} as backend's DraftRequest")
    @APIResponse(responseCode = "200", description = "errcode 0 with the draft and its version; 40001 invalid field",
            content = @Content(examples = {@ExampleObject(name = "ok", value = Examples.DRAFT),
                    @ExampleObject(name = "invalid", value = Examples.INVALID)}))
    public Uni<Envelope<JsonNode>> create(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @NotNull JsonNode draft) {
        return backend.createDraft(authorization, draft).map(Envelope::ok);
    }

    @GET
    @Operation(summary = "My drafts, newest first, a page at a time: {items, next}; pass `next` as `cursor` for more")
    @APIResponse(responseCode = "200", description = "errcode 0 with {items, next} (next is null on the last page); "
            + "40001 limit out of range or a cursor not of this list", content = @Content(examples =
            @ExampleObject(name = "ok", value = Examples.PAGE)))
    public Uni<Envelope<Pages>> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Parameter(description = "Items per page, 1 to 100 (default 20)") @QueryParam("limit") Integer limit,
            @Parameter(description = "`next` of the previous page; leave out for the first page") @QueryParam("cursor") String cursor) {
        return backend.drafts(authorization, limit, cursor).map(Pages::of).map(Envelope::ok);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One of my drafts, with its version")
    @APIResponse(responseCode = "200", description = "errcode 0 with the draft; 40004 no such draft of mine",
            content = @Content(examples = {@ExampleObject(name = "ok", value = Examples.DRAFT),
                    @ExampleObject(name = "not found", value = Examples.NOT_FOUND)}))
    public Uni<Envelope<JsonNode>> get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID id) {
        return backend.draft(authorization, id).map(Envelope::ok);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a draft's content; send the version you read as If-Match, or as `version` in the body")
    @APIResponse(responseCode = "200", description = "errcode 0 with the saved draft and its new version; 40001 "
            + "invalid field or no version; 40004 no such draft; 40009 changed since you read it (read it again)",
            content = @Content(examples = {@ExampleObject(name = "ok", value = Examples.DRAFT),
                    @ExampleObject(name = "stale version", value = Examples.CONFLICT)}))
    public Uni<Envelope<JsonNode>> update(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID id,
            @Parameter(in = ParameterIn.HEADER, description = "The draft's version, e.g. \"3\"")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull JsonNode draft) {
        // wx.request callers often keep the version in the object they send back; both ways reach backend as If-Match.
        String version = ifMatch;
        JsonNode body = draft;
        if (draft instanceof ObjectNode object && object.has("version")) {
            ObjectNode copy = object.deepCopy();
            JsonNode inBody = copy.remove("version");
            if (version == null && inBody.canConvertToInt()) {
                version = "\"" + inBody.asInt() + "\"";
            }
            body = copy;
        }
        return backend.updateDraft(authorization, id, version, body).map(Envelope::ok);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a draft")
    @APIResponse(responseCode = "200", description = "errcode 0 (data null); 40004 no such draft",
            content = @Content(examples = @ExampleObject(name = "ok", value = "{\"errcode\":0,\"errmsg\":\"ok\",\"data\":null}")))
    public Uni<Envelope<Void>> delete(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID id) {
        return backend.deleteDraft(authorization, id).map(ignored -> Envelope.ok(null));
    }

    @POST
    @Path("{id}/screening")
    @Operation(summary = "Screen the draft's household against every program, as backend will on submission")
    @APIResponse(responseCode = "200", description = "errcode 0 with the verdicts; 40001 household not complete "
            + "(field in errmsg); 40004 no such draft", content = @Content(examples = @ExampleObject(name = "ok", value = """
                    {"errcode":0,"errmsg":"ok","data":{"regionCode":"140105","programs":[{"program":\
                    "MINIMUM_LIVING_ALLOWANCE","verdict":"ELIGIBLE"}]}}""")))
    public Uni<Envelope<JsonNode>> screen(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID id) {
        return backend.screenDraft(authorization, id).map(Envelope::ok);
    }

    @GET
    @Path("{id}/checklist")
    @Operation(summary = "The merged document checklist of my draft: each document type once, with programs, members and status")
    @APIResponse(responseCode = "200", description = "errcode 0 with the checklist; 40004 no such draft",
            content = @Content(examples = @ExampleObject(name = "ok", value = """
                    {"errcode":0,"errmsg":"ok","data":{"items":[{"type":"ID_CARD","programs":\
                    ["MINIMUM_LIVING_ALLOWANCE"],"status":"MISSING"}]}}""")))
    public Uni<Envelope<JsonNode>> checklist(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID id) {
        return backend.checklist(authorization, id).map(Envelope::ok);
    }

    @POST
    @Path("{id}/documents")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(WxUploads.TEXT) // errmsg is Chinese; wx.uploadFile hands the text over as is
    @Operation(summary = WxUploads.DOC)
    @APIResponse(responseCode = "200", description = WxUploads.ANSWERS, content = @Content(
            mediaType = MediaType.TEXT_PLAIN, examples = @ExampleObject(name = "ok", value = WxUploads.EXAMPLE)))
    public Uni<String> upload(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") UUID id,
            @RestForm("file") FileUpload file, @RestForm("type") String type, @RestForm("memberId") String memberId) {
        return uploads.relay(file, type, memberId, form -> backend.upload(authorization, id, form));
    }

    @DELETE
    @Path("{id}/documents/{documentId}")
    @Operation(summary = "Remove a document from my draft")
    @APIResponse(responseCode = "200", description = "errcode 0 (data null); 40004 no such document of mine",
            content = @Content(examples = @ExampleObject(name = "ok", value = "{\"errcode\":0,\"errmsg\":\"ok\",\"data\":null}")))
    public Uni<Envelope<Void>> deleteDocument(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID id, @PathParam("documentId") UUID documentId) {
        return backend.deleteDraftDocument(authorization, id, documentId).map(ignored -> Envelope.ok(null));
    }

    @GET
    @Path("{id}/documents/{documentId}")
    @Operation(summary = "One document of my draft: type, member, state, size (not its bytes)")
    @APIResponse(responseCode = "200", description = "errcode 0 with the document; 40004 no such document of mine",
            content = @Content(examples = {@ExampleObject(name = "ok", value = Examples.DOCUMENT),
                    @ExampleObject(name = "not found", value = Examples.NOT_FOUND)}))
    public Uni<Envelope<JsonNode>> document(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID id, @PathParam("documentId") UUID documentId) {
        return backend.document(authorization, "drafts", id, documentId).map(Envelope::ok);
    }

    @GET
    @Path("{id}/documents/{documentId}/download-url")
    @Operation(summary = "View a document of my draft: " + Examples.DOWNLOAD_DOC)
    @APIResponse(responseCode = "200", description = "errcode 0 with {url, expiresAt}; 40004 no such document of mine, "
            + "or removed because malware was found", content = @Content(examples = {
                    @ExampleObject(name = "ok", value = Examples.DOWNLOAD_URL),
                    @ExampleObject(name = "not found", value = Examples.NOT_FOUND)}))
    public Uni<Envelope<JsonNode>> downloadUrl(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID id, @PathParam("documentId") UUID documentId) {
        return backend.downloadUrl(authorization, "drafts", id, documentId).map(Envelope::ok);
    }
}

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

/** The resident's submitted intakes, relayed to backend's /api/v1/intakes with the resident's own token. */
@Path("/mp/v1/intakes")
@Tag(name = "intakes", description = "Submission, status and withdrawal")
@ResidentOnly
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = Examples.UNAUTHORIZED)
public class IntakesResource {

    static final String KEY_FIELD = "idempotencyKey";

    @RestClient
    BackendClient backend;

    @Inject
    WxUploads uploads;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a draft once: {draftId, consent: true}; a retry with the same Idempotency-Key (header, "
            + "or `idempotencyKey` in the body) answers the same intake")
    @APIResponse(responseCode = "200", description = "errcode 0 with the intake, its number and cases; 40001 key "
            + "missing or not a UUID, no consent, invalid household, or the key was used with another body; 40004 no "
            + "such draft; 40009 the same key still in flight, or an active intake exists", content = @Content(examples = {
                    @ExampleObject(name = "ok", value = Examples.INTAKE),
                    @ExampleObject(name = "invalid", value = """
                            {"errcode":40001,"errmsg":"consent: the applicant must consent to the verification of \
                            the household's economic status","data":null}""")}))
    public Uni<Envelope<JsonNode>> submit(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Parameter(in = ParameterIn.HEADER, description = "A UUID chosen by the mini program, the same on every retry")
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @NotNull JsonNode submission) {
        KeyedBody keyed = KeyedBody.of(idempotencyKey, submission);
        return backend.submit(authorization, keyed.key(), keyed.body()).map(Envelope::ok);
    }

    /** The Idempotency-Key from the header, else from the body (wx.request callers find a body field simpler). */
    record KeyedBody(String key, JsonNode body) {

        static KeyedBody of(String header, JsonNode body) {
            if (body instanceof ObjectNode object && object.has(KEY_FIELD)) {
                // Backend compares bodies under one key: the key itself must not be part of the body it sees.
                ObjectNode copy = object.deepCopy();
                JsonNode inBody = copy.remove(KEY_FIELD);
                return new KeyedBody(header == null && inBody.isTextual() ? inBody.asText() : header, copy);
            }
            return new KeyedBody(header, body);
        }
    }

    @GET
    @Operation(summary = "My intakes with their program cases, newest first, a page at a time: {items, next}; pass "
            + "`next` as `cursor` for more")
    @APIResponse(responseCode = "200", description = "errcode 0 with {items, next} (next is null on the last page); "
            + "40001 limit out of range or a cursor not of this list", content = @Content(examples =
            @ExampleObject(name = "ok", value = Examples.PAGE)))
    public Uni<Envelope<Pages>> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Parameter(description = "Items per page, 1 to 100 (default 20)") @QueryParam("limit") Integer limit,
            @Parameter(description = "`next` of the previous page; leave out for the first page") @QueryParam("cursor") String cursor) {
        return backend.intakes(authorization, limit, cursor).map(Pages::of).map(Envelope::ok);
    }

    @GET
    @Path("{id}/status")
    @Operation(summary = "Where my intake (or one delegated to me) stands: each case's step and deadline sentence, the "
            + "timeline, my to-do list",
            description = "The one status screen of the resident: `cases[].deadline.text` is a ready sentence in zh and "
                    + "en, `timeline` lists what happened (oldest first), `todos` what the resident must do next "
                    + "(upload a requested document, sign a member's verification consent). A family member with a "
                    + "delegation in force (any scope, GET /mp/v1/delegations/received) reads it too, with staff notes "
                    + "hidden and the applicant's name masked.")
    @APIResponse(responseCode = "200", description = "errcode 0 with the status; 40004 no such intake of mine or "
            + "delegated to me",
            content = @Content(examples = {@ExampleObject(name = "ok", value = Examples.STATUS),
                    @ExampleObject(name = "not found", value = Examples.NOT_FOUND)}))
    public Uni<Envelope<JsonNode>> status(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID id) {
        return backend.status(authorization, id).map(Envelope::ok);
    }

    @PUT
    @Path("{id}/verification-consents/{memberId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign the consent to economic-status verification for an adult member: {nationalId, "
            + "guardianName?}; recorded as signed in the mini program",
            description = "One per adult member of the household (the applicant consented when submitting). Signing "
                    + "again is harmless. The member's id number is checked against the household and never answered.")
    @APIResponse(responseCode = "200", description = "errcode 0 with the household's consent status; 40001 invalid id "
            + "number, not this member's, or a minor; 40004 no such intake or member; 40009 intake no longer active",
            content = @Content(examples = @ExampleObject(name = "ok", value = """
                    {"errcode":0,"errmsg":"ok","data":{"complete":true,"members":[{"memberId":"m1","signed":true},                    {"memberId":"m2","signed":true}]}}""")))
    public Uni<Envelope<JsonNode>> signConsent(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID id, @PathParam("memberId") String memberId, @NotNull JsonNode consent) {
        JsonNode signed = consent;
        if (consent instanceof ObjectNode object) {
            // Where the member signed is a fact of this channel, not the client's choice: backend records it.
            signed = object.deepCopy().put("channel", "MINI_PROGRAM");
        }
        return backend.signConsent(authorization, id, memberId, signed).map(Envelope::ok);
    }

    @DELETE
    @Path("{id}/verification-consents/{memberId}")
    @Operation(summary = "Revoke a member's consent; the answer says what it means for the application",
            description = "Verification stops, and the programs still ahead of verification cannot be verified or "
                    + "approved until the member signs again. Revoking twice is harmless.")
    @APIResponse(responseCode = "200", description = "errcode 0 with the programs affected and what it means; 40004 no "
            + "such intake or member", content = @Content(examples = @ExampleObject(name = "ok", value = """
                    {"errcode":0,"errmsg":"ok","data":{"memberId":"m2","affectedPrograms":["MINIMUM_LIVING_ALLOWANCE"],\
                    "meaning":{"zh":"核对暂停，重新签署授权书后继续","en":"verification stops until the member signs again"},\
                    "consents":{"complete":false}}}""")))
    public Uni<Envelope<JsonNode>> revokeConsent(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID id, @PathParam("memberId") String memberId) {
        return backend.revokeConsent(authorization, id, memberId).map(Envelope::ok);
    }

    @POST
    @Path("{id}/cases/{caseId}/resubmission")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer a request for documents (after uploading them): {note?}; the case resumes")
    @APIResponse(responseCode = "200", description = "errcode 0 with the case and its new deadline; 40004 no such "
            + "case of mine; 40009 the case is not waiting for documents", content = @Content(examples =
            @ExampleObject(name = "ok", value = """
                    {"errcode":0,"errmsg":"ok","data":{"id":"3f0c2b1e-6a7d-4c1b-9d5e-2a8f7c6b5e41",                    "program":"MINIMUM_LIVING_ALLOWANCE","step":"ACCEPTED","version":4,"deadline":{"kind":"DECISION",                    "date":"2027-01-07","overdue":false,"text":{"zh":"审批期限至 2027年1月7日","en":"decision due by 7 Jan 2027"}}}}""")))
    public Uni<Envelope<JsonNode>> resubmit(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID id, @PathParam("caseId") UUID caseId,
            @Parameter(in = ParameterIn.HEADER, description = "Optional: the case version you saw")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode note) {
        return backend.resubmit(authorization, id, caseId, ifMatch,
                note == null ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode() : note)
                .map(Envelope::ok);
    }

    @POST
    @Path("{id}/revisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report a change of circumstances: {household}; re-evaluated, cases opened and closed",
            description = "Needs an Idempotency-Key like submission (header, or `idempotencyKey` in the body).")
    @APIResponse(responseCode = "200", description = "errcode 0 with the re-evaluated intake; 40001 invalid household "
            + "or key; 40004 no such intake; 40009 the intake is no longer active, the key is in flight, or (with "
            + "If-Match) the intake was revised since",
            content = @Content(examples = @ExampleObject(name = "ok", value = Examples.INTAKE)))
    public Uni<Envelope<JsonNode>> revise(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID id,
            @Parameter(in = ParameterIn.HEADER, description = "A UUID chosen by the mini program, the same on every retry")
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Parameter(in = ParameterIn.HEADER, description = "Recommended: the intake's revision you changed")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull JsonNode revision) {
        KeyedBody keyed = KeyedBody.of(idempotencyKey, revision);
        return backend.revise(authorization, id, keyed.key(), ifMatch, keyed.body()).map(Envelope::ok);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One of my intakes: status, cases and the evaluation behind each verdict")
    @APIResponse(responseCode = "200", description = "errcode 0 with the intake; 40004 no such intake of mine",
            content = @Content(examples = {@ExampleObject(name = "ok", value = Examples.INTAKE),
                    @ExampleObject(name = "not found", value = Examples.NOT_FOUND)}))
    public Uni<Envelope<JsonNode>> get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID id) {
        return backend.intake(authorization, id).map(Envelope::ok);
    }

    @GET
    @Path("{id}/checklist")
    @Operation(summary = "The merged document checklist of my intake, with what caseworkers have requested since",
            description = "Also for a family member whose delegation allows uploads (UPLOAD_DOCUMENTS, ACT_FOR_ME), "
                    + "to answer a request for documents.")
    @APIResponse(responseCode = "200", description = "errcode 0 with the checklist; 40004 no such intake of mine, or "
            + "my delegation does not allow uploads",
            content = @Content(examples = @ExampleObject(name = "ok", value = """
                    {"errcode":0,"errmsg":"ok","data":{"items":[{"type":"INCOME_PROOF","programs":\
                    ["MINIMUM_LIVING_ALLOWANCE"],"status":"MISSING"}]}}""")))
    public Uni<Envelope<JsonNode>> checklist(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID id) {
        return backend.intakeChecklist(authorization, id).map(Envelope::ok);
    }

    @POST
    @Path("{id}/documents")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(WxUploads.TEXT) // errmsg is Chinese; wx.uploadFile hands the text over as is
    @Operation(summary = WxUploads.DOC + " (after submission, e.g. when a caseworker requests a document)",
            description = "Also for a family member whose delegation allows uploads (UPLOAD_DOCUMENTS, ACT_FOR_ME); "
                    + "with VIEW_STATUS only, 40004.")
    @APIResponse(responseCode = "200", description = WxUploads.ANSWERS, content = @Content(
            mediaType = MediaType.TEXT_PLAIN, examples = @ExampleObject(name = "ok", value = WxUploads.EXAMPLE)))
    public Uni<String> upload(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") UUID id,
            @RestForm("file") FileUpload file, @RestForm("type") String type, @RestForm("memberId") String memberId) {
        return uploads.relay(file, type, memberId, form -> backend.uploadToIntake(authorization, id, form));
    }

    @POST
    @Path("{id}/withdrawal")
    @Operation(summary = "Withdraw the intake and all its open cases (before any decision; repeating is harmless)",
            description = "Also for a family member trusted to act for the applicant (delegation scope ACT_FOR_ME).")
    @APIResponse(responseCode = "200", description = "errcode 0 with the withdrawn intake; 40004 no such intake; "
            + "40009 an agency has already decided", content = @Content(examples = @ExampleObject(name = "ok",
                    value = Examples.INTAKE)))
    public Uni<Envelope<JsonNode>> withdraw(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID id) {
        return backend.withdraw(authorization, id).map(Envelope::ok);
    }

    @GET
    @Path("{id}/documents/{documentId}")
    @Operation(summary = "One document of my intake: type, member, state, size (not its bytes)",
            description = "Also for a family member whose delegation allows uploads (UPLOAD_DOCUMENTS, ACT_FOR_ME).")
    @APIResponse(responseCode = "200", description = "errcode 0 with the document; 40004 no such document I may see",
            content = @Content(examples = {@ExampleObject(name = "ok", value = Examples.DOCUMENT),
                    @ExampleObject(name = "not found", value = Examples.NOT_FOUND)}))
    public Uni<Envelope<JsonNode>> document(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID id, @PathParam("documentId") UUID documentId) {
        return backend.document(authorization, "intakes", id, documentId).map(Envelope::ok);
    }

    @GET
    @Path("{id}/documents/{documentId}/download-url")
    @Operation(summary = "View a document of my intake: " + Examples.DOWNLOAD_DOC,
            description = "A family member only with delegation scope ACT_FOR_ME (and each view is audited): uploading "
                    + "alone does not need the applicant's documents.")
    @APIResponse(responseCode = "200", description = "errcode 0 with {url, expiresAt}; 40004 no such document I may "
            + "open, or removed because malware was found", content = @Content(examples = {
                    @ExampleObject(name = "ok", value = Examples.DOWNLOAD_URL),
                    @ExampleObject(name = "not found", value = Examples.NOT_FOUND)}))
    public Uni<Envelope<JsonNode>> downloadUrl(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID id, @PathParam("documentId") UUID documentId) {
        return backend.downloadUrl(authorization, "intakes", id, documentId).map(Envelope::ok);
    }
}

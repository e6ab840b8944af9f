package io.onestop.assistance.miniprogram.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onestop.assistance.miniprogram.backend.BackendClient;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
        String key = idempotencyKey;
        JsonNode body = submission;
        if (submission instanceof ObjectNode object && object.has(KEY_FIELD)) {
            // Backend compares bodies under one key: the key itself must not be part of the body it sees.
            ObjectNode copy = object.deepCopy();
            JsonNode inBody = copy.remove(KEY_FIELD);
            if (key == null && inBody.isTextual()) {
                key = inBody.asText();
            }
            body = copy;
        }
        return backend.submit(authorization, key, body).map(Envelope::ok);
    }

    @GET
    @Operation(summary = "My intakes with their program cases, newest first")
    @APIResponse(responseCode = "200", description = "errcode 0 with the intakes", content = @Content(examples =
            @ExampleObject(name = "ok", value = "{\"errcode\":0,\"errmsg\":\"ok\",\"data\":[]}")))
    public Uni<Envelope<JsonNode>> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return backend.intakes(authorization).map(Envelope::ok);
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
    @Operation(summary = "The merged document checklist of my intake, with what caseworkers have requested since")
    @APIResponse(responseCode = "200", description = "errcode 0 with the checklist; 40004 no such intake",
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
    @Operation(summary = WxUploads.DOC + " (after submission, e.g. when a caseworker requests a document)")
    @APIResponse(responseCode = "200", description = WxUploads.ANSWERS, content = @Content(
            mediaType = MediaType.TEXT_PLAIN, examples = @ExampleObject(name = "ok", value = WxUploads.EXAMPLE)))
    public Uni<String> upload(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") UUID id,
            @RestForm("file") FileUpload file, @RestForm("type") String type, @RestForm("memberId") String memberId) {
        return uploads.relay(file, type, memberId, form -> backend.uploadToIntake(authorization, id, form));
    }

    @POST
    @Path("{id}/withdrawal")
    @Operation(summary = "Withdraw the intake and all its open cases (before any decision; repeating is harmless)")
    @APIResponse(responseCode = "200", description = "errcode 0 with the withdrawn intake; 40004 no such intake; "
            + "40009 an agency has already decided", content = @Content(examples = @ExampleObject(name = "ok",
                    value = Examples.INTAKE)))
    public Uni<Envelope<JsonNode>> withdraw(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID id) {
        return backend.withdraw(authorization, id).map(Envelope::ok);
    }
}

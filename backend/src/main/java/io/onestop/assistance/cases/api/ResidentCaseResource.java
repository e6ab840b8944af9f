package io.onestop.assistance.cases.api;

import io.onestop.assistance.access.IntakeAccess.Accessor;
import org.eclipse.microprofile.jwt.JsonWebToken;
import io.quarkus.security.identity.SecurityIdentity;
import io.onestop.assistance.cases.CaseService;
import io.onestop.assistance.cases.api.CaseViews.CaseProgress;
import io.onestop.assistance.common.IfMatch;
import io.onestop.assistance.common.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the resident does on a case of their own intake. */
@Path("/api/v1/intakes/{intakeId}/cases")
@Tag(name = "cases")
@RolesAllowed("resident")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or expired token")
@APIResponse(responseCode = "403", description = "Not a resident")
public class ResidentCaseResource {

    @Inject
    CaseService cases;

    @Inject
    SecurityIdentity caller;

    @Inject
    JsonWebToken token;

    /** An optional note from the resident to the caseworker. */
    @Schema(name = "ResubmissionRequest", example = "{\"note\":\"已上传近 6 个月的收入证明\"}")
    public record ResubmissionRequest(@jakarta.validation.constraints.Size(max = 2000) String note) {
    }

    @POST
    @Path("{caseId}/resubmission")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer a request for documents: the case goes back to its step and its clock resumes")
    @APIResponse(responseCode = "200", description = "The case, back in the step it was in",
            content = @Content(schema = @Schema(implementation = CaseProgress.class), examples = @ExampleObject(name = "resumed", value = """
                    {"id":"3f0c2b1e-6a7d-4c1b-9d5e-2a8f7c6b5e41","program":"MINIMUM_LIVING_ALLOWANCE","step":"ACCEPTED","version":4,
                     "deadline":{"kind":"DECISION","date":"2027-01-07","overdue":false,"text":{"zh":"审批期限至 2027年1月7日","en":"decision due by 7 Jan 2027"}}}""")))
    @APIResponse(responseCode = "404", description = "No such intake of mine or no such case in it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The case is not waiting for documents",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match was sent and the case changed since")
    public Uni<CaseProgress> resubmit(@PathParam("intakeId") UUID intakeId, @PathParam("caseId") UUID caseId,
            @Parameter(in = ParameterIn.HEADER, description = "Optional: the case version you saw")
            @HeaderParam("If-Match") String ifMatch,
            @Valid ResubmissionRequest request) {
        Integer version = IfMatch.optionalVersion(ifMatch, "the case");
        return cases.resubmit(Accessor.of(caller, token), intakeId, caseId, version, request == null ? null : request.note());
    }
}

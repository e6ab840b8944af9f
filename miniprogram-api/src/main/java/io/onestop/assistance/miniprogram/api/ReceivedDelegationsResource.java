package io.onestop.assistance.miniprogram.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onestop.assistance.miniprogram.backend.BackendClient;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The family member's side of a delegation (我代办的): what relatives let me follow or do, relayed to backend's
 * /api/v1/delegations/received. The intake itself is then read and served through the ordinary /mp/v1/intakes/{id}
 * paths with my own token; backend grants what the delegation's scope allows there.
 */
@Path("/mp/v1/delegations/received")
@Tag(name = "delegations", description = "What family members delegated to me, and what each scope lets me do")
@ResidentOnly
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = Examples.UNAUTHORIZED)
public class ReceivedDelegationsResource {

    static final String SCOPES = "Scopes, each including the ones before it: VIEW_STATUS: GET /mp/v1/intakes/{id}/status "
            + "(staff notes hidden, applicant's name masked); UPLOAD_DOCUMENTS: also GET /mp/v1/intakes/{id}/checklist "
            + "and POST /mp/v1/intakes/{id}/documents (as wx.uploadFile; a requested document); ACT_FOR_ME: also POST "
            + "/mp/v1/intakes/{id}/withdrawal. Everything else of the intake (GET /mp/v1/intakes/{id}, revisions, "
            + "consents, resubmission, delegations) stays the applicant's and answers 40004, as does everything once "
            + "the delegation has ended or been revoked.";

    @RestClient
    BackendClient backend;

    @GET
    @Operation(summary = "Delegations in force that family members gave me: intake number, applicant (name masked), "
            + "scope, end date, where to read the status: {items, next}",
            description = "Empty before real-name binding: a delegation names a person by id number and phone. Ended "
                    + "and revoked delegations are not listed. A handful at most, so one page (`next` is always null). "
                    + "`status` is the gateway path of the intake's status. " + SCOPES)
    @APIResponse(responseCode = "200", description = "errcode 0 with {items, next}", content = @Content(examples =
            @ExampleObject(name = "ok", value = """
                    {"errcode":0,"errmsg":"ok","data":{"items":[{"id":"7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d",\
                    "intakeId":"5b0e9d6e-2f0c-4a55-8f8e-0c1d2e3f4a5b","intakeNumber":"JZ-140105-2026-000123",\
                    "applicantName":"张*","scope":"UPLOAD_DOCUMENTS","endsOn":"2027-03-31",\
                    "status":"/mp/v1/intakes/5b0e9d6e-2f0c-4a55-8f8e-0c1d2e3f4a5b/status"}],"next":null}}""")))
    public Uni<Envelope<JsonNode>> received(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return backend.receivedDelegations(authorization).map(items -> {
            // backend names its own status path; the mini program can only reach ours.
            items.forEach(item -> {
                if (item instanceof ObjectNode delegation && delegation.hasNonNull("intakeId")) {
                    delegation.put("status", "/mp/v1/intakes/" + delegation.get("intakeId").asText() + "/status");
                }
            });
            return Envelope.ok(OnePage.of(items));
        });
    }
}

package io.onestop.assistance.miniprogram.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

/**
 * The backend's API as the gateway uses it; the gateway owns no domain data. Bodies travel as JSON trees: backend
 * validates them and names the invalid field, so the gateway does not duplicate its rules. Resident calls carry the
 * resident's own token ({@code authorization}), so backend decides every access itself.
 */
@RegisterRestClient(configKey = "backend")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface BackendClient {

    ObjectMapper PROBLEMS = new ObjectMapper();

    @GET
    @Path("/programs")
    Uni<JsonNode> programs();

    @POST
    @Path("/screenings")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<JsonNode> screen(@HeaderParam("X-Forwarded-For") String clientAddress, JsonNode household);

    @POST
    @Path("/drafts")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<JsonNode> createDraft(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, JsonNode draft);

    /** A page of drafts: the array, and the next page in the {@code Link} header ({@link Pages}). */
    @GET
    @Path("/drafts")
    Uni<RestResponse<JsonNode>> drafts(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor);

    @GET
    @Path("/drafts/{id}")
    Uni<JsonNode> draft(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") UUID id);

    @PUT
    @Path("/drafts/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<JsonNode> updateDraft(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode draft);

    @DELETE
    @Path("/drafts/{id}")
    Uni<Void> deleteDraft(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") UUID id);

    @POST
    @Path("/drafts/{id}/screening")
    Uni<JsonNode> screenDraft(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") UUID id);

    @GET
    @Path("/drafts/{id}/checklist")
    Uni<JsonNode> checklist(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") UUID id);

    @POST
    @Path("/drafts/{id}/documents")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    Uni<JsonNode> upload(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") UUID id,
            ClientMultipartForm form);

    @DELETE
    @Path("/drafts/{id}/documents/{documentId}")
    Uni<Void> deleteDraftDocument(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID id, @PathParam("documentId") UUID documentId);

    @GET
    @Path("/intakes/{id}/checklist")
    Uni<JsonNode> intakeChecklist(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID id);

    @POST
    @Path("/intakes/{id}/documents")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    Uni<JsonNode> uploadToIntake(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID id, ClientMultipartForm form);

    @POST
    @Path("/intakes")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<JsonNode> submit(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam("Idempotency-Key") String idempotencyKey, JsonNode submission);

    @GET
    @Path("/intakes")
    Uni<RestResponse<JsonNode>> intakes(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor);

    @GET
    @Path("/intakes/{id}/status")
    Uni<JsonNode> status(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") UUID id);

    @PUT
    @Path("/intakes/{id}/verification-consents/{memberId}")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<JsonNode> signConsent(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") UUID id,
            @PathParam("memberId") String memberId, JsonNode consent);

    @DELETE
    @Path("/intakes/{id}/verification-consents/{memberId}")
    Uni<JsonNode> revokeConsent(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") UUID id,
            @PathParam("memberId") String memberId);

    @GET
    @Path("/verification-consent-texts/current")
    Uni<JsonNode> currentConsentText();

    @POST
    @Path("/intakes/{id}/cases/{caseId}/resubmission")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<JsonNode> resubmit(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") UUID id,
            @PathParam("caseId") UUID caseId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode note);

    @POST
    @Path("/intakes/{id}/revisions")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<JsonNode> revise(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") UUID id,
            @HeaderParam("Idempotency-Key") String idempotencyKey, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            JsonNode revision);

    @GET
    @Path("/me")
    Uni<JsonNode> me(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @PUT
    @Path("/me/real-name")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<JsonNode> bindRealName(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, JsonNode realName);

    /** {@code authorization} is the phone assertion (ResidentTokens#phoneAssertion), not the resident's token. */
    @PUT
    @Path("/me/phone")
    Uni<JsonNode> bindPhone(@HeaderParam(HttpHeaders.AUTHORIZATION) String phoneAssertion);

    @GET
    @Path("/intakes/{id}")
    Uni<JsonNode> intake(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") UUID id);

    @POST
    @Path("/intakes/{id}/withdrawal")
    Uni<JsonNode> withdraw(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") UUID id);

    /** {@code authorization} is the subscribe assertion (ResidentTokens#subscribeAssertion). */
    @POST
    @Path("/me/subscribe-acceptances")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<JsonNode> acceptSubscriptions(@HeaderParam(HttpHeaders.AUTHORIZATION) String subscribeAssertion, JsonNode body);

    @GET
    @Path("/me/subscribe-acceptances")
    Uni<JsonNode> subscriptions(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    /** backend answers the inbox page as {items, unread, next} in the body (its cursor is a message id). */
    @GET
    @Path("/inbox")
    Uni<JsonNode> inbox(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor);

    @POST
    @Path("/inbox/{id}/read")
    Uni<Void> markRead(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id);

    @POST
    @Path("/intakes/{id}/delegations")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<JsonNode> grantDelegation(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") UUID id,
            @HeaderParam("Idempotency-Key") String idempotencyKey, JsonNode delegation);

    @GET
    @Path("/intakes/{id}/delegations")
    Uni<JsonNode> delegations(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") UUID id);

    @DELETE
    @Path("/intakes/{id}/delegations/{delegationId}")
    Uni<Void> revokeDelegation(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") UUID id,
            @PathParam("delegationId") UUID delegationId);

    /** The delegations in force that family members gave me (one array: a handful at most). */
    @GET
    @Path("/delegations/received")
    Uni<JsonNode> receivedDelegations(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    /** My invitations to apply (政策找人), newest first (one array: a handful at most). */
    @GET
    @Path("/me/invitations")
    Uni<JsonNode> invitations(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @POST
    @Path("/me/invitations/{id}/opt-out")
    Uni<JsonNode> optOut(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") UUID id);

    @GET
    @Path("/me/notification-preferences")
    Uni<JsonNode> notificationPreferences(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @PUT
    @Path("/me/notification-preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<JsonNode> putNotificationPreferences(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            JsonNode preferences);

    /** {@code holder} is "drafts" or "intakes": both answer a document the same way. */
    @GET
    @Path("/{holder}/{id}/documents/{documentId}")
    Uni<JsonNode> document(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("holder") String holder, @PathParam("id") UUID id, @PathParam("documentId") UUID documentId);

    @GET
    @Path("/{holder}/{id}/documents/{documentId}/download-url")
    Uni<JsonNode> downloadUrl(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("holder") String holder, @PathParam("id") UUID id, @PathParam("documentId") UUID documentId);

    /** The running public notices (公示), one array; no login. */
    @GET
    @Path("/public-notices")
    Uni<JsonNode> publicNotices(@QueryParam("regionCode") String regionCode);

    @POST
    @Path("/public-notices/{noticeId}/objections")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<JsonNode> object(@PathParam("noticeId") UUID noticeId, JsonNode objection);

    /** Every error status becomes a {@link BackendException} carrying backend's problem+json. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        JsonNode problem = null;
        try {
            if (response.hasEntity()) {
                problem = PROBLEMS.readTree(response.readEntity(String.class));
            }
        } catch (RuntimeException | java.io.IOException e) {
            // not problem+json (a proxy's error page): the status alone decides the errcode
        }
        return new BackendException(response.getStatus(), problem);
    }
}

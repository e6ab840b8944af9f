package io.onestop.assistance.miniprogram.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onestop.assistance.miniprogram.backend.BackendClient;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

/** Family delegation of one of my intakes (委托家人), relayed to backend's /api/v1/intakes/{id}/delegations. */
@Path("/mp/v1/intakes/{id}/delegations")
@Tag(name = "intakes")
@ResidentOnly
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = Examples.UNAUTHORIZED)
public class DelegationsResource {

    static final String DELEGATION = """
            {"id":"7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d","intakeId":"0b8a4f9e-3c1d-4a57-9a0e-6f1f2d3c4b5a",\
            "delegateName":"李*","delegateNationalId":"1101**********4514","scope":"UPLOAD_DOCUMENTS",\
            "endsOn":"2027-03-31","status":"ACTIVE","grantedByRole":"resident","reason":null,\
            "createdAt":"2026-12-05T10:00:00+08:00","revokedAt":null}""";

    @RestClient
    BackendClient backend;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Let a family member follow my intake: {nationalId, phone, scope, endsOn}; Idempotency-Key "
            + "(header, or `idempotencyKey` in the body)",
            description = "The family member must have logged in and bound their real name; scopes VIEW_STATUS, "
                    + "UPLOAD_DOCUMENTS, ACT_FOR_ME; at most 6 months; revocable at any time. Their id number comes "
                    + "back masked.")
    @APIResponse(responseCode = "200", description = "errcode 0 with the delegation; 40001 key missing or not a UUID, "
            + "bad id number or phone, end date not within 6 months, myself as delegate, or the key used with another "
            + "body; 40004 no such intake of mine; 40009 no registered resident with this id number and phone, already "
            + "delegated, or the same key still in flight", content = @Content(examples = {
                    @ExampleObject(name = "ok", value = "{\"errcode\":0,\"errmsg\":\"ok\",\"data\":" + DELEGATION + "}"),
                    @ExampleObject(name = "invalid", value = Examples.INVALID)}))
    public Uni<Envelope<JsonNode>> grant(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID id,
            @Parameter(in = ParameterIn.HEADER, description = "A UUID chosen by the mini program, the same on every retry")
            @HeaderParam("Idempotency-Key") String idempotencyKey, @NotNull JsonNode delegation) {
        IntakesResource.KeyedBody keyed = IntakesResource.KeyedBody.of(idempotencyKey, delegation);
        return backend.grantDelegation(authorization, id, keyed.key(), keyed.body()).map(Envelope::ok);
    }

    @GET
    @Operation(summary = "The delegations of my intake, newest first, with their state (ACTIVE, EXPIRED, REVOKED): "
            + "{items, next}",
            description = "An intake has a handful of delegations at most, so they come in one page (`next` is always "
                    + "null); the shape is that of every list.")
    @APIResponse(responseCode = "200", description = "errcode 0 with {items, next}; 40004 no such intake of mine",
            content = @Content(examples = @ExampleObject(name = "ok", value = "{\"errcode\":0,\"errmsg\":\"ok\",\"data\":"
                    + "{\"items\":[" + DELEGATION + "],\"next\":null}}")))
    public Uni<Envelope<JsonNode>> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID id) {
        return backend.delegations(authorization, id).map(items -> {
            ObjectNode page = JsonNodeFactory.instance.objectNode();
            page.set("items", items);
            page.putNull("next");
            return Envelope.ok(page);
        });
    }

    @DELETE
    @Path("{delegationId}")
    @Operation(summary = "Revoke a delegation now (repeating it is harmless)")
    @APIResponse(responseCode = "200", description = "errcode 0 (data null); 40004 no such intake of mine or no such "
            + "delegation of it", content = @Content(examples = {@ExampleObject(name = "ok", value = """
                    {"errcode":0,"errmsg":"ok","data":null}"""),
                    @ExampleObject(name = "not found", value = Examples.NOT_FOUND)}))
    public Uni<Envelope<Void>> revoke(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID id, @PathParam("delegationId") UUID delegationId) {
        return backend.revokeDelegation(authorization, id, delegationId).map(ignored -> Envelope.ok(null));
    }
}

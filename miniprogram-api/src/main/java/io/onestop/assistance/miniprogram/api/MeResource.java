package io.onestop.assistance.miniprogram.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.onestop.assistance.miniprogram.backend.BackendClient;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The logged-in resident and their real-name binding, relayed to backend's /api/v1/me. The national id number goes
 * to backend only: the gateway neither logs nor stores it, and backend answers it masked.
 */
@Path("/mp/v1/me")
@Tag(name = "session", description = "Login, phone number, real-name binding")
@ResidentOnly
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = Examples.UNAUTHORIZED)
public class MeResource {

    @RestClient
    BackendClient backend;

    @GET
    @Operation(summary = "Me: my real-name binding (id number masked) and bound phone number (masked), null before binding")
    @APIResponse(responseCode = "200", description = "errcode 0 with me; `data.realName` is null before real-name binding",
            content = @Content(examples = @ExampleObject(name = "ok", value = Examples.ME)))
    public Uni<Envelope<JsonNode>> me(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return backend.me(authorization).map(Envelope::ok);
    }

    @PUT
    @Path("real-name")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Real-name binding (实名认证): {nationalId, name}; the answer masks the id number",
            description = "Binds this login to the person with this national id; what the login owned (drafts, "
                    + "intakes, documents) moves to the person, so their web portal login sees it too. Repeating it for "
                    + "the same person is harmless. Bind the phone number (POST /mp/v1/phone) after this.")
    @RequestBody(content = @Content(schema = @Schema(example = """
            {"nationalId":"<the 18-character id number on the card>","name":"张伟"}""")))
    @APIResponse(responseCode = "200", description = "errcode 0 with the binding; 40001 invalid id number, or a name that "
            + "does not match the one on record (field named); 40009 this login is already bound to another person",
            content = @Content(examples = {@ExampleObject(name = "ok", value = """
                    {"errcode":0,"errmsg":"ok","data":{"residentId":"9d1f3c2a-5b6e-4f70-8a9b-0c1d2e3f4a5b","name":"张伟",\
                    "nationalId":"1101**********4514","phone":null}}"""),
                    @ExampleObject(name = "invalid", value = """
                            {"errcode":40001,"errmsg":"nationalId: 请填写正确的 18 位身份证号 / a valid 18-character national \
                            id number is required","data":null}""")}))
    public Uni<Envelope<JsonNode>> bindRealName(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @NotNull JsonNode realName) {
        return backend.bindRealName(authorization, realName).map(Envelope::ok);
    }
}

package io.onestop.assistance.miniprogram.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.onestop.assistance.miniprogram.backend.BackendClient;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

@Path("/mp/v1/programs")
@Tag(name = "programs")
@Produces(MediaType.APPLICATION_JSON)
public class ProgramsResource {

    @RestClient
    BackendClient backend;

    @GET
    @Operation(summary = "The program catalog (names, agencies, documents), from backend; no login needed")
    @APIResponse(responseCode = "200", description = "errcode 0 with the 13 programs; 50300 backend unavailable",
            content = @Content(examples = @ExampleObject(name = "ok", value = """
                    {"errcode":0,"errmsg":"ok","data":[{"code":"MINIMUM_LIVING_ALLOWANCE","agency":"CIVIL_AFFAIRS"}]}""")))
    public Uni<Envelope<JsonNode>> programs() {
        return backend.programs().map(Envelope::ok);
    }
}

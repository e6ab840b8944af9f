package io.onestop.assistance.miniprogram.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.onestop.assistance.miniprogram.backend.BackendClient;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

@Path("/mp/v1/screenings")
@Tag(name = "screening", description = "The public policy calculator")
@Produces(MediaType.APPLICATION_JSON)
public class ScreeningsResource {

    @RestClient
    BackendClient backend;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Screen a household against all 13 programs (no login); body as backend's POST /api/v1/screenings")
    @APIResponse(responseCode = "200", description = "errcode 0 with the verdicts; 40001 invalid household (field in "
            + "errmsg) or unknown region; 42900 rate limited; 50300 backend unavailable", content = @Content(examples = {
                    @ExampleObject(name = "ok", value = """
                            {"errcode":0,"errmsg":"ok","data":{"regionCode":"140105","asOf":"2026-11-22",\
                            "parameterVersion":"140105@2025-01-01","programs":[{"program":"MINIMUM_LIVING_ALLOWANCE",\
                            "verdict":"ELIGIBLE","estimate":{"amount":669,"period":"MONTH"}}]}}"""),
                    @ExampleObject(name = "invalid field", value = Examples.INVALID)}))
    public Uni<Envelope<JsonNode>> screen(@NotNull JsonNode household, @Context HttpServerRequest request) {
        // backend limits screenings per client address: pass the resident's on, or every phone shares our budget
        SocketAddress client = request.remoteAddress();
        return backend.screen(client == null ? null : client.hostAddress(), household).map(Envelope::ok);
    }
}

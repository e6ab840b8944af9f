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

/** The consent text the mini program shows before a member signs (submission, or a member's own consent). */
@Path("/mp/v1/verification-consent-texts")
@Tag(name = "intakes")
@Produces(MediaType.APPLICATION_JSON)
public class ConsentTextsResource {

    @RestClient
    BackendClient backend;

    @GET
    @Path("current")
    @Operation(summary = "The verification consent text in force now (show it before the member signs); no login needed")
    @APIResponse(responseCode = "200", description = "errcode 0 with the text and its version; 50300 backend unavailable",
            content = @Content(examples = @ExampleObject(name = "ok", value = """
                    {"errcode":0,"errmsg":"ok","data":{"version":"2026-01","effectiveFrom":"2026-01-01T00:00:00+08:00","text":{"zh":"本人同意……","en":"I consent ..."}}}""")))
    public Uni<Envelope<JsonNode>> current() {
        return backend.currentConsentText().map(Envelope::ok);
    }
}

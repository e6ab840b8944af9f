package io.onestop.assistance.miniprogram.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.onestop.assistance.miniprogram.backend.BackendClient;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The public notice (公示) before approval, relayed to backend's /api/v1/public-notices: anyone may read the masked
 * list and object, without logging in, so no token is asked for or passed on.
 */
@Path("/mp/v1/public-notices")
@Tag(name = "public-notices", description = "The public notice before approval (公示) and objections; no login")
@Produces(MediaType.APPLICATION_JSON)
public class PublicNoticesResource {

    @RestClient
    BackendClient backend;

    @GET
    @Operation(summary = "Cases under public notice in a region (no login): surname only, program, household size, "
            + "proposed amount, notice period: {items, next}",
            description = "Only running notices; a county's code covers its townships. They come in one page (`next` "
                    + "is always null).")
    @APIResponse(responseCode = "200", description = "errcode 0 with {items, next}; 40001 regionCode not 6, 9 or 12 "
            + "digits", content = @Content(examples = {@ExampleObject(name = "ok", value = """
                    {"errcode":0,"errmsg":"ok","data":{"items":[{"noticeId":"5c1e9d2a-3b4f-4a6e-8d7c-1f2e3d4c5b6a",\
                    "applicantName":"张*","regionCode":"140105001","program":"MINIMUM_LIVING_ALLOWANCE",\
                    "programName":{"zh":"最低生活保障","en":"Minimum living allowance"},"memberCount":3,\
                    "proposedAmount":1107,"period":"MONTH","startsOn":"2026-12-02","endsOn":"2026-12-09"}],"next":null}}"""),
                    @ExampleObject(name = "invalid", value = """
                            {"errcode":40001,"errmsg":"regionCode: must be a 6, 9 or 12-digit region code","data":null}""")}))
    public Uni<Envelope<JsonNode>> list(@Parameter(description = "Region code (6, 9 or 12 digits); all regions when "
            + "left out", example = "140105") @QueryParam("regionCode") String regionCode) {
        return backend.publicNotices(regionCode).map(items -> Envelope.ok(OnePage.of(items)));
    }

    @POST
    @Path("{noticeId}/objections")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Object to a public notice entry while the notice runs (no login; anonymous): {text}",
            description = "The staff of the case look into every objection before the decision.")
    @RequestBody(content = @Content(schema = @Schema(example = """
            {"text":"该户有一辆货车未申报。"}""")))
    @APIResponse(responseCode = "200", description = "errcode 0 with {id, receivedAt}; 40001 empty text or longer than "
            + "2000 characters; 40004 no running notice with this id", content = @Content(examples = {
                    @ExampleObject(name = "ok", value = """
                            {"errcode":0,"errmsg":"ok","data":{"id":"9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",\
                            "receivedAt":"2026-12-05T09:30:00+08:00"}}"""),
                    @ExampleObject(name = "not found", value = Examples.NOT_FOUND)}))
    public Uni<Envelope<JsonNode>> object(@PathParam("noticeId") UUID noticeId, @NotNull JsonNode objection) {
        return backend.object(noticeId, objection).map(Envelope::ok);
    }
}

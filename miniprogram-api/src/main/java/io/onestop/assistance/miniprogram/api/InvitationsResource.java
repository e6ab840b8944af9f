package io.onestop.assistance.miniprogram.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.onestop.assistance.miniprogram.backend.BackendClient;
import io.smallrye.mutiny.Uni;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Invitations to apply (政策找人): staff who learnt of a hardship from another agency's data prefilled a draft for
 * the resident. Relayed to backend's /api/v1/me/invitations; the draft is an ordinary draft of /mp/v1/drafts.
 */
@Path("/mp/v1/me/invitations")
@Tag(name = "invitations", description = "Invitations to apply (政策找人) and the opt-out")
@ResidentOnly
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = Examples.UNAUTHORIZED)
public class InvitationsResource {

    static final String INVITATION = """
            {"id":"2c4e6a8b-1d3f-4b5a-9c7e-0f1a2b3c4d5e","invitedAt":"2026-12-04T09:30:00+08:00",\
            "why":"我们从医保部门了解到，您近期看病自己负担的医疗费用较多。按照“政策找人”的要求，工作人员为您预先填写了一份救助申请草稿。",\
            "likelyPrograms":[{"program":"MEDICAL_ASSISTANCE","name":{"zh":"医疗救助","en":"Medical assistance"}}],\
            "draftId":"0b6c3c5e-7d52-4c5e-9d0a-6b7f2a1e9c11",\
            "howToOptOut":"如果您不需要帮助，可以选择“暂不需要”，180 天内不会再因部门数据主动联系您；也可以拨打 12345 热线告诉我们。",\
            "optedOutAt":null}""";

    @RestClient
    BackendClient backend;

    @GET
    @Operation(summary = "My invitations to apply, newest first: why I was contacted, the likely programs, the "
            + "prefilled draft (`draftId`, open it with GET /mp/v1/drafts/{draftId}), how to opt out: {items, next}",
            description = "Empty before real-name binding (PUT /mp/v1/me/real-name): invitations name a person, not a "
                    + "login. A person has a handful at most, so they come in one page (`next` is always null). "
                    + "`draftId` is null once the draft was submitted or deleted.")
    @APIResponse(responseCode = "200", description = "errcode 0 with {items, next}", content = @Content(examples = {
            @ExampleObject(name = "ok", value = "{\"errcode\":0,\"errmsg\":\"ok\",\"data\":{\"items\":[" + INVITATION
                    + "],\"next\":null}}"),
            @ExampleObject(name = "before real-name binding", value = """
                    {"errcode":0,"errmsg":"ok","data":{"items":[],"next":null}}""")}))
    public Uni<Envelope<JsonNode>> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return backend.invitations(authorization).map(items -> Envelope.ok(OnePage.of(items)));
    }

    @POST
    @Path("{id}/opt-out")
    @Operation(summary = "暂不需要: no more contact from agency data for a while (the draft stays mine); repeating it "
            + "changes nothing",
            description = "Other open warnings about me are closed and no new ones are raised until `optedOutUntil`. "
                    + "Applying myself stays possible at any time.")
    @APIResponse(responseCode = "200", description = "errcode 0 with {invitationId, optedOutAt, optedOutUntil, "
            + "message}; 40004 no such invitation of mine (or an id that is not a UUID)",
            content = @Content(examples = {@ExampleObject(name = "ok", value = """
                    {"errcode":0,"errmsg":"ok","data":{"invitationId":"2c4e6a8b-1d3f-4b5a-9c7e-0f1a2b3c4d5e",\
                    "optedOutAt":"2026-12-05T10:00:00+08:00","optedOutUntil":"2027-06-03T10:00:00+08:00",\
                    "message":"已为您登记：2027年6月3日之前不会再因部门数据主动联系您。已经保存的申请草稿仍然保留，您随时可以自己提交申请。"}}"""),
                    @ExampleObject(name = "not found", value = Examples.NOT_FOUND)}))
    public Uni<Envelope<JsonNode>> optOut(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID id) {
        return backend.optOut(authorization, id).map(Envelope::ok);
    }
}

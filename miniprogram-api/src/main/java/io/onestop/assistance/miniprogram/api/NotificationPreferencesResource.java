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
 * How I want to hear of my applications (消息提醒设置), including "call me back" (请热线回电), relayed to backend's
 * /api/v1/me/notification-preferences. Stored per person, so the web portal shows the same choice.
 */
@Path("/mp/v1/me/notification-preferences")
@Tag(name = "notify")
@ResidentOnly
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = Examples.UNAUTHORIZED)
public class NotificationPreferencesResource {

    static final String PREFERENCES = """
            {"errcode":0,"errmsg":"ok","data":{"channels":["MINIPROGRAM","SMS"],"callMeBack":true,\
            "callbackFrom":"09:00:00","callbackTo":"11:30:00"}}""";

    @RestClient
    BackendClient backend;

    @GET
    @Operation(summary = "My notification preferences: push channels in order, and whether the hotline should phone "
            + "me back, in which hours",
            description = "Until I choose: channels [MINIPROGRAM, SMS] (a subscribe message while I have accepted ones, "
                    + "else SMS), no call. The in-app inbox (GET /mp/v1/inbox) always gets every message.")
    @APIResponse(responseCode = "200", description = "errcode 0 with {channels, callMeBack, callbackFrom, callbackTo}",
            content = @Content(examples = {@ExampleObject(name = "ok", value = PREFERENCES),
                    @ExampleObject(name = "never chosen", value = """
                            {"errcode":0,"errmsg":"ok","data":{"channels":["MINIPROGRAM","SMS"],"callMeBack":false,\
                            "callbackFrom":null,"callbackTo":null}}""")}))
    public Uni<Envelope<JsonNode>> get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return backend.notificationPreferences(authorization).map(Envelope::ok);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Choose the push channels in order and whether the hotline should phone me back (请热线回电), "
            + "in which hours: {channels, callMeBack, callbackFrom?, callbackTo?}",
            description = "`channels`: required, SMS and MINIPROGRAM in the order to try, each at most once; [] = the "
                    + "inbox only. `callMeBack: true` asks the hotline to phone me when something needs my attention; "
                    + "`callbackFrom`/`callbackTo` (\"HH:mm\", answered as \"HH:mm:ss\"; both or neither, from before to) limit the hours. "
                    + "Subscribe messages still need my acceptance in the mini program (POST /mp/v1/subscriptions).")
    @RequestBody(content = @Content(schema = @Schema(example = """
            {"channels":["MINIPROGRAM","SMS"],"callMeBack":true,"callbackFrom":"09:00","callbackTo":"11:30"}""")))
    @APIResponse(responseCode = "200", description = "errcode 0 with the stored preferences; 40001 channels missing, "
            + "repeated or unknown (INBOX is implied), only one end of the hours, the end not after the start, or "
            + "hours without callMeBack (the field is named in errmsg)", content = @Content(examples = {
                    @ExampleObject(name = "ok", value = PREFERENCES),
                    @ExampleObject(name = "invalid", value = """
                            {"errcode":40001,"errmsg":"callbackTo: must be after callbackFrom","data":null}""")}))
    public Uni<Envelope<JsonNode>> put(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @NotNull JsonNode preferences) {
        return backend.putNotificationPreferences(authorization, preferences).map(Envelope::ok);
    }
}

package io.onestop.assistance.miniprogram.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onestop.assistance.miniprogram.backend.BackendClient;
import io.onestop.assistance.miniprogram.platform.PlatformService;
import io.onestop.assistance.miniprogram.session.ResidentTokens;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Subscribe messages: after {@code wx.requestSubscribeMessage} succeeds, the mini program reports the accepted
 * template ids here. The gateway stores nothing: it proves the openid with a fresh {@code wx.login} code of the same
 * person and hands it to backend in a short-lived assertion; backend keeps the quota (one message per acceptance).
 */
@Path("/mp/v1/subscriptions")
@Tag(name = "notify", description = "Subscribe messages and the in-app inbox")
@ResidentOnly
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = Examples.UNAUTHORIZED)
public class SubscriptionsResource {

    static final String EXAMPLE = """
            {"errcode":0,"errmsg":"ok","data":{"statusTemplateId":"local-application-progress",\
            "items":[{"templateId":"local-application-progress","remaining":1}]}}""";

    /** What {@code wx.requestSubscribeMessage} reported as accepted, and a fresh {@code wx.login} code. */
    @Schema(name = "SubscriptionRequest", example = """
            {"code":"0a3Xyz000abcDEF1Gh2000Ij3Kl3Xyzq","templateIds":["local-application-progress"]}""")
    public record SubscriptionRequest(
            @NotBlank @Size(max = 128) @Schema(description = "A fresh wx.login code (proves which account accepted)")
            String code,
            @NotNull @Size(min = 1, max = 3)
            @Schema(description = "The template ids whose result was accept (at most 3, as in wx.requestSubscribeMessage)")
            List<@NotNull @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "must be a template id") String> templateIds) {
    }

    @Inject
    PlatformService platform;

    @Inject
    ResidentTokens tokens;

    @RestClient
    BackendClient backend;

    @GET
    @Operation(summary = "Which template to ask me to accept (statusTemplateId), and how many messages each accepted "
            + "template may still bring")
    @APIResponse(responseCode = "200", description = "errcode 0 with {statusTemplateId, items[{templateId, remaining}]}",
            content = @Content(examples = @ExampleObject(name = "ok", value = EXAMPLE)))
    public Uni<Envelope<JsonNode>> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return backend.subscriptions(authorization).map(Envelope::ok);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the templates I accepted in wx.requestSubscribeMessage: {code, templateIds}; each "
            + "allows one message about my applications",
            description = "Call wx.login first and send its code: the gateway checks that the code is of the logged-in "
                    + "resident (the platform sends messages to that account). When a status changes and no acceptance "
                    + "is left, the message still reaches the in-app inbox (and SMS).")
    @APIResponse(responseCode = "200", description = "errcode 0 with the acceptances now; 40001 no template id, more "
            + "than 3, a bad id, or a code of another user; 40101 the wx.login code was refused (call wx.login again); "
            + "50300 platform or backend unavailable", content = @Content(examples = {
                    @ExampleObject(name = "ok", value = EXAMPLE),
                    @ExampleObject(name = "another user's code", value = """
                            {"errcode":40001,"errmsg":"code: 登录凭证不属于当前用户","data":null}""")}))
    public Uni<Envelope<JsonNode>> accept(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Valid @NotNull SubscriptionRequest request) {
        return platform.codeToSession(request.code().strip()).chain(session -> {
            // The filter has checked the resident token; null here means the code belongs to someone else.
            String assertion = tokens.subscribeAssertion(authorization.substring(7).strip(), session.openid());
            if (assertion == null) {
                return Uni.createFrom().failure(new GatewayException(ErrorCode.VALIDATION, "code: 登录凭证不属于当前用户"));
            }
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            request.templateIds().forEach(body.putArray("templateIds")::add);
            return backend.acceptSubscriptions("Bearer " + assertion, body).map(Envelope::ok);
        });
    }
}

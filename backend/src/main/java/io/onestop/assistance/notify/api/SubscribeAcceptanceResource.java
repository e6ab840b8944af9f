package io.onestop.assistance.notify.api;

import io.onestop.assistance.access.OwnerKeys;
import io.onestop.assistance.access.VerifiedPhone;
import io.onestop.assistance.common.Problem;
import io.onestop.assistance.common.ProblemException;
import io.onestop.assistance.notify.subscribe.SubscribeConfig;
import io.onestop.assistance.notify.subscribe.SubscribeQuota;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The resident's acceptances of mini-program subscribe messages (one message per acceptance of a template).
 *
 * <p>The openid comes only from a short-lived token of the gateway (tenant {@code miniprogram}, claim
 * {@value #OPENID_CLAIM}): the gateway proves it with a fresh {@code wx.login} code of the same person, so a
 * resident cannot point their messages at someone else's account. It is stored sealed, never answered.
 */
@Path("/api/v1/me/subscribe-acceptances")
@Tag(name = "notify")
@RolesAllowed("resident")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or expired token")
@APIResponse(responseCode = "403", description = "Not a resident")
public class SubscribeAcceptanceResource {

    /** The claim of the gateway's subscribe assertion (miniprogram-api ResidentTokens, same name). */
    public static final String OPENID_CLAIM = "subscribe_openid";

    static final String EXAMPLE = """
            {"statusTemplateId":"local-application-progress",
             "items":[{"templateId":"local-application-progress","remaining":2}]}""";

    /** The template ids the resident accepted in {@code wx.requestSubscribeMessage} (at most 3 per call there). */
    @Schema(name = "SubscribeAcceptanceRequest", example = """
            {"templateIds":["local-application-progress"]}""")
    public record AcceptanceRequest(
            @NotNull @Size(min = 1, max = 3) List<@NotNull @Pattern(regexp = "[A-Za-z0-9_-]{1,64}",
                    message = "must be a template id (letters, digits, _ and -, at most 64)") String> templateIds) {
    }

    /** The template that carries status changes, and what every accepted template has left. */
    @Schema(name = "SubscribeAcceptances", example = EXAMPLE)
    public record Acceptances(String statusTemplateId, List<SubscribeQuota.Remaining> items) {
    }

    @Inject
    SubscribeQuota quota;

    @Inject
    SubscribeConfig config;

    @Inject
    SecurityIdentity caller;

    @GET
    @Operation(summary = "The template the mini program should ask me to accept, and how many messages each accepted "
            + "template may still bring")
    @APIResponse(responseCode = "200", description = "The acceptances", content = @Content(
            schema = @Schema(implementation = Acceptances.class), examples = @ExampleObject(name = "ok", value = EXAMPLE)))
    public Uni<Acceptances> list() {
        return quota.list(OwnerKeys.of(caller)).map(items -> new Acceptances(config.templateId(), items));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record that I accepted one message of each template (called by the mini-program gateway)",
            description = "Called by the gateway only, with a short-lived token of its own that carries the openid it "
                    + "has just verified (claim `subscribe_openid`). Each accepted template allows one more message; "
                    + "an acceptance from another mini-program account replaces the count.")
    @APIResponse(responseCode = "200", description = "The acceptances now", content = @Content(
            schema = @Schema(implementation = Acceptances.class), examples = @ExampleObject(name = "ok", value = EXAMPLE)))
    @APIResponse(responseCode = "403", description = "Not a resident, or the token carries no openid verified by the gateway",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "No template id, more than 3, or one that is not a template id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Acceptances> accept(@Valid @NotNull AcceptanceRequest request) {
        String openid = verifiedOpenid();
        return quota.accept(OwnerKeys.of(caller), openid, request.templateIds())
                .map(items -> new Acceptances(config.templateId(), items));
    }

    private String verifiedOpenid() {
        String tenant = caller.getAttribute("tenant-id");
        Object claim = VerifiedPhone.GATEWAY_TENANT.equals(tenant) && caller.getPrincipal() instanceof JsonWebToken token
                ? token.getClaim(OPENID_CLAIM) : null;
        String openid = claim == null ? null : claim.toString();
        if (openid == null || !openid.matches("[A-Za-z0-9_-]{1,128}")) {
            throw new ProblemException(403, "openid-not-verified", "Forbidden",
                    "订阅消息须在小程序中授权 / subscribe messages are accepted in the mini program only", null);
        }
        return openid;
    }
}

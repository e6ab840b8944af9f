package io.onestop.assistance.miniprogram.notify;

import io.onestop.assistance.miniprogram.api.Envelope;
import io.onestop.assistance.miniprogram.api.ErrorCode;
import io.onestop.assistance.miniprogram.api.GatewayException;
import io.onestop.assistance.miniprogram.platform.PlatformService;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

/**
 * Backend's way to the platform's subscribe-message send: backend keeps the quota and the openid, the gateway keeps
 * the platform's access token. Not part of the mini program's API (hidden from the OpenAPI document) and guarded by
 * a shared secret ({@link InternalConfig}). The values are trimmed to the platform's limits here, so the platform
 * never answers 47003. Answers {@code data.sent} true, or false for 43101 (refused / used up: backend falls back to
 * the inbox and SMS); -1 (busy) and every other platform failure answer 50300 and backend tries again later.
 * Neither the openid nor the text is logged.
 */
@Path("/internal/v1/subscribe-messages")
@Produces(MediaType.APPLICATION_JSON)
@Startup
public class SubscribeMessageResource {

    private static final Logger LOG = Logger.getLogger(SubscribeMessageResource.class);

    /** One message: where it goes, which template, the page it opens, the keyword values (untrimmed). */
    public record SendRequest(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,128}") String openid,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String templateId,
            @Size(max = 256) String page,
            @NotNull @Size(min = 1, max = 10) Map<@Pattern(regexp = "[a-z_]+\\d+") String, @NotNull String> data) {
    }

    public record SendResult(boolean sent) {
    }

    private final PlatformService platform;
    private final byte[] secret;

    SubscribeMessageResource(PlatformService platform, InternalConfig config) {
        this.platform = platform;
        this.secret = ("Bearer " + config.secret()).getBytes(StandardCharsets.UTF_8);
        if (InternalConfig.DEV_SECRET.equals(config.secret())) {
            LOG.warn("The internal endpoint uses the public DEVELOPMENT secret: set MINIPROGRAM_INTERNAL_SECRET (in both "
                    + "services) outside the local stack");
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Uni<Envelope<SendResult>> send(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Valid @NotNull SendRequest request) {
        if (authorization == null
                || !MessageDigest.isEqual(secret, authorization.strip().getBytes(StandardCharsets.UTF_8))) {
            throw new GatewayException(ErrorCode.FORBIDDEN, null);
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("touser", request.openid());
        message.put("template_id", request.templateId());
        if (request.page() != null && !request.page().isBlank()) {
            message.put("page", request.page());
        }
        message.put("data", TemplateValues.data(request.data()));
        return platform.sendSubscribeMessage(message).map(sent -> Envelope.ok(new SendResult(sent)));
    }
}

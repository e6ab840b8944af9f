package io.onestop.assistance.miniprogram.api;

import io.onestop.assistance.miniprogram.session.ResidentTokens;
import io.onestop.assistance.miniprogram.session.SessionService;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/mp/v1")
@Tag(name = "session", description = "Login with wx.login and the keys that verify our tokens")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    @Inject
    SessionService sessions;

    @Inject
    ResidentTokens tokens;

    @POST
    @Path("session")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Log in: exchange the wx.login code for a resident token (2 hours; log in again after)")
    @APIResponse(responseCode = "200", description = "errcode 0 with the token; 40001 no code; 40101 code refused "
            + "(call wx.login again); 40300 account restricted by the platform; 42900 rate limited; 50300 platform "
            + "unavailable", content = @Content(examples = {
                    @ExampleObject(name = "ok", value = """
                            {"errcode":0,"errmsg":"ok","data":{"token":"eyJraWQiOi...","tokenType":"Bearer",\
                            "expiresIn":7200,"expiresAt":"2026-11-23T20:00:00Z"}}"""),
                    @ExampleObject(name = "code refused", value = """
                            {"errcode":40101,"errmsg":"登录凭证无效，请重新登录","data":null}""")}))
    public Uni<Envelope<SessionView>> login(@Valid @NotNull SessionRequest request) {
        return sessions.login(request.code().strip()).map(issued -> Envelope.ok(new SessionView(issued.token(),
                "Bearer", Duration.between(issued.issuedAt(), issued.expiresAt()).toSeconds(),
                issued.expiresAt())));
    }

    @GET
    @Path(".well-known/jwks.json")
    @Operation(summary = "The public keys of our resident tokens (JWKS, RFC 7517), fetched by backend; not an envelope")
    @APIResponse(responseCode = "200", description = "The key set", content = @Content(examples = @ExampleObject(
            name = "jwks", value = """
                    {"keys":[{"kty":"RSA","kid":"Zx3...","use":"sig","alg":"RS256","n":"0vx7...","e":"AQAB"}]}""")))
    public Map<String, Object> jwks() {
        return tokens.jwks();
    }
}

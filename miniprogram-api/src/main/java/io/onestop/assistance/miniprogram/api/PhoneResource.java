package io.onestop.assistance.miniprogram.api;

import io.onestop.assistance.miniprogram.backend.BackendClient;
import io.onestop.assistance.miniprogram.backend.BackendException;
import io.onestop.assistance.miniprogram.platform.PlatformException;
import io.onestop.assistance.miniprogram.platform.PlatformService;
import io.onestop.assistance.miniprogram.session.ResidentTokens;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

@Path("/mp/v1/phone")
@Tag(name = "session")
@ResidentOnly
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = Examples.UNAUTHORIZED)
public class PhoneResource {

    @Inject
    PlatformService platform;

    @Inject
    ResidentTokens tokens;

    @RestClient
    BackendClient backend;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Verify my phone number with the getPhoneNumber code and bind it to me (answered masked)",
            description = "The gateway exchanges the code at the platform, then binds the verified number to my "
                    + "resident record in backend (after real-name binding; `bound` says whether it happened). Binding "
                    + "again replaces the number.")
    @APIResponse(responseCode = "200", description = "errcode 0 with the masked number and `bound`; 40001 code missing, "
            + "invalid or expired (ask again); 42900 rate limited; 50300 platform or backend unavailable",
            content = @Content(examples = {
                    @ExampleObject(name = "ok", value = """
                            {"errcode":0,"errmsg":"ok","data":{"phone":"138****5678","countryCode":"86","verified":true,\
                            "bound":true}}"""),
                    @ExampleObject(name = "real-name binding first", value = """
                            {"errcode":0,"errmsg":"ok","data":{"phone":"138****5678","countryCode":"86","verified":true,\
                            "bound":false}}"""),
                    @ExampleObject(name = "code refused", value = """
                            {"errcode":40001,"errmsg":"code: 手机号授权已失效，请重新授权","data":null}""")}))
    public Uni<Envelope<PhoneView>> verify(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Valid @NotNull PhoneRequest request) {
        return platform.phoneNumber(request.code().strip())
                // Unlike a login code, a refused phone code is the request's fault: ask the resident again.
                .onFailure(failure -> failure instanceof PlatformException refused
                        && refused.errcode() == PlatformException.INVALID_CODE)
                .transform(refused -> new GatewayException(ErrorCode.VALIDATION, "code: 手机号授权已失效，请重新授权"))
                .chain(phone -> bind(authorization, phone));
    }

    private Uni<Envelope<PhoneView>> bind(String authorization, PlatformService.PhoneNumber phone) {
        // The filter has checked the resident token, so it is ours and unexpired.
        String assertion = tokens.phoneAssertion(authorization.substring(7).strip(), phone.number(), phone.countryCode());
        if (assertion == null) {
            return Uni.createFrom().failure(new BackendException(401, null));
        }
        return backend.bindPhone("Bearer " + assertion)
                .map(bound -> Envelope.ok(PhoneView.masked(phone.number(), phone.countryCode(), true)))
                .onFailure(BackendException.class).recoverWithUni(failure -> {
                    BackendException refused = (BackendException) failure;
                    if (refused.status() == 409 && refused.problem() != null
                            && refused.problem().path("type").asText().endsWith(":real-name-required")) {
                        return Uni.createFrom().item(Envelope.ok(PhoneView.masked(phone.number(), phone.countryCode(), false)));
                    }
                    return Uni.createFrom().failure(failure);
                });
    }
}

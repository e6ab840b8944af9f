package io.onestop.assistance.miniprogram.api;

import io.onestop.assistance.miniprogram.platform.PlatformException;
import io.onestop.assistance.miniprogram.platform.PlatformService;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/mp/v1/phone")
@Tag(name = "session")
@ResidentOnly
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = Examples.UNAUTHORIZED)
public class PhoneResource {

    @Inject
    PlatformService platform;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Verify the resident's phone number with the getPhoneNumber code (answered masked)")
    @APIResponse(responseCode = "200", description = "errcode 0 with the masked number; 40001 code missing, invalid "
            + "or expired (ask again); 42900 rate limited; 50300 platform unavailable", content = @Content(examples = {
                    @ExampleObject(name = "ok", value = """
                            {"errcode":0,"errmsg":"ok","data":{"phone":"138****5678","countryCode":"86","verified":true}}"""),
                    @ExampleObject(name = "code refused", value = """
                            {"errcode":40001,"errmsg":"code: 手机号授权已失效，请重新授权","data":null}""")}))
    public Uni<Envelope<PhoneView>> verify(@Valid @NotNull PhoneRequest request) {
        return platform.phoneNumber(request.code().strip())
                .map(phone -> Envelope.ok(PhoneView.masked(phone.number(), phone.countryCode())))
                // Unlike a login code, a refused phone code is the request's fault: ask the resident again.
                .onFailure(failure -> failure instanceof PlatformException refused
                        && refused.errcode() == PlatformException.INVALID_CODE)
                .transform(refused -> new GatewayException(ErrorCode.VALIDATION, "code: 手机号授权已失效，请重新授权"));
    }
}

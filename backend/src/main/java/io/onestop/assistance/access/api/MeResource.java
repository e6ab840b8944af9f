package io.onestop.assistance.access.api;

import io.onestop.assistance.access.OwnerKeys;
import io.onestop.assistance.access.ResidentService;
import io.onestop.assistance.access.VerifiedPhone;
import io.onestop.assistance.access.ResidentService.RealName;
import io.onestop.assistance.common.Problem;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me")
@Tag(name = "access")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or expired token")
public class MeResource {

    @Schema(name = "Me", example = """
            {"username":"caseworker1","name":"王 芳","roles":["caseworker"],"agency":"CIVIL_AFFAIRS","regionCode":"140105001",
             "realName":null}""")
    public record Me(String username, String name, List<String> roles, String agency, String regionCode,
            @Schema(description = "Residents: the real-name binding (id number masked), null before binding and for staff",
                    nullable = true) RealName realName) {
    }

    @Schema(name = "RealNameRequest", example = """
            {"nationalId":"110101199003074514","name":"张三"}""")
    public record RealNameRequest(@NotNull String nationalId, @NotNull String name) {
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @Inject
    ResidentService residents;

    @GET
    @Operation(summary = "Who the caller is: name, roles, for staff agency and region scope, for residents the real-name binding")
    @APIResponse(responseCode = "200", description = "The caller")
    public Uni<Me> me() {
        String name = String.join(" ", nonNull(token.getClaim("family_name")), nonNull(token.getClaim("given_name"))).trim();
        return residents.realName(OwnerKeys.residentId(identity)).map(realName -> new Me(
                token.getClaim("preferred_username"),
                name.isEmpty() ? token.getClaim("preferred_username") : name,
                identity.getRoles().stream().sorted().toList(),
                token.getClaim("agency"),
                token.getClaim("regionCode"),
                realName));
    }

    @PUT
    @Path("real-name")
    @RolesAllowed("resident")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Real-name binding: bind this login to the person with this national id (实名认证)",
            description = "Idempotent for the same person. Everything this login owned moves to the person, so their "
                    + "web and mini-program logins see the same drafts, applications and documents. The answer masks "
                    + "the id number.")
    @APIResponse(responseCode = "200", description = "Bound")
    @APIResponse(responseCode = "403", description = "Not a resident")
    @APIResponse(responseCode = "409", description = "This login is already bound to another person",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid id number, or a name that does not match the one on record",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RealName> bind(@NotNull RealNameRequest request) {
        String tenant = identity.getAttribute("tenant-id");
        return residents.bind(OwnerKeys.subject(identity), tenant == null ? "default" : tenant, request.nationalId(), request.name());
    }

    @PUT
    @Path("phone")
    @RolesAllowed("resident")
    @Operation(summary = "Bind the phone number the mini program verified (getPhoneNumber) to my resident record",
            description = "Called by the mini-program gateway only, with a short-lived token of its own that carries "
                    + "the verified number (claim `verified_phone`); no body. A number in a body or in another issuer's "
                    + "token is never trusted. Replaces an earlier number; the answer masks it; the binding is audited.")
    @APIResponse(responseCode = "200", description = "Bound", content = @Content(
            schema = @Schema(implementation = ResidentService.BoundPhone.class), example = """
                    {"phone":"138****5678","countryCode":"86","verifiedAt":"2026-12-05T04:10:00Z"}"""))
    @APIResponse(responseCode = "403", description = "Not a resident, or the token carries no number verified by the mini program",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "No real-name binding yet (type real-name-required): bind the real name first",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ResidentService.BoundPhone> bindPhone() {
        VerifiedPhone phone = VerifiedPhone.of(identity);
        String tenant = identity.getAttribute("tenant-id");
        return residents.bindPhone(OwnerKeys.residentId(identity), OwnerKeys.subject(identity), tenant, phone);
    }

    @DELETE
    @Path("phone")
    @RolesAllowed("resident")
    @Operation(summary = "Remove the verified phone number from my resident record",
            description = "For a number the resident no longer uses: without a phone of their own, an elderly applicant "
                    + "can be given a family delegate by the caseworker. Removing nothing (no number, or no real-name "
                    + "binding yet) is harmless; a removal is audited.")
    @APIResponse(responseCode = "204", description = "No verified phone on my record any more")
    public Uni<Response> removePhone() {
        return residents.removePhone(OwnerKeys.residentId(identity), OwnerKeys.subject(identity))
                .map(ignored -> Response.noContent().build());
    }

    private static String nonNull(Object value) {
        return value == null ? "" : value.toString();
    }
}

package io.onestop.assistance.access.api;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me")
@Tag(name = "access")
@Authenticated
public class MeResource {

    @Schema(name = "Me", example = """
            {"username":"caseworker1","name":"王 芳","roles":["caseworker"],"agency":"CIVIL_AFFAIRS","regionCode":"140105001"}""")
    public record Me(String username, String name, List<String> roles, String agency, String regionCode) {
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Who the caller is: name, roles and, for staff, agency and region scope")
    @APIResponse(responseCode = "200", description = "The caller")
    @APIResponse(responseCode = "401", description = "No or expired token")
    public Uni<Me> me() {
        String name = String.join(" ", nonNull(token.getClaim("family_name")), nonNull(token.getClaim("given_name"))).trim();
        return Uni.createFrom().item(new Me(
                token.getClaim("preferred_username"),
                name.isEmpty() ? token.getClaim("preferred_username") : name,
                identity.getRoles().stream().sorted().toList(),
                token.getClaim("agency"),
                token.getClaim("regionCode")));
    }

    private static String nonNull(Object value) {
        return value == null ? "" : value.toString();
    }
}

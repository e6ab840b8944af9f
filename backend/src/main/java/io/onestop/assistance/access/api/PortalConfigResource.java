package io.onestop.assistance.access.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the single-page app needs to log in; served at runtime so one build fits every deployment. */
@Path("/api/v1/portal-config")
@Tag(name = "access")
@PermitAll
public class PortalConfigResource {

    /** Settings of the web portal's login. */
    @ConfigMapping(prefix = "assistance.portal")
    public interface PortalConfig {
        /** Keycloak realm URL as the browser reaches it. */
        String oidcAuthority();

        /** Public OIDC client of the SPA (authorization code + PKCE). */
        @WithDefault("portal-web")
        String clientId();
    }

    public record PortalSettings(String oidcAuthority, String clientId) {
    }

    @Inject
    PortalConfig config;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Login settings of the web portal")
    public Uni<PortalSettings> settings() {
        return Uni.createFrom().item(new PortalSettings(config.oidcAuthority(), config.clientId()));
    }
}

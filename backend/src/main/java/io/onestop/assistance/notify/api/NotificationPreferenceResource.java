package io.onestop.assistance.notify.api;

import io.onestop.assistance.access.OwnerKeys;
import io.onestop.assistance.common.Problem;
import io.onestop.assistance.notify.PreferenceService;
import io.onestop.assistance.notify.PreferenceService.Preferences;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** How I want to hear of my applications. */
@Path("/api/v1/me/notification-preferences")
@Tag(name = "notify")
@RolesAllowed("resident")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or expired token")
@APIResponse(responseCode = "403", description = "Not a resident")
public class NotificationPreferenceResource {

    @Inject
    PreferenceService preferences;

    @Inject
    SecurityIdentity caller;

    @GET
    @Operation(summary = "My notification preferences (the defaults until I choose)")
    @APIResponse(responseCode = "200", description = "The preferences",
            content = @Content(schema = @Schema(implementation = Preferences.class)))
    public Uni<Preferences> get() {
        return preferences.get(OwnerKeys.of(caller));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Choose the push channels in order (the inbox always gets every message) and whether the "
            + "hotline should phone me, in which hours")
    @APIResponse(responseCode = "200", description = "The stored preferences",
            content = @Content(schema = @Schema(implementation = Preferences.class)))
    @APIResponse(responseCode = "400", description = "Not JSON, or not the preferences",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A repeated or unknown channel, hours without callMeBack, an empty window",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Preferences> put(Preferences requested) {
        return preferences.put(OwnerKeys.of(caller), requested);
    }
}

package io.onestop.assistance.miniprogram.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.onestop.assistance.miniprogram.backend.BackendClient;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

@Path("/mp/v1/programs")
@Tag(name = "programs")
@Produces(MediaType.APPLICATION_JSON)
public class ProgramsResource {

    private static final Logger LOG = Logger.getLogger(ProgramsResource.class);

    @RestClient
    BackendClient backend;

    @GET
    @Operation(summary = "The program catalog (names, agencies, documents), from backend")
    public Uni<Envelope<JsonNode>> programs() {
        return backend.programs()
                .map(Envelope::ok)
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("backend unavailable: %s", failure.getClass().getSimpleName());
                    return Envelope.error(ErrorCode.UPSTREAM_UNAVAILABLE, null);
                });
    }
}

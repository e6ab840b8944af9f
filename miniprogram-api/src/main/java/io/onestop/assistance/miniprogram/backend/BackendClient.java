package io.onestop.assistance.miniprogram.backend;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The backend's API as the gateway uses it; the gateway owns no domain data. */
@RegisterRestClient(configKey = "backend")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface BackendClient {

    @GET
    @Path("/programs")
    Uni<JsonNode> programs();
}

package io.onestop.assistance.miniprogram.api;

import io.onestop.assistance.miniprogram.session.ResidentTokens;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Checks the resident token before a {@link ResidentOnly} endpoint calls backend, so a missing or expired token
 * answers 401 at once (the one non-200 answer of the API) and never costs a backend call. Backend checks it again.
 */
public class ResidentTokenFilter {

    @Inject
    ResidentTokens tokens;

    @ServerRequestFilter
    public Response requireResident(ContainerRequestContext request, SimpleResourceInfo resource) {
        if (resource == null || !resource.getResourceClass().isAnnotationPresent(ResidentOnly.class)) {
            return null;
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && tokens.valid(authorization.substring(7).strip())) {
            return null;
        }
        return loginRequired();
    }

    static Response loginRequired() {
        return Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .type(MediaType.APPLICATION_JSON)
                .entity(Envelope.error(ErrorCode.LOGIN_REQUIRED, null))
                .build();
    }
}

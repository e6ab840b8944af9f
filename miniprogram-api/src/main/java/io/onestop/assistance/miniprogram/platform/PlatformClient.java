package io.onestop.assistance.miniprogram.platform;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The platform API as the gateway calls it (Quarkus REST client, built by {@link PlatformClientProducer}). Answers
 * are read as text: the platform labels some JSON answers {@code text/plain}, and {@link PlatformService} parses
 * only the fields it needs (so {@code session_key} never becomes an object).
 */
@Path("/")
@Produces(MediaType.WILDCARD)
public interface PlatformClient {

    @GET
    @Path("sns/jscode2session")
    Uni<String> codeToSession(@QueryParam("appid") String appId, @QueryParam("secret") String secret,
            @QueryParam("js_code") String code, @QueryParam("grant_type") String grantType);

    @GET
    @Path("cgi-bin/token")
    Uni<String> accessToken(@QueryParam("grant_type") String grantType, @QueryParam("appid") String appId,
            @QueryParam("secret") String secret);

    @POST
    @Path("wxa/business/getuserphonenumber")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<String> phoneNumber(@QueryParam("access_token") String accessToken, java.util.Map<String, String> body);

    @POST
    @Path("cgi-bin/message/subscribe/send")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<String> sendSubscribeMessage(@QueryParam("access_token") String accessToken,
            java.util.Map<String, Object> message);
}

package io.onestop.assistance.testing;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real access tokens from the real Keycloak, by password grant of the local-only {@code portal-cli} client. */
public final class Tokens {

    public static final String PASSWORD = "demo1234";
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** A token for a demo user; cached because the realm issues them for 15 minutes. */
    public static String of(String username) {
        return CACHE.computeIfAbsent(username, Tokens::fetch);
    }

    private static String fetch(String username) {
        return given()
                .formParam("grant_type", "password")
                .formParam("client_id", "portal-cli")
                .formParam("username", username)
                .formParam("password", PASSWORD)
                .formParam("scope", "openid")
                .when().post(LocalStack.get("OIDC_AUTH_SERVER_URL") + "/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }
}

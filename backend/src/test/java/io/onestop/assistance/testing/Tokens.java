package io.onestop.assistance.testing;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Real access tokens from the real Keycloak, by password grant of the local-only {@code portal-cli} client. */
public final class Tokens {

    public static final String PASSWORD = "demo1234";
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();
    private static final Map<String, String> STAFF = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** A token for a demo user; cached because the realm issues them for 15 minutes. */
    public static String of(String username) {
        return CACHE.computeIfAbsent(username, Tokens::fetch);
    }

    /**
     * A token of a brand-new resident, created now in the real Keycloak through its admin API: for tests that need a
     * login nobody has used yet (real-name binding is permanent, so the demo users cannot serve twice).
     */
    public static String newResident() {
        return fetch(newUser("resident", Map.of()));
    }

    /**
     * A token of a brand-new staff member of this role, agency and region (the attributes the realm maps into the
     * token), for scopes the demo users do not cover, e.g. a caseworker of another agency. Cached per combination.
     */
    public static String newStaff(String role, String agency, String regionCode) {
        String username = STAFF.computeIfAbsent(role + "|" + agency + "|" + regionCode,
                key -> newUser(role, Map.of("agency", List.of(agency), "regionCode", List.of(regionCode))));
        return of(username);
    }

    private static String newUser(String role, Map<String, List<String>> attributes) {
        String admin = given()
                .formParam("grant_type", "password")
                .formParam("client_id", "admin-cli")
                .formParam("username", "admin")
                .formParam("password", "admin")
                .when().post(LocalStack.get("KEYCLOAK_URL") + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
        String users = LocalStack.get("KEYCLOAK_URL") + "/admin/realms/assistance";
        String username = "test-" + UUID.randomUUID();
        String location = given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("username", username, "enabled", true, "emailVerified", true, "firstName", "测试",
                        "lastName", "用户", "email", username + "@test.assistance.local", "attributes", attributes,
                        "credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false))))
                .when().post(users + "/users")
                .then().statusCode(201)
                .extract().header("Location");
        Object realmRole = given().auth().oauth2(admin).when().get(users + "/roles/" + role)
                .then().statusCode(200).extract().as(Map.class);
        given().auth().oauth2(admin).contentType("application/json").body(List.of(realmRole))
                .when().post(location + "/role-mappings/realm")
                .then().statusCode(204);
        return username;
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

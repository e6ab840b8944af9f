package io.onestop.assistance.access.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.onestop.assistance.testing.LocalStackResource;
import io.onestop.assistance.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Real tokens from the real Keycloak: accepted, refused without, and staff claims come through. */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class MeResourceTest {

    @Test
    void answersTheCallerWithARealKeycloakToken() {
        given().auth().oauth2(Tokens.of("resident1"))
                .when().get("/api/v1/me")
                .then().statusCode(200)
                .body("username", equalTo("resident1"))
                .body("roles", hasItem("resident"));
    }

    @Test
    void carriesAgencyAndRegionOfStaff() {
        given().auth().oauth2(Tokens.of("caseworker1"))
                .when().get("/api/v1/me")
                .then().statusCode(200)
                .body("roles", hasItem("caseworker"))
                .body("agency", equalTo("CIVIL_AFFAIRS"))
                .body("regionCode", equalTo("140105001"));
    }

    @Test
    void refusesAMissingOrForgedToken() {
        given().when().get("/api/v1/me").then().statusCode(401);
        given().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")
                .when().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void servesTheSpaLoginSettingsWithoutLogin() {
        given().when().get("/api/v1/portal-config")
                .then().statusCode(200)
                .body("clientId", equalTo("portal-web"));
    }
}

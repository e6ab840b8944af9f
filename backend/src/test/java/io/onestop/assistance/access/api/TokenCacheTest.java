package io.onestop.assistance.access.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onestop.assistance.testing.LocalStackResource;
import io.onestop.assistance.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The verified-token cache (access.VerifiedTokens) in front of the real Keycloak's tokens: a token keeps working on
 * repeated use, and a token that differs from a remembered one in any byte is verified and refused.
 */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class TokenCacheTest {

    @Test
    void aRepeatedTokenKeepsItsIdentity() {
        String token = Tokens.of("resident1");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).when().get("/api/v1/me")
                    .then().statusCode(200).body("username", equalTo("resident1"));
        }
    }

    @Test
    void aRememberedTokenWithAnotherPayloadIsRefused() {
        String token = Tokens.of("resident1");
        given().auth().oauth2(token).when().get("/api/v1/me").then().statusCode(200);
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String other = payload.replace("\"preferred_username\":\"resident1\"", "\"preferred_username\":\"resident2\"");
        assertTrue(!other.equals(payload), "the payload names resident1");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(other.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        given().auth().oauth2(forged).when().get("/api/v1/me").then().statusCode(401);
        given().auth().oauth2(token + "x").when().get("/api/v1/me").then().statusCode(401);
        given().auth().oauth2(token).when().get("/api/v1/me").then().statusCode(200);
    }
}

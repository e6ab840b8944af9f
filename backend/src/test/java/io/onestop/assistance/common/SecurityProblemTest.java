package io.onestop.assistance.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.onestop.assistance.testing.LocalStackResource;
import io.onestop.assistance.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Refusals by the security layer are problem+json like every other error (the fault runs' fuzz found empty 401 and
 * 403 bodies).
 */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class SecurityProblemTest {

    @Test
    void missingLoginIs401ProblemWithBearerChallenge() {
        given().when().get("/api/v1/drafts")
                .then().statusCode(401)
                .contentType(startsWith(Problem.MEDIA_TYPE))
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("urn:assistance:problem:unauthenticated"));
    }

    @Test
    void wrongRoleIs403Problem() {
        given().auth().oauth2(Tokens.of("resident1")).when().get("/api/v1/cases")
                .then().statusCode(403)
                .contentType(startsWith(Problem.MEDIA_TYPE))
                .body("type", equalTo("urn:assistance:problem:forbidden"));
    }
}

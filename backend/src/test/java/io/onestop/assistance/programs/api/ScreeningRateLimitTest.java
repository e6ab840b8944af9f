package io.onestop.assistance.programs.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import io.onestop.assistance.testing.LocalStackResource;
import io.onestop.assistance.testing.TestData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** The public calculator is rate limited per client address (here 2 at once, then 1 a minute). */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
@TestProfile(ScreeningLimits.Strict.class)
class ScreeningRateLimitTest {

    @Test
    void answers429WithRetryAfterOnceTheBurstIsSpent() {
        for (int i = 0; i < 2; i++) {
            given().contentType(ContentType.JSON).body(TestData.HOUSEHOLD_WELL_OFF)
                    .when().post("/api/v1/screenings").then().statusCode(200);
        }
        String retryAfter = given().contentType(ContentType.JSON).body(TestData.HOUSEHOLD_WELL_OFF)
                .when().post("/api/v1/screenings")
                .then().statusCode(429).contentType("application/problem+json")
                .body("status", equalTo(429))
                .extract().header("Retry-After");
        org.hamcrest.MatcherAssert.assertThat(Integer.parseInt(retryAfter), greaterThan(0));
    }

    @Test
    void countsEachClientBehindATrustedProxySeparately() {
        for (int i = 0; i < 2; i++) {
            given().header("X-Forwarded-For", "203.0.113.7").contentType(ContentType.JSON).body(TestData.HOUSEHOLD_WELL_OFF)
                    .when().post("/api/v1/screenings").then().statusCode(200);
        }
        given().header("X-Forwarded-For", "203.0.113.7").contentType(ContentType.JSON).body(TestData.HOUSEHOLD_WELL_OFF)
                .when().post("/api/v1/screenings").then().statusCode(429);
        // another resident behind the same gateway still has their own budget
        given().header("X-Forwarded-For", "203.0.113.8").contentType(ContentType.JSON).body(TestData.HOUSEHOLD_WELL_OFF)
                .when().post("/api/v1/screenings").then().statusCode(200);
    }
}

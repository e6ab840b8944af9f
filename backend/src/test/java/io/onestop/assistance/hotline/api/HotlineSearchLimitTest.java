package io.onestop.assistance.hotline.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onestop.assistance.hotline.HotlineConfig;
import io.onestop.assistance.testing.LocalStackResource;
import io.onestop.assistance.testing.OwnerSql;
import io.onestop.assistance.testing.TestClock;
import io.onestop.assistance.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One hotline staff member may search only so many residents an hour (counted in the database, so across
 * instances); the refusal is a 429 with Retry-After and an audited denial, and other staff keep searching.
 */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class HotlineSearchLimitTest {

    @Inject
    HotlineConfig config;

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aStaffMembersSearchesAreLimitedPerHour() {
        // at the start of an hour of its own: the windows are fixed, a loop crossing a boundary would count afresh
        clock.set(Instant.parse("2034-01-01T00:00:01Z").plus(Duration.ofHours(ThreadLocalRandom.current().nextInt(50_000))));
        String token = Tokens.newStaff("hotline", "CIVIL_AFFAIRS", "140105");
        String call = verifiedCall(token);
        for (int i = 0; i < config.searchesPerHour(); i++) {
            assertEquals(200, search(token, call).statusCode(), "search " + (i + 1));
        }
        Response refused = search(token, call);
        assertEquals(429, refused.statusCode());
        assertEquals("application/problem+json", refused.contentType());
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter > 3000 && retryAfter <= 3600, "Retry-After " + retryAfter);
        assertEquals("DENIED", OwnerSql.queryString("select result from audit_event where action = 'HOTLINE_SEARCH' "
                + "and object_id = '" + call + "'"));
        // another call handler is not held back by this one
        assertEquals(200, search(Tokens.of("hotline1"), verifiedCall(Tokens.of("hotline1"))).statusCode());
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static String verifiedCall(String token) {
        String callId = as(token).body("{\"callReference\":\"12345-L-" + UUID.randomUUID().toString().substring(0, 8)
                        + "\",\"line\":\"12345\"}")
                .when().post("/api/v1/hotline/calls").then().statusCode(201).extract().path("id");
        as(token).body("""
                        {"questionsAnswered":[{"question":"FULL_NAME","correct":true},{"question":"BIRTH_DATE","correct":true}],
                         "reason":"来电人询问本人申请进度"}""")
                .when().post("/api/v1/hotline/calls/" + callId + "/verification").then().statusCode(200)
                .body("verified", equalTo(true));
        return callId;
    }

    private static Response search(String token, String callId) {
        String phone = "137" + "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
        return as(token).body("{\"phone\":\"" + phone + "\"}")
                .when().post("/api/v1/hotline/calls/" + callId + "/searches").then().extract().response();
    }
}

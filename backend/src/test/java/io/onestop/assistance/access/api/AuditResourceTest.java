package io.onestop.assistance.access.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.onestop.assistance.access.AuditLog;
import io.onestop.assistance.testing.LocalStackResource;
import io.onestop.assistance.testing.OnVertx;
import io.onestop.assistance.testing.Tokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The auditor reads the real audit log through the API and checks its chain. */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class AuditResourceTest {

    @Inject
    AuditLog audit;

    @Inject
    Vertx vertx;

    private void record(String objectId, String action) {
        OnVertx.await(vertx, () -> Panache.withTransaction(() -> Panache.getSession().chain(session -> audit.record(session,
                new AuditLog.Entry("subject-2", "hotline", action, "INTAKE", objectId, "OK", "12345-0001")))));
    }

    @Test
    void theAuditorPagesThroughEventsOfOneObjectNewestFirst() {
        String objectId = UUID.randomUUID().toString();
        record(objectId, "LOOKUP");
        record(objectId, "READ_STATUS");
        record(objectId, "HANDOFF");
        String next = given().auth().oauth2(Tokens.of("auditor1"))
                .queryParam("objectType", "INTAKE").queryParam("objectId", objectId).queryParam("limit", 2)
                .when().get("/api/v1/audit/events")
                .then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].action", equalTo("HANDOFF"))
                .body("items[1].action", equalTo("READ_STATUS"))
                .body("items[0].reason", equalTo("12345-0001"))
                .body("next", notNullValue())
                .extract().path("next");
        given().auth().oauth2(Tokens.of("auditor1"))
                .queryParam("objectId", objectId).queryParam("cursor", next)
                .when().get("/api/v1/audit/events")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].action", equalTo("LOOKUP"));
    }

    @Test
    void theChainOfTheWholeLogIsIntact() {
        record(UUID.randomUUID().toString(), "LOOKUP");
        given().auth().oauth2(Tokens.of("auditor1"))
                .when().get("/api/v1/audit/verification")
                .then().statusCode(200)
                .body("intact", equalTo(true))
                .body("newestHash", notNullValue());
    }

    @Test
    void refusesMalformedFilters() {
        for (String[] bad : new String[][] {{"limit", "0"}, {"limit", "500"}, {"from", "yesterday"}, {"cursor", "abc"}}) {
            given().auth().oauth2(Tokens.of("auditor1")).queryParam(bad[0], bad[1])
                    .when().get("/api/v1/audit/events")
                    .then().statusCode(422).body("errors[0].field", equalTo(bad[0]));
        }
    }
}

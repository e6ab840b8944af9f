package io.onestop.assistance.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.onestop.assistance.documents.Applications;
import io.onestop.assistance.testing.LocalStackResource;
import io.onestop.assistance.testing.OwnerSql;
import io.onestop.assistance.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Refusals are audited: a role refusal (403) and a login reaching for someone else's intake (404). */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class DenialAuditTest {

    @Test
    void aRoleRefusalIsAnAuditedDenial() {
        String path = "/api/v1/audit/events";
        long before = denials("REQUEST", "GET " + path);
        given().auth().oauth2(Tokens.of("caseworker2")).when().get(path).then().statusCode(403);
        assertEquals(before + 1, denials("REQUEST", "GET " + path));
        assertEquals("caseworker", OwnerSql.queryString("select role from audit_event where action = 'REQUEST' "
                + "and reason = 'GET " + path + "' order by id desc limit 1"));
        given().auth().oauth2(Tokens.of("auditor1")).when().get("/api/v1/audit/verification")
                .then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void anotherResidentsIntakeIsADeniedAccessAndStill404() {
        String intakeId = Applications.intake("resident1");
        given().auth().oauth2(Tokens.of("resident2")).when().get("/api/v1/intakes/" + intakeId + "/status")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.of("caseworker2")).when().get("/api/v1/intakes/" + intakeId + "/checklist")
                .then().statusCode(404);
        assertEquals("2", OwnerSql.queryString("select count(*) from audit_event where action = 'ACCESS_INTAKE' "
                + "and result = 'DENIED' and object_id = '" + intakeId + "'"));
        // the owner's own reads are not denials
        given().auth().oauth2(Tokens.of("resident1")).when().get("/api/v1/intakes/" + intakeId + "/status")
                .then().statusCode(200);
        assertEquals("2", OwnerSql.queryString("select count(*) from audit_event where action = 'ACCESS_INTAKE' "
                + "and object_id = '" + intakeId + "'"));
    }

    private static long denials(String action, String reason) {
        return Long.parseLong(OwnerSql.queryString("select count(*) from audit_event where action = '" + action
                + "' and result = 'DENIED' and reason = '" + reason + "'"));
    }
}

package io.onestop.assistance.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.onestop.assistance.delegation.Family;
import io.onestop.assistance.delegation.Family.Person;
import io.onestop.assistance.documents.Applications;
import io.onestop.assistance.documents.TestFiles;
import io.onestop.assistance.testing.LocalStackResource;
import io.onestop.assistance.testing.OwnerSql;
import io.onestop.assistance.testing.TestData;
import io.onestop.assistance.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Refusals are audited: a role refusal (403), a login reaching for someone else's intake (404), a family delegate
 * asking for more than its scope allows (404, the row naming the delegation and the scope), staff reaching for a case
 * outside their area (404), and a reveal there (with the reason given).
 */
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

    @Test
    void aDelegateAskingBeyondItsScopeIsADeniedAccessNamingTheDelegationAndScope() {
        Person owner = Family.bound("张伟");
        String intakeId = Family.intake(owner, Family.freshPhone()).getString("id");
        String intake = "/api/v1/intakes/" + intakeId;
        Person viewer = Family.bound("张强");
        String delegationId = Family.grant(owner, intakeId, viewer, Family.freshPhone(), "VIEW_STATUS",
                LocalDate.now().plusMonths(1)).path("id");
        String document = given().auth().oauth2(owner.token())
                .multiPart("file", "p.pdf", TestFiles.pdf(), "application/pdf").multiPart("type", "INCOME_PROOF")
                .when().post(intake + "/documents").then().statusCode(201).extract().path("id");

        // within the scope: allowed, and no denial
        given().auth().oauth2(viewer.token()).when().get(intake + "/status").then().statusCode(200);
        assertEquals("0", OwnerSql.queryString("select count(*) from audit_event where result = 'DENIED' and object_id = '"
                + intakeId + "'"));
        // beyond it: the same 404 as a stranger, each one an audited denial with the delegation and its scope
        given().auth().oauth2(viewer.token()).multiPart("file", "q.pdf", TestFiles.pdf(), "application/pdf")
                .multiPart("type", "OTHER").when().post(intake + "/documents").then().statusCode(404);
        given().auth().oauth2(viewer.token()).when().get(intake + "/documents/" + document + "/download-url")
                .then().statusCode(404);
        given().auth().oauth2(viewer.token()).when().get(intake + "/checklist").then().statusCode(404);
        given().auth().oauth2(viewer.token()).when().post(intake + "/withdrawal").then().statusCode(404);
        given().auth().oauth2(viewer.token()).when().get(intake).then().statusCode(404);
        given().auth().oauth2(viewer.token()).when().get(intake + "/delegations").then().statusCode(404);
        given().auth().oauth2(viewer.token()).contentType("application/json")
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .body("{\"household\":" + TestData.HOUSEHOLD_A + "}").when().post(intake + "/revisions").then().statusCode(404);

        List<String> actions = List.of(OwnerSql.queryString("select string_agg(action || ' ' || role || ' ' || reason, "
                + "'|' order by id) from audit_event where result = 'DENIED' and object_type = 'INTAKE' and object_id = '"
                + intakeId + "'").split("\\|"));
        String scope = "delegate delegation " + delegationId + ", scope VIEW_STATUS does not allow ";
        assertEquals(List.of("DELEGATE_UPLOAD_DOCUMENT " + scope + "UPLOAD_DOCUMENTS",
                "DELEGATE_VIEW_DOCUMENT " + scope + "DOWNLOAD_DOCUMENTS",
                "DELEGATE_VIEW_DOCUMENT_DETAILS " + scope + "LIST_DOCUMENTS",
                "DELEGATE_WITHDRAW_INTAKE " + scope + "WITHDRAW",
                "DELEGATE_READ_APPLICATION " + scope + "READ_APPLICATION",
                "DELEGATE_MANAGE_DELEGATIONS " + scope + "MANAGE_DELEGATIONS",
                "DELEGATE_REVISE_INTAKE " + scope + "REVISE"), actions);
        // a denial is a row of the chain like any other
        given().auth().oauth2(Tokens.of("auditor1")).when().get("/api/v1/audit/verification")
                .then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void aRevealOutsideTheCallersScopeIsADeniedRevealWithTheReasonGiven() {
        String caseId = Family.intake(Family.bound("张伟"), Family.freshPhone())
                .getString("cases.find { it.agency == 'CIVIL_AFFAIRS' }.id");
        given().auth().oauth2(Tokens.of("caseworker2")).contentType("application/json")
                .body("{\"reason\":\"核实银行账户信息\"}").when().post("/api/v1/cases/" + caseId + "/applicant/reveal")
                .then().statusCode(404);
        assertEquals("caseworker DENIED 核实银行账户信息", OwnerSql.queryString("select role || ' ' || result || ' ' || reason "
                + "from audit_event where action = 'REVEAL_PERSONAL_DATA' and object_id = '" + caseId + "'"));
    }

    @Test
    void aCaseOutsideTheStaffMembersAreaIsADeniedAccessAnUnknownOneIsNot() {
        String caseId = Family.intake(Family.bound("张伟"), Family.freshPhone())
                .getString("cases.find { it.agency == 'CIVIL_AFFAIRS' }.id");
        given().auth().oauth2(Tokens.of("caseworker2")).when().get("/api/v1/cases/" + caseId).then().statusCode(404);
        given().auth().oauth2(Tokens.of("caseworker2")).contentType("application/json").header("If-Match", "\"1\"")
                .body("{\"to\":\"ACCEPTED\"}").when().post("/api/v1/cases/" + caseId + "/transitions").then().statusCode(404);
        assertEquals("2", OwnerSql.queryString("select count(*) from audit_event where action = 'ACCESS_CASE' "
                + "and result = 'DENIED' and role = 'caseworker' and object_id = '" + caseId + "'"));
        String unknown = java.util.UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.of("caseworker2")).when().get("/api/v1/cases/" + unknown).then().statusCode(404);
        assertEquals("0", OwnerSql.queryString("select count(*) from audit_event where object_id = '" + unknown + "'"));
        // in scope: read, not denied
        given().auth().oauth2(Tokens.of("caseworker1")).when().get("/api/v1/cases/" + caseId).then().statusCode(200);
        assertEquals("2", OwnerSql.queryString("select count(*) from audit_event where action = 'ACCESS_CASE' "
                + "and object_id = '" + caseId + "'"));
    }

    private static long denials(String action, String reason) {
        return Long.parseLong(OwnerSql.queryString("select count(*) from audit_event where action = '" + action
                + "' and result = 'DENIED' and reason = '" + reason + "'"));
    }
}

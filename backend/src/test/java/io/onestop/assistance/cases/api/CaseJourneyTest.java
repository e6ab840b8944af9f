package io.onestop.assistance.cases.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onestop.assistance.cases.CaseFixtures;
import io.onestop.assistance.documents.TestFiles;
import io.onestop.assistance.testing.LocalStackResource;
import io.onestop.assistance.testing.TestClock;
import io.onestop.assistance.testing.TestData;
import io.onestop.assistance.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Done when: a caseworker and an approver, logged in through Keycloak, take a case from submission to closure
 * (including a request for documents answered by the resident), and the resident's status view shows each step, its
 * deadline and their to-dos at every point. Time moves with the test clock.
 */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class CaseJourneyTest {

    /** The seeded demo spouse (born 1988-05-10): records show more income than declared and a car. */
    private static final String SPOUSE_ID = "140105198805100020";

    @Inject
    TestClock clock;

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    private String etag;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    private ExtractableResponse<Response> move(String user, String caseId, String body) {
        ExtractableResponse<Response> answer = given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON)
                .header("If-Match", etag).body(body)
                .when().post("/api/v1/cases/" + caseId + "/transitions").then().extract();
        if (answer.statusCode() == 200) {
            etag = answer.header("ETag");
        }
        return answer;
    }

    private ValidatableResponse moveOk(String user, String caseId, String to) {
        ExtractableResponse<Response> answer = move(user, caseId, "{\"to\":\"" + to + "\"}");
        assertEquals(200, answer.statusCode(), answer.asString());
        return given().auth().oauth2(Tokens.of(user)).when().get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("step", equalTo(to));
    }

    private ValidatableResponse status(String intakeId) {
        return given().auth().oauth2(Tokens.of("resident1")).when().get("/api/v1/intakes/" + intakeId + "/status")
                .then().statusCode(200);
    }

    private static String mla(String path) {
        return "cases.find { it.program == 'MINIMUM_LIVING_ALLOWANCE' }." + path;
    }

    @Test
    void fromSubmissionToClosureWithARequestForDocumentsAndTheResidentsViewAtEveryStep() {
        clock.set(Instant.parse("2026-11-30T01:00:00Z")); // Monday 30 Nov 2026, 09:00 in China
        String nationalId = TestData.nationalId();
        ExtractableResponse<Response> submitted = CaseFixtures.submit("resident1", TestData.HOUSEHOLD_A, nationalId);
        String intakeId = submitted.path("id");
        String caseId = submitted.path(mla("id"));

        // submitted: acceptance due in 5 working days; the spouse (an adult) has not signed the consent yet
        status(intakeId)
                .body("intakeNumber", equalTo(submitted.path("intakeNumber")))
                .body("overallState", equalTo("ACTION_NEEDED"))
                .body(mla("step"), equalTo("SUBMITTED"))
                .body(mla("deadline.kind"), equalTo("ACCEPTANCE"))
                .body(mla("deadline.text.en"), equalTo("acceptance due by 7 Dec"))
                .body(mla("deadline.text.zh"), equalTo("受理期限至 12月7日"))
                .body("todos.find { it.kind == 'CONSENT_MISSING' }.members", equalTo(java.util.List.of("m2")))
                .body(not(containsString(nationalId)));

        // scope: the township caseworker and the county approver of 140105 see it; another county's caseworker does not
        etag = given().auth().oauth2(Tokens.of("caseworker1")).when().get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("applicant.nationalId", not(equalTo(nationalId)))
                .body("nextSteps.find { it.to == 'ACCEPTED' }.yours", equalTo(true))
                .body(not(containsString(nationalId)))
                .extract().header("ETag");
        given().auth().oauth2(Tokens.of("approver1")).when().get("/api/v1/cases/" + caseId).then().statusCode(200);
        given().auth().oauth2(Tokens.of("caseworker2")).when().get("/api/v1/cases/" + caseId).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("caseworker2")).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"to\":\"ACCEPTED\"}").when().post("/api/v1/cases/" + caseId + "/transitions").then().statusCode(404);

        // refused moves: not in the workflow, a stale version, no version
        assertEquals(409, move("caseworker1", caseId, "{\"to\":\"APPROVED\"}").statusCode());
        given().auth().oauth2(Tokens.of("caseworker1")).contentType(ContentType.JSON).header("If-Match", "\"99\"")
                .body("{\"to\":\"ACCEPTED\"}").when().post("/api/v1/cases/" + caseId + "/transitions")
                .then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("caseworker1")).contentType(ContentType.JSON)
                .body("{\"to\":\"ACCEPTED\"}").when().post("/api/v1/cases/" + caseId + "/transitions").then().statusCode(428);
        given().auth().oauth2(Tokens.of("caseworker1")).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"to\":\"SOMEWHERE\"}").when().post("/api/v1/cases/" + caseId + "/transitions").then().statusCode(422);

        // accepted: the decision is due 30 working days later
        moveOk("caseworker1", caseId, "ACCEPTED")
                .body("deadline.kind", equalTo("DECISION"))
                .body("deadline.date", equalTo("2027-01-11"));
        status(intakeId).body(mla("deadline.text.en"), equalTo("decision due by 11 Jan 2027"));

        // a request for documents: the clock pauses, the resident sees what to provide
        ExtractableResponse<Response> returned = move("caseworker1", caseId,
                "{\"to\":\"RETURNED\",\"note\":\"请补充近 6 个月的收入证明\",\"documents\":[\"INCOME_PROOF\"]}");
        assertEquals(200, returned.statusCode(), returned.asString());
        assertEquals(1, new CaseFixtures(pool, vertx).count("""
                select count(*) from outbox_event where aggregate_id = $1 and payload ->> 'to' = 'RETURNED'
                  and payload -> 'documents' ? 'INCOME_PROOF'""", UUID.fromString(caseId)));
        status(intakeId)
                .body(mla("step"), equalTo("RETURNED"))
                .body(mla("deadline.kind"), equalTo("PAUSED"))
                .body("todos.find { it.kind == 'DOCUMENTS_REQUESTED' }.documents", equalTo(java.util.List.of("INCOME_PROOF")))
                .body("todos.find { it.kind == 'DOCUMENTS_REQUESTED' }.text.zh", containsString("收入证明"))
                .body("timeline.find { it.to == 'RETURNED' }.note", equalTo("请补充近 6 个月的收入证明"))
                .body("timeline.find { it.to == 'RETURNED' }.actorSubject", nullValue());
        // ...and the same request is on the intake's document checklist, with the caseworker's words
        given().auth().oauth2(Tokens.of("resident1")).when().get("/api/v1/intakes/" + intakeId + "/checklist")
                .then().statusCode(200)
                .body("items.find { it.type == 'INCOME_PROOF' }.status", equalTo("MISSING"))
                .body("items.find { it.type == 'INCOME_PROOF' }.requests[0].caseId", equalTo(caseId))
                .body("items.find { it.type == 'INCOME_PROOF' }.requests[0].reason.zh", equalTo("请补充近 6 个月的收入证明"));
        given().auth().oauth2(Tokens.of("resident1"))
                .multiPart("file", "income.pdf", TestFiles.pdf(), "application/pdf").multiPart("type", "INCOME_PROOF")
                .when().post("/api/v1/intakes/" + intakeId + "/documents").then().statusCode(201);
        given().auth().oauth2(Tokens.of("resident1")).when().get("/api/v1/intakes/" + intakeId + "/checklist")
                .then().statusCode(200)
                .body("items.find { it.type == 'INCOME_PROOF' }.status", equalTo("UPLOADED"))
                .body("items.find { it.type == 'INCOME_PROOF' }.requests", hasSize(0));

        // two working days later the resident answers: back to ACCEPTED, the limit moves by two working days
        clock.advance(Duration.ofDays(2));
        given().auth().oauth2(Tokens.of("resident1")).contentType(ContentType.JSON).body("{\"note\":\"已上传\"}")
                .when().post("/api/v1/intakes/" + intakeId + "/cases/" + caseId + "/resubmission")
                .then().statusCode(200).body("step", equalTo("ACCEPTED")).body("deadline.date", equalTo("2027-01-13"));
        given().auth().oauth2(Tokens.of("resident1")).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/intakes/" + intakeId + "/cases/" + caseId + "/resubmission").then().statusCode(409);
        given().auth().oauth2(Tokens.of("resident2")).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/intakes/" + intakeId + "/cases/" + caseId + "/resubmission").then().statusCode(404);
        status(intakeId).body("todos.kind", not(hasItem("DOCUMENTS_REQUESTED")));
        etag = given().auth().oauth2(Tokens.of("caseworker1")).when().get("/api/v1/cases/" + caseId).then()
                .extract().header("ETag");

        // verification: refused until every adult has consented
        moveOk("caseworker1", caseId, "VERIFYING");
        given().auth().oauth2(Tokens.of("caseworker1")).when().post("/api/v1/cases/" + caseId + "/verification")
                .then().statusCode(409).body("type", equalTo("urn:assistance:problem:consent-missing"))
                .body("detail", containsString("m2 (SPOUSE)"));
        given().auth().oauth2(Tokens.of("approver1")).when().post("/api/v1/cases/" + caseId + "/verification").then().statusCode(403);
        assertEquals(409, move("caseworker1", caseId, "{\"to\":\"HOME_VISIT\"}").statusCode(), "not verified yet");
        given().auth().oauth2(Tokens.of("resident1")).contentType(ContentType.JSON)
                .body("{\"nationalId\":\"" + TestData.nationalId() + "\"}")
                .when().put("/api/v1/intakes/" + intakeId + "/verification-consents/m2")
                .then().statusCode(422).body("errors.field", hasItem("nationalId"));
        given().auth().oauth2(Tokens.of("resident1")).contentType(ContentType.JSON)
                .body("{\"nationalId\":\"" + SPOUSE_ID + "\"}")
                .when().put("/api/v1/intakes/" + intakeId + "/verification-consents/m3").then().statusCode(422);
        given().auth().oauth2(Tokens.of("resident1")).contentType(ContentType.JSON)
                .body("{\"nationalId\":\"" + SPOUSE_ID + "\",\"channel\":\"ONLINE\"}")
                .when().put("/api/v1/intakes/" + intakeId + "/verification-consents/m2")
                .then().statusCode(201).body("complete", equalTo(true)).body(not(containsString(SPOUSE_ID)));
        status(intakeId).body("todos.kind", not(hasItem("CONSENT_MISSING"))).body("overallState", equalTo("IN_PROGRESS"));
        given().auth().oauth2(Tokens.of("caseworker1")).when().post("/api/v1/cases/" + caseId + "/verification")
                .then().statusCode(200)
                .body("members.find { it.memberId == 'm2' }.checks.find { it.field == 'MONTHLY_INCOME' }.outcome", equalTo("DISCREPANCY"))
                .body("members.find { it.memberId == 'm2' }.checks.find { it.field == 'MONTHLY_INCOME' }.recorded", equalTo(1500))
                .body("members.find { it.memberId == 'm2' }.checks.find { it.field == 'SOCIAL_INSURANCE' }.outcome", equalTo("MATCH"))
                .body("members.find { it.memberId == 'm3' }.checked", equalTo(false))
                .body("household.find { it.field == 'VEHICLES' }.outcome", equalTo("DISCREPANCY"))
                .body("discrepancies", equalTo(2));
        given().auth().oauth2(Tokens.of("caseworker1")).when().get("/api/v1/cases/" + caseId).then()
                .body("verification.discrepancies", equalTo(2));

        // home visit, community review, public notice (Wednesday 2 Dec: it ends on 9 Dec)
        moveOk("caseworker1", caseId, "HOME_VISIT");
        moveOk("caseworker1", caseId, "COMMUNITY_REVIEW");
        moveOk("caseworker1", caseId, "PUBLIC_NOTICE");
        status(intakeId)
                .body(mla("deadline.kind"), equalTo("PUBLIC_NOTICE_ENDS"))
                .body(mla("deadline.text.zh"), equalTo("公示期至 12月9日"))
                .body(mla("deadline.text.en"), equalTo("public notice ends 9 Dec"))
                .body("todos.find { it.kind == 'OBJECTION_WINDOW' }.until", equalTo("2026-12-09"));
        String noticeId = new CaseFixtures(pool, vertx).row("select notice_id::text from program_case where id = $1",
                UUID.fromString(caseId)).getString(0);
        given().when().get("/api/v1/public-notices?regionCode=140105").then().statusCode(200)
                .body("find { it.noticeId == '" + noticeId + "' }.applicantName", equalTo("张*"))
                .body("find { it.noticeId == '" + noticeId + "' }.proposedAmount", equalTo(1107))
                .body(not(containsString("张伟"))).body(not(containsString(caseId)));
        given().contentType(ContentType.JSON).body("{\"text\":\"该户有一辆货车未申报。\"}")
                .when().post("/api/v1/public-notices/" + noticeId + "/objections").then().statusCode(201);
        given().contentType(ContentType.JSON).body("{\"text\":\"\"}")
                .when().post("/api/v1/public-notices/" + noticeId + "/objections").then().statusCode(422);
        given().auth().oauth2(Tokens.of("approver1")).when().get("/api/v1/cases/" + caseId).then()
                .body("objections", hasSize(1));
        status(intakeId).body("timeline.action", not(hasItem("OBJECTION")));

        // the decision waits for the end of the notice, and only an approver takes it
        assertEquals(409, move("approver1", caseId, "{\"to\":\"APPROVED\"}").statusCode());
        clock.advance(Duration.ofDays(8)); // Thursday 10 Dec
        assertEquals(403, move("caseworker1", caseId, "{\"to\":\"APPROVED\"}").statusCode());
        moveOk("approver1", caseId, "APPROVED")
                .body("decision.parameterVersion", equalTo("140105@2025-01-01"))
                .body("decision.intakeRevision", equalTo(1))
                .body("decision.estimateAmount", equalTo(1107))
                .body("deadline.kind", equalTo("PAYMENT"));
        assertEquals(1, new CaseFixtures(pool, vertx).count(
                "select count(*) from audit_event where object_id = $1 and action = 'DECIDE_CASE'", caseId));
        status(intakeId).body(mla("step"), equalTo("APPROVED")).body(mla("decision.outcome"), equalTo("APPROVED"))
                .body(mla("deadline.kind"), equalTo("PAYMENT"));
        given().auth().oauth2(Tokens.of("approver1")).when().get("/api/v1/cases/" + caseId + "/decision/reproduction")
                .then().statusCode(200).body("reproduced", equalTo(true));

        // payment and closure: the loop is closed
        moveOk("caseworker1", caseId, "PAYING");
        moveOk("caseworker1", caseId, "CLOSED").body("deadline", nullValue());
        ValidatableResponse last = status(intakeId).body(mla("step"), equalTo("CLOSED")).body(mla("deadline"), nullValue())
                .body("overallState", equalTo("IN_PROGRESS")); // education and employment cases are still open
        java.util.List<String> steps = last.extract().path("timeline.findAll { it.program == 'MINIMUM_LIVING_ALLOWANCE' && it.action == 'TRANSITION' }.to");
        assertEquals(java.util.List.of("ACCEPTED", "RETURNED", "ACCEPTED", "VERIFYING", "HOME_VISIT", "COMMUNITY_REVIEW",
                "PUBLIC_NOTICE", "APPROVED", "PAYING", "CLOSED"), steps);
        assertTrue(last.extract().asString().contains("\"actorRole\":\"approver\""));
    }
}

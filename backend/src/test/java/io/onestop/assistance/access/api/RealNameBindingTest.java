package io.onestop.assistance.access.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.onestop.assistance.cases.CaseFixtures;
import io.onestop.assistance.testing.LocalStackResource;
import io.onestop.assistance.testing.PersonalDataScan;
import io.onestop.assistance.testing.TestData;
import io.onestop.assistance.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Real-name binding with fresh logins created in the real Keycloak: what one login owned follows the person to
 * their other login; a login cannot change person; ids are validated and always masked.
 */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class RealNameBindingTest {

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    private static String bind(String token, String nationalId, String name) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"nationalId\":\"" + nationalId + "\",\"name\":\"" + name + "\"}")
                .when().put("/api/v1/me/real-name").then().extract().asString();
    }

    @Test
    void twoLoginsOfOnePersonShareTheirDraftsAfterBinding() {
        String web = Tokens.newResident();
        String phone = Tokens.newResident();
        String nationalId = TestData.nationalId();
        String draftId = given().auth().oauth2(web).contentType(ContentType.JSON)
                .body(TestData.draft(TestData.HOUSEHOLD_A, nationalId))
                .when().post("/api/v1/drafts").then().statusCode(201).extract().path("id");
        given().auth().oauth2(phone).when().get("/api/v1/drafts/" + draftId).then().statusCode(404);

        given().auth().oauth2(web).contentType(ContentType.JSON)
                .body("{\"nationalId\":\"" + nationalId.toLowerCase() + "\",\"name\":\" 张伟 \"}")
                .when().put("/api/v1/me/real-name")
                .then().statusCode(200)
                .body("name", equalTo("张伟"))
                .body("nationalId", equalTo(nationalId.substring(0, 4) + "**********" + nationalId.substring(14)))
                .body(not(org.hamcrest.Matchers.containsString(nationalId.substring(3, 14))));
        given().auth().oauth2(web).when().get("/api/v1/drafts/" + draftId).then().statusCode(200);

        given().auth().oauth2(phone).contentType(ContentType.JSON)
                .body("{\"nationalId\":\"" + nationalId + "\",\"name\":\"张伟\"}")
                .when().put("/api/v1/me/real-name").then().statusCode(200);
        given().auth().oauth2(phone).when().get("/api/v1/drafts").then().statusCode(200)
                .body("id", hasItem(draftId));
        given().auth().oauth2(phone).when().get("/api/v1/me").then().statusCode(200)
                .body("realName.name", equalTo("张伟"));
    }

    @Test
    void aSubmissionRetriedAfterBindingAnswersTheFirstIntake() {
        String token = Tokens.newResident();
        String nationalId = TestData.nationalId();
        String draftId = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(TestData.draft(TestData.HOUSEHOLD_A, nationalId))
                .when().post("/api/v1/drafts").then().statusCode(201).extract().path("id");
        String key = UUID.randomUUID().toString();
        String body = "{\"draftId\":\"" + draftId + "\",\"consent\":true}";
        String first = given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/intakes").then().statusCode(201).extract().path("id");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"nationalId\":\"" + nationalId + "\",\"name\":\"张伟\"}")
                .when().put("/api/v1/me/real-name").then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/intakes").then().statusCode(201).body("id", equalTo(first));
        given().auth().oauth2(token).when().get("/api/v1/intakes/" + first + "/status").then().statusCode(200);
    }

    @Test
    void aLoginCannotMoveToAnotherPersonAndNamesMustMatch() {
        String token = Tokens.newResident();
        String nationalId = TestData.nationalId();
        given().auth().oauth2(token).when().get("/api/v1/me").then().statusCode(200).body("realName", nullValue());
        bind(token, nationalId, "李娜");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"nationalId\":\"" + nationalId + "\",\"name\":\"李娜\"}")
                .when().put("/api/v1/me/real-name").then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"nationalId\":\"" + TestData.nationalId() + "\",\"name\":\"李娜\"}")
                .when().put("/api/v1/me/real-name").then().statusCode(409).body("type", org.hamcrest.Matchers.endsWith("already-bound"));

        given().auth().oauth2(Tokens.newResident()).contentType(ContentType.JSON)
                .body("{\"nationalId\":\"" + nationalId + "\",\"name\":\"王五\"}")
                .when().put("/api/v1/me/real-name").then().statusCode(422).body("errors[0].field", equalTo("name"));
    }

    @Test
    void refusesAnInvalidIdNumber() {
        String valid = TestData.nationalId();
        String wrongCheck = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
        for (String bad : new String[] {wrongCheck, "12345", valid + "1", ""}) {
            given().auth().oauth2(Tokens.of("resident2")).contentType(ContentType.JSON)
                    .body("{\"nationalId\":\"" + bad + "\",\"name\":\"张伟\"}")
                    .when().put("/api/v1/me/real-name")
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("nationalId"));
        }
    }

    @Test
    void staffRevealTheApplicantOnlyWithAReasonInTheirScopeAndTheRevealIsAudited() throws java.io.IOException {
        String nationalId = TestData.nationalId();
        String intakeId = CaseFixtures.submit("resident1", TestData.HOUSEHOLD_A, nationalId).path("id");
        String caseId = given().auth().oauth2(Tokens.of("resident1")).when().get("/api/v1/intakes/" + intakeId + "/status")
                .then().statusCode(200).extract().path("cases.find { it.program == 'MINIMUM_LIVING_ALLOWANCE' }.caseId");
        String reveal = "/api/v1/cases/" + caseId + "/applicant/reveal";

        given().auth().oauth2(Tokens.of("caseworker1")).contentType(ContentType.JSON).body("{\"reason\":\"\"}")
                .when().post(reveal).then().statusCode(422).body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(Tokens.of("caseworker2")).contentType(ContentType.JSON).body("{\"reason\":\"核实银行账户\"}")
                .when().post(reveal).then().statusCode(404);
        given().auth().oauth2(Tokens.of("caseworker1")).contentType(ContentType.JSON).body("{\"reason\":\"电话核实银行账户\"}")
                .when().post(reveal).then().statusCode(200)
                .body("nationalId", equalTo(nationalId))
                .body("phone", equalTo("13812345678"));
        given().auth().oauth2(Tokens.of("caseworker1")).when().get("/api/v1/cases/" + caseId)
                .then().statusCode(200).body(not(org.hamcrest.Matchers.containsString(nationalId)));

        // the suite-wide scan saw the id in this answer and filed it as the one allowed place (PersonalDataLeakCheck)
        org.junit.jupiter.api.Assertions.assertTrue(java.nio.file.Files.readString(PersonalDataScan.REVEALS).contains(caseId));

        CaseFixtures fixtures = new CaseFixtures(pool, vertx);
        assertEquals(1, fixtures.count("""
                select count(*) from audit_event
                where action = 'REVEAL_PERSONAL_DATA' and object_id = $1 and reason = '电话核实银行账户'""", caseId));
    }
}

package io.onestop.assistance.cases.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.onestop.assistance.cases.CaseFixtures;
import io.onestop.assistance.testing.LocalStackResource;
import io.onestop.assistance.testing.TestData;
import io.onestop.assistance.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Verification consents as records: the versioned text, who signed how (web, mini program, guardian), and revocation,
 * which stops verification until the member signs again and tells the household what that means.
 */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class ConsentRecordsTest {

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    private static RequestSpecification resident() {
        return given().auth().oauth2(Tokens.of("resident1")).contentType(ContentType.JSON);
    }

    /** A valid id (GB 11643 checksum) of someone born on {@code yyyymmdd}. */
    static String idBornOn(String yyyymmdd) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        String body = "140105" + yyyymmdd + "%03d".formatted((int) (Math.random() * 1000));
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    @Test
    void consentTextIsVersionedAndPublic() {
        given().when().get("/api/v1/verification-consent-texts").then().statusCode(200)
                .body("version", hasItem("2026-01"));
        given().when().get("/api/v1/verification-consent-texts/current").then().statusCode(200)
                .body("version", equalTo("2026-01")).body("text.en", containsString("revoke"));
    }

    @Test
    void recordsHowAndOnWhichTextAMemberSignedAndWhetherAGuardianSigned() {
        String intakeId = CaseFixtures.submit("resident1", TestData.HOUSEHOLD_A).path("id");
        String spouse = idBornOn("19880510");
        String consent = "/api/v1/intakes/" + intakeId + "/verification-consents/m2";
        resident().body("{\"nationalId\":\"" + spouse + "\",\"channel\":\"HOTLINE_VERBAL\"}").when().put(consent)
                .then().statusCode(422).body("errors.field", hasItem("channel"));
        resident().body("{\"nationalId\":\"" + spouse + "\",\"channel\":\"MINI_PROGRAM\",\"guardianName\":\"王五\"}")
                .when().put(consent).then().statusCode(201)
                .body("members.find { it.memberId == 'm2' }.channel", equalTo("MINI_PROGRAM"))
                .body("members.find { it.memberId == 'm2' }.byGuardian", equalTo(true))
                .body("members.find { it.memberId == 'm2' }.consentTextVersion", equalTo("2026-01"))
                .body("members.find { it.memberId == 'm1' }.channel", equalTo("SUBMISSION"))
                .body(not(containsString(spouse)));
        resident().body("{\"nationalId\":\"" + spouse + "\"}").when().put(consent).then().statusCode(200)
                .body("members.find { it.memberId == 'm2' }.channel", equalTo("WEB"))
                .body("members.find { it.memberId == 'm2' }.byGuardian", equalTo(false));
    }

    @Test
    void revocationStopsVerificationSaysWhatItMeansAndSigningAgainResumesIt() {
        ExtractableResponse<Response> submitted = CaseFixtures.submit("resident1", TestData.HOUSEHOLD_A);
        String intakeId = submitted.path("id");
        String caseId = submitted.path("cases.find { it.program == 'MINIMUM_LIVING_ALLOWANCE' }.id");
        String spouse = idBornOn("19880510");
        String consent = "/api/v1/intakes/" + intakeId + "/verification-consents/m2";
        resident().body("{\"nationalId\":\"" + spouse + "\"}").when().put(consent).then().statusCode(201)
                .body("complete", equalTo(true));

        resident().when().delete(consent).then().statusCode(200)
                .body("memberId", equalTo("m2"))
                .body("affectedPrograms", hasItem("MINIMUM_LIVING_ALLOWANCE"))
                .body("meaning.zh", containsString("核对已停止"))
                .body("meaning.en", containsString("cannot be verified or approved"))
                .body("consents.complete", equalTo(false))
                .body("consents.members.find { it.memberId == 'm2' }.signed", equalTo(false))
                .body("consents.members.find { it.memberId == 'm2' }.revokedAt", notNullValue());
        resident().when().delete(consent).then().statusCode(200); // twice is harmless
        CaseFixtures db = new CaseFixtures(pool, vertx);
        assertEquals(2, db.count("select count(*) from audit_event where action = 'REVOKE_VERIFICATION_CONSENT' and object_id = $1",
                intakeId));
        resident().when().get("/api/v1/intakes/" + intakeId + "/status").then().statusCode(200)
                .body("todos.kind", hasItem("CONSENT_MISSING"));

        db.sql("update program_case set status = 'VERIFYING' where id = $1", Tuple.of(UUID.fromString(caseId)));
        given().auth().oauth2(Tokens.of("caseworker1")).when().post("/api/v1/cases/" + caseId + "/verification")
                .then().statusCode(409).body("detail", containsString("m2 (SPOUSE)"));

        resident().body("{\"nationalId\":\"" + spouse + "\"}").when().put(consent).then().statusCode(201)
                .body("members.find { it.memberId == 'm2' }.revokedAt", nullValue());
        given().auth().oauth2(Tokens.of("caseworker1")).when().post("/api/v1/cases/" + caseId + "/verification")
                .then().statusCode(200);

        resident().when().delete("/api/v1/intakes/" + intakeId + "/verification-consents/m1").then().statusCode(200)
                .body("consents.members.find { it.memberId == 'm1' }.signed", equalTo(false));
        given().auth().oauth2(Tokens.of("caseworker1")).when().post("/api/v1/cases/" + caseId + "/verification")
                .then().statusCode(409).body("detail", containsString("m1 (APPLICANT)"));
    }

    @Test
    void revocationOfAnUnknownMemberOrSomeoneElsesIntakeIs404() {
        String intakeId = CaseFixtures.submit("resident1", TestData.HOUSEHOLD_A).path("id");
        resident().when().delete("/api/v1/intakes/" + intakeId + "/verification-consents/m9").then().statusCode(404);
        given().auth().oauth2(Tokens.of("resident2")).when().delete("/api/v1/intakes/" + intakeId + "/verification-consents/m2")
                .then().statusCode(404);
    }
}

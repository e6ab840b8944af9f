package io.onestop.assistance.miniprogram;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.onestop.assistance.testing.TestData;
import io.onestop.assistance.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The public notice (公示) without login: a case walked to its public notice in backend shows up masked in the list,
 * and anyone may object to it through the gateway.
 */
@QuarkusTest
class PublicNoticesTest {

    private static final String SPOUSE_ID = "140105198805100020"; // m2 of household A

    @Test
    void aCaseUnderPublicNoticeIsListedMaskedAndTakesAnObjection() {
        String token = Gateway.login("noticed-" + System.nanoTime());
        String nationalId = TestData.nationalId();
        SubscribeJourneyTest.bindRealName(token, nationalId, "张伟");
        String[] intake = SubscribeJourneyTest.submit(token, nationalId);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"nationalId\":\"" + SPOUSE_ID + "\"}")
                .when().put("/mp/v1/intakes/" + intake[0] + "/verification-consents/m2")
                .then().statusCode(200).body("errcode", equalTo(0));
        String caseId = intake[1];
        move(caseId, "ACCEPTED");
        move(caseId, "VERIFYING");
        given().auth().oauth2(Tokens.of("caseworker1")).when()
                .post(BackendProcess.baseUrl() + "/api/v1/cases/" + caseId + "/verification").then().statusCode(200);
        move(caseId, "HOME_VISIT");
        move(caseId, "COMMUNITY_REVIEW");
        move(caseId, "PUBLIC_NOTICE");

        String answer = given().queryParam("regionCode", "140105").when().get("/mp/v1/public-notices")
                .then().statusCode(200).body("errcode", equalTo(0)).body("data.next", nullValue())
                .body("data.items.applicantName", hasItem("张*")).extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(answer.contains("张伟") || answer.contains(caseId), answer);
        List<String> notices = io.restassured.path.json.JsonPath.from(answer).getList("data.items.noticeId");
        String noticeId = notices.get(0);
        given().contentType(ContentType.JSON).body("{\"text\":\"该户有一辆货车未申报。\"}")
                .when().post("/mp/v1/public-notices/" + noticeId + "/objections")
                .then().statusCode(200).body("errcode", equalTo(0)).body("data.id", notNullValue());
    }

    @Test
    void badRegionEmptyObjectionAndUnknownNoticeAnswerTheirErrcodes() {
        given().queryParam("regionCode", "12").when().get("/mp/v1/public-notices")
                .then().statusCode(200).body("errcode", equalTo(40001)).body("errmsg", containsString("regionCode"));
        given().contentType(ContentType.JSON).body("{\"text\":\"有异议\"}")
                .when().post("/mp/v1/public-notices/" + UUID.randomUUID() + "/objections")
                .then().statusCode(200).body("errcode", equalTo(40004));
        given().contentType(ContentType.JSON).body("{\"text\":\"\"}")
                .when().post("/mp/v1/public-notices/" + UUID.randomUUID() + "/objections")
                .then().statusCode(200).body("errcode", equalTo(40001)).body("data", nullValue());
    }

    /** A caseworker moves the case in backend as the web portal does (the version in If-Match). */
    private static void move(String caseId, String to) {
        String caseworker = Tokens.of("caseworker1");
        String etag = given().auth().oauth2(caseworker).when().get(BackendProcess.baseUrl() + "/api/v1/cases/" + caseId)
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(caseworker).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"to\":\"" + to + "\"}")
                .when().post(BackendProcess.baseUrl() + "/api/v1/cases/" + caseId + "/transitions")
                .then().statusCode(200);
    }
}

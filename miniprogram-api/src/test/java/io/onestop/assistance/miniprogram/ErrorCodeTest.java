package io.onestop.assistance.miniprogram;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.onestop.assistance.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The errcode table of the README, one row per backend answer, through the real backend. */
@QuarkusTest
class ErrorCodeTest {

    @Test
    void invalidFieldAnswers40001NamingTheField() {
        String household = TestData.HOUSEHOLD_A.replace("\"monthlyIncome\":900", "\"monthlyIncome\":-5");
        given().contentType(ContentType.JSON).body(household).when().post("/mp/v1/screenings")
                .then().statusCode(200).body("errcode", equalTo(40001))
                .body("errmsg", containsString("members[1].monthlyIncome")).body("data", nullValue());
    }

    @Test
    void missingDraftAnswers40004() {
        String token = Gateway.login("errors");
        given().auth().oauth2(token).when().get("/mp/v1/drafts/" + UUID.randomUUID())
                .then().statusCode(200).body("errcode", equalTo(40004));
        given().auth().oauth2(token).when().get("/mp/v1/drafts/not-a-uuid")
                .then().statusCode(200).body("errcode", equalTo(40004));
    }

    @Test
    void staleVersionAnswers40009() {
        String token = Gateway.login("errors");
        String draftId = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(TestData.draft(TestData.HOUSEHOLD_A, TestData.nationalId()))
                .when().post("/mp/v1/drafts").then().extract().path("data.id");
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"99\"")
                .body(TestData.draft(TestData.HOUSEHOLD_A, TestData.nationalId()))
                .when().put("/mp/v1/drafts/" + draftId)
                .then().statusCode(200).body("errcode", equalTo(40009));
    }

    @Test
    void submissionWithoutKeyOrConsentAnswers40001() {
        String token = Gateway.login("errors");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"draftId\":\"" + UUID.randomUUID() + "\",\"consent\":true}")
                .when().post("/mp/v1/intakes")
                .then().statusCode(200).body("errcode", equalTo(40001));
        given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"draftId\":\"" + UUID.randomUUID() + "\",\"consent\":false}")
                .when().post("/mp/v1/intakes")
                .then().statusCode(200).body("errcode", equalTo(40001)).body("errmsg", containsString("consent"));
    }

    @Test
    void uploadWithoutFileAnswers40001AsText() {
        String token = Gateway.login("errors");
        String draftId = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(TestData.draft(TestData.HOUSEHOLD_A, TestData.nationalId()))
                .when().post("/mp/v1/drafts").then().extract().path("data.id");
        String answer = given().auth().oauth2(token).multiPart("type", "ID_CARD")
                .when().post("/mp/v1/drafts/" + draftId + "/documents")
                .then().statusCode(200).contentType("text/plain;charset=UTF-8").extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(answer.contains("\"errcode\":40001") && answer.contains("file"), answer);
    }

    @Test
    void missingOrForeignTokenAnswers401() {
        given().when().get("/mp/v1/drafts")
                .then().statusCode(401).body("errcode", equalTo(40100));
        given().auth().oauth2("not.a.token").when().get("/mp/v1/intakes")
                .then().statusCode(401).body("errcode", equalTo(40100));
        given().auth().oauth2(io.onestop.assistance.testing.Tokens.of("resident1")).when().get("/mp/v1/intakes")
                .then().statusCode(401).body("errcode", equalTo(40100));
    }
}

package io.onestop.assistance.delegation;

import static io.restassured.RestAssured.given;

import io.onestop.assistance.testing.TestData;
import io.onestop.assistance.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Fresh residents, their intakes and delegations through the real API and real Keycloak logins. */
public final class Family {

    /** The applicant's address in every intake of these tests: no delegate answer may contain it. */
    public static final String ADDRESS = "小店区北营街道 1 号";

    /** A fresh login, real-name bound to a fresh national id. */
    public record Person(String token, String nationalId) {
    }

    private Family() {
    }

    public static Person bound(String name) {
        return bound(name, TestData.nationalId());
    }

    /** A fresh login, real-name bound to {@code nationalId} (say one of {@link TestData#nationalIdBornOn}). */
    public static Person bound(String name, String nationalId) {
        String token = Tokens.newResident();
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"nationalId\":\"" + nationalId + "\",\"name\":\"" + name + "\"}")
                .when().put("/api/v1/me/real-name").then().statusCode(200);
        return new Person(token, nationalId);
    }

    /** A mobile number no other test uses, so the simulator's texts to it are this test's alone. */
    public static String freshPhone() {
        return "139" + "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** Submits an application of worked example A for {@code applicant}, reachable at {@code phone} (null: none). */
    public static JsonPath intake(Person applicant, String phone) {
        String body = """
                {"household":%s,
                 "applicant":{"name":"张伟","nationalId":"%s","phone":%s,"address":"%s"},
                 "chosenPrograms":null,"situation":"丈夫失业半年，孩子上小学。"}"""
                .formatted(TestData.HOUSEHOLD_A, applicant.nationalId(), phone == null ? "null" : "\"" + phone + "\"", ADDRESS);
        String draftId = given().auth().oauth2(applicant.token()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/drafts").then().statusCode(201).extract().path("id");
        return given().auth().oauth2(applicant.token()).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"draftId\":\"" + draftId + "\",\"consent\":true}")
                .when().post("/api/v1/intakes").then().statusCode(201).extract().jsonPath();
    }

    public static ExtractableResponse<Response> grant(Person owner, String intakeId, Person delegate, String phone, String scope,
            LocalDate endsOn) {
        return given().auth().oauth2(owner.token()).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(request(delegate.nationalId(), phone, scope, endsOn, null))
                .when().post("/api/v1/intakes/" + intakeId + "/delegations").then().extract();
    }

    public static String request(String nationalId, String phone, String scope, LocalDate endsOn, String reason) {
        return """
                {"nationalId":"%s","phone":"%s","scope":"%s","endsOn":"%s"%s}"""
                .formatted(nationalId, phone, scope, endsOn, reason == null ? "" : ",\"reason\":\"" + reason + "\"");
    }
}

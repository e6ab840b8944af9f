package io.onestop.assistance.documents;

import static io.restassured.RestAssured.given;

import io.onestop.assistance.testing.TestData;
import io.onestop.assistance.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.UUID;

/** Drafts, intakes and uploads through the real API, as a resident's client makes them. */
public final class Applications {

    private Applications() {
    }

    /** A draft of worked example A (MLA, education, employment) in region 140105. */
    public static String draft(String user) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON)
                .body(TestData.draft(TestData.HOUSEHOLD_A, TestData.nationalId()))
                .when().post("/api/v1/drafts").then().statusCode(201).extract().path("id");
    }

    public static String submit(String user, String draftId) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"draftId\":\"" + draftId + "\",\"consent\":true}")
                .when().post("/api/v1/intakes").then().statusCode(201).extract().path("id");
    }

    /** A submitted intake of {@code user}; its MLA case is handled by civil affairs of 140105. */
    public static String intake(String user) {
        return submit(user, draft(user));
    }

    /** POST .../documents as wx.uploadFile does it: the file in field "file", the rest as form fields. */
    public static ExtractableResponse<Response> upload(String user, String base, String type, String fileName,
            byte[] content, String declaredType) {
        return given().auth().oauth2(Tokens.of(user))
                .multiPart("file", fileName, content, declaredType)
                .multiPart("type", type)
                .when().post(base + "/documents").then().extract();
    }
}

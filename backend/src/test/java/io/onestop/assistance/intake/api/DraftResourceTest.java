package io.onestop.assistance.intake.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.containsString;

import io.onestop.assistance.testing.LocalStackResource;
import io.onestop.assistance.testing.TestData;
import io.onestop.assistance.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class DraftResourceTest {

    private static ExtractableResponse<Response> create(String user, String body) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/drafts")
                .then().statusCode(201).header("Location", containsString("/api/v1/drafts/")).extract();
    }

    @Test
    void savesAndResumesADraftWithTheIdMasked() {
        String id = TestData.nationalId();
        String draftId = create("resident1", TestData.draft(TestData.HOUSEHOLD_A, id)).path("id");

        given().auth().oauth2(Tokens.of("resident1"))
                .when().get("/api/v1/drafts/" + draftId)
                .then().statusCode(200)
                .header("ETag", notNullValue())
                .body("household.members", hasSize(3))
                .body("applicant.nationalId", equalTo(id.substring(0, 4) + "**********" + id.substring(14)))
                .body("applicant.phone", equalTo("138****5678"))
                .body(not(containsString(id)));

        given().auth().oauth2(Tokens.of("resident1"))
                .when().get("/api/v1/drafts")
                .then().statusCode(200).body("id", hasItem(draftId));
    }

    @Test
    void keepsAPartialHouseholdUntilItIsScreened() {
        String draftId = create("resident1", """
                {"household":{"regionCode":"140105","members":[]},"applicant":null,"chosenPrograms":null}""").path("id");
        given().auth().oauth2(Tokens.of("resident1"))
                .when().post("/api/v1/drafts/" + draftId + "/screening")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("hukou"));
    }

    @Test
    void updatesWithIfMatchAndRefusesAStaleVersion() {
        ExtractableResponse<Response> created = create("resident1", TestData.draft(TestData.HOUSEHOLD_A, TestData.nationalId()));
        String draftId = created.path("id");
        String etag = created.header("ETag");
        String changed = TestData.draft(TestData.HOUSEHOLD_WELL_OFF, created.path("applicant.nationalId"));

        given().auth().oauth2(Tokens.of("resident1")).contentType(ContentType.JSON).body(changed)
                .when().put("/api/v1/drafts/" + draftId)
                .then().statusCode(428);
        given().auth().oauth2(Tokens.of("resident1")).contentType(ContentType.JSON).header("If-Match", etag).body(changed)
                .when().put("/api/v1/drafts/" + draftId)
                .then().statusCode(200).body("version", equalTo(1)).body("household.members", hasSize(1))
                // the echoed masked id kept the stored one
                .body("applicant.nationalId", equalTo(created.path("applicant.nationalId")));
        given().auth().oauth2(Tokens.of("resident1")).contentType(ContentType.JSON).header("If-Match", etag).body(changed)
                .when().put("/api/v1/drafts/" + draftId)
                .then().statusCode(412).contentType("application/problem+json");
    }

    @Test
    void screensTheDraftWithTheServerRules() {
        String draftId = create("resident1", TestData.draft(TestData.HOUSEHOLD_A, TestData.nationalId())).path("id");
        given().auth().oauth2(Tokens.of("resident1"))
                .when().post("/api/v1/drafts/" + draftId + "/screening")
                .then().statusCode(200)
                .body("programs", hasSize(13))
                .body("programs[0].verdict", equalTo("ELIGIBLE"))
                .body("programs[0].estimate.amount", equalTo(1107));
    }

    @Test
    void hidesAnotherResidentsDraftAs404() {
        String draftId = create("resident1", TestData.draft(TestData.HOUSEHOLD_A, TestData.nationalId())).path("id");
        given().auth().oauth2(Tokens.of("resident2")).when().get("/api/v1/drafts/" + draftId).then().statusCode(404);
        given().auth().oauth2(Tokens.of("resident2")).when().delete("/api/v1/drafts/" + draftId).then().statusCode(404);
        given().auth().oauth2(Tokens.of("resident1")).when().delete("/api/v1/drafts/" + draftId).then().statusCode(204);
        given().auth().oauth2(Tokens.of("resident1")).when().get("/api/v1/drafts/" + draftId).then().statusCode(404);
    }

    @Test
    void answersBadBodiesWithProblemJson() {
        given().auth().oauth2(Tokens.of("resident1")).contentType(ContentType.JSON).body("{not json")
                .when().post("/api/v1/drafts")
                .then().statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
        given().auth().oauth2(Tokens.of("resident1")).contentType(ContentType.JSON)
                .body("{\"household\":{\"hukou\":\"CITY\"}}")
                .when().post("/api/v1/drafts")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("household.hukou"));
        given().auth().oauth2(Tokens.of("resident1")).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/drafts")
                .then().statusCode(422).body("errors.field", hasItem("household"));
    }
}

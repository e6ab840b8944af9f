package io.onestop.assistance.miniprogram;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onestop.assistance.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.awt.Color;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** A resident looks at what they uploaded: the document's details and a short-lived URL of its bytes. */
@QuarkusTest
class DocumentViewsTest {

    @Test
    void myDraftDocumentHasDetailsAndADownloadUrlAndNobodyElseSeesIt() throws IOException {
        String token = Gateway.login("viewer-" + System.nanoTime());
        String draftId = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(TestData.draft(TestData.HOUSEHOLD_A, TestData.nationalId()))
                .when().post("/mp/v1/drafts").then().statusCode(200).body("errcode", equalTo(0)).extract().path("data.id");
        String stored = given().auth().oauth2(token)
                .multiPart("file", "tmp_id.jpg",
                        ResidentJourneyTest.jpeg(new Color(ThreadLocalRandom.current().nextInt(0x1000000))), "image/jpeg")
                .multiPart("type", "ID_CARD").multiPart("memberId", "m1")
                .when().post("/mp/v1/drafts/" + draftId + "/documents").then().statusCode(200).extract().asString();
        assertTrue(stored.contains("\"errcode\":0"), stored);
        String documentId = JsonPath.from(stored).getString("data.id");
        String path = "/mp/v1/drafts/" + draftId + "/documents/" + documentId;

        given().auth().oauth2(token).when().get(path).then().statusCode(200).body("errcode", equalTo(0))
                .body("data.id", equalTo(documentId)).body("data.type", equalTo("ID_CARD"))
                .body("data.memberId", equalTo("m1"));
        given().auth().oauth2(token).when().get(path + "/download-url").then().statusCode(200)
                .body("errcode", equalTo(0)).body("data.url", startsWith("http"));

        String stranger = Gateway.login("stranger-" + System.nanoTime());
        given().auth().oauth2(stranger).when().get(path).then().statusCode(200).body("errcode", equalTo(40004));
        given().auth().oauth2(stranger).when().get(path + "/download-url").then().statusCode(200)
                .body("errcode", equalTo(40004));
        given().auth().oauth2(token).when().get("/mp/v1/drafts/" + draftId + "/documents/" + UUID.randomUUID())
                .then().statusCode(200).body("errcode", equalTo(40004));
    }
}

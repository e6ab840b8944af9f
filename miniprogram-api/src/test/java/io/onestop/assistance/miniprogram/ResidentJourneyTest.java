package io.onestop.assistance.miniprogram;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.onestop.assistance.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The resident's way through the gateway to the real backend, S3 and PostgreSQL, as the mini program calls it. */
@QuarkusTest
class ResidentJourneyTest {

    @Test
    void loginDraftScreeningChecklistUploadsSubmitTwiceStatusLaterUploadAndWithdraw() throws IOException {
        String token = Gateway.login("journey-" + System.nanoTime());

        JsonPath draft = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(TestData.draft(TestData.HOUSEHOLD_A, TestData.nationalId()))
                .when().post("/mp/v1/drafts")
                .then().statusCode(200).body("errcode", equalTo(0)).body("data.version", notNullValue())
                .extract().jsonPath();
        String draftId = draft.getString("data.id");
        int version = draft.getInt("data.version");

        // The mini program sends the version back inside the object it edited.
        String edited = TestData.draft(TestData.HOUSEHOLD_A, TestData.nationalId()).replaceFirst("\\{",
                "{\"version\":" + version + ",");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(edited)
                .when().put("/mp/v1/drafts/" + draftId)
                .then().statusCode(200).body("errcode", equalTo(0)).body("data.version", equalTo(version + 1));

        given().auth().oauth2(token).when().post("/mp/v1/drafts/" + draftId + "/screening")
                .then().statusCode(200).body("errcode", equalTo(0)).body("data.programs", hasSize(13))
                .body("data.programs[0].program", equalTo("MINIMUM_LIVING_ALLOWANCE"));

        given().auth().oauth2(token).when().get("/mp/v1/drafts/" + draftId + "/checklist")
                .then().statusCode(200).body("errcode", equalTo(0)).body("data", notNullValue());

        // As wx.uploadFile sends it: one file in field "file", formData as plain parts; the answer is text.
        Response upload = given().auth().oauth2(token)
                .multiPart("file", "tmp_7c1d9a.jpg", jpeg(Color.ORANGE), "image/jpeg")
                .multiPart("type", "ID_CARD")
                .multiPart("memberId", "m1")
                .when().post("/mp/v1/drafts/" + draftId + "/documents");
        upload.then().statusCode(200).contentType(startsWith("text/plain"));
        JsonPath uploaded = new JsonPath(upload.asString());
        assertEquals(0, uploaded.getInt("errcode"), upload.asString());
        assertEquals("ID_CARD", uploaded.getString("data.type"));

        // A photo taken by mistake, removed again.
        String mistake = new JsonPath(given().auth().oauth2(token)
                .multiPart("file", "tmp_mistake.jpg", jpeg(Color.GRAY), "image/jpeg")
                .multiPart("type", "HOUSEHOLD_REGISTER")
                .when().post("/mp/v1/drafts/" + draftId + "/documents").asString()).getString("data.id");
        given().auth().oauth2(token).when().delete("/mp/v1/drafts/" + draftId + "/documents/" + mistake)
                .then().statusCode(200).body("errcode", equalTo(0));

        String key = UUID.randomUUID().toString();
        String submission = "{\"draftId\":\"" + draftId + "\",\"consent\":true}";
        String intakeId = given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(submission).when().post("/mp/v1/intakes")
                .then().statusCode(200).body("errcode", equalTo(0)).body("data.intakeNumber", startsWith("JZ-"))
                .extract().path("data.id");
        // A retry (lost answer) with the same key, this time in the body: the same intake, nothing submitted twice.
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"draftId\":\"" + draftId + "\",\"consent\":true,\"idempotencyKey\":\"" + key + "\"}")
                .when().post("/mp/v1/intakes")
                .then().statusCode(200).body("errcode", equalTo(0)).body("data.id", equalTo(intakeId));

        given().auth().oauth2(token).when().get("/mp/v1/intakes/" + intakeId)
                .then().statusCode(200).body("errcode", equalTo(0)).body("data.status", equalTo("ACTIVE"))
                .body("data.cases.program", hasItem("MINIMUM_LIVING_ALLOWANCE"));
        given().auth().oauth2(token).when().get("/mp/v1/intakes")
                .then().statusCode(200).body("errcode", equalTo(0)).body("data.id", hasItem(intakeId));

        // After submission the checklist lives on the intake, and more documents go there.
        given().auth().oauth2(token).when().get("/mp/v1/intakes/" + intakeId + "/checklist")
                .then().statusCode(200).body("errcode", equalTo(0)).body("data", notNullValue());
        JsonPath later = new JsonPath(given().auth().oauth2(token)
                .multiPart("file", "tmp_pay.jpg", jpeg(Color.BLUE), "image/jpeg")
                .multiPart("type", "INCOME_PROOF").multiPart("memberId", "m2")
                .when().post("/mp/v1/intakes/" + intakeId + "/documents").then().statusCode(200)
                .contentType("text/plain;charset=UTF-8").extract().asString());
        assertEquals(0, later.getInt("errcode"), later.prettify());

        given().auth().oauth2(token).when().post("/mp/v1/intakes/" + intakeId + "/withdrawal")
                .then().statusCode(200).body("errcode", equalTo(0)).body("data.id", equalTo(intakeId));
    }

    @Test
    void anotherResidentCannotSeeMyDraft() {
        String mine = Gateway.login("owner-" + System.nanoTime());
        String draftId = given().auth().oauth2(mine).contentType(ContentType.JSON)
                .body(TestData.draft(TestData.HOUSEHOLD_A, TestData.nationalId()))
                .when().post("/mp/v1/drafts").then().extract().path("data.id");
        given().auth().oauth2(Gateway.login("stranger-" + System.nanoTime())).when().get("/mp/v1/drafts/" + draftId)
                .then().statusCode(200).body("errcode", equalTo(40004));
    }

    /** A small real JPEG (encoded by the JDK), as a phone camera would send; the colour makes the bytes differ. */
    static byte[] jpeg(Color colour) throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(colour);
        graphics.fillRect(8, 8, 48, 32);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}

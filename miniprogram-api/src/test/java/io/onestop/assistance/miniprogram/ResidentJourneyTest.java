package io.onestop.assistance.miniprogram;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.onestop.assistance.testing.TestData;
import io.onestop.assistance.testing.Tokens;
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

    private static final String SPOUSE_ID = "140105198805100020"; // m2 of household A, born 1988-05-10

    @Test
    void loginPhoneRealNameDraftScreeningChecklistUploadsSubmitTwiceStatusConsentLaterUploadAndWithdraw()
            throws IOException {
        String token = Gateway.login("journey-" + System.nanoTime());
        String nationalId = TestData.nationalId();

        // The phone number is verified at once, but it belongs to a person: bound only after real-name binding.
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"code\":\"phone-13812345678\"}")
                .when().post("/mp/v1/phone")
                .then().statusCode(200).body("errcode", equalTo(0)).body("data.phone", equalTo("138****5678"))
                .body("data.verified", equalTo(true)).body("data.bound", equalTo(false));
        given().auth().oauth2(token).when().get("/mp/v1/me")
                .then().statusCode(200).body("errcode", equalTo(0)).body("data.realName", nullValue());

        String bound = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"nationalId\":\"" + nationalId + "\",\"name\":\"张伟\"}")
                .when().put("/mp/v1/me/real-name")
                .then().statusCode(200).body("errcode", equalTo(0)).body("data.name", equalTo("张伟"))
                .body("data.nationalId", equalTo(nationalId.substring(0, 4) + "**********" + nationalId.substring(14)))
                .extract().asString();
        assertFalse(bound.contains(nationalId.substring(4, 14)), "the id number is never echoed");

        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"code\":\"phone-13812345678\"}")
                .when().post("/mp/v1/phone")
                .then().statusCode(200).body("errcode", equalTo(0)).body("data.phone", equalTo("138****5678"))
                .body("data.bound", equalTo(true));
        String me = given().auth().oauth2(token).when().get("/mp/v1/me")
                .then().statusCode(200).body("errcode", equalTo(0)).body("data.roles", hasItem("resident"))
                .body("data.realName.phone", equalTo("138****5678")).extract().asString();
        assertFalse(me.contains("13812345678") || me.contains(nationalId.substring(4, 14)), me);

        JsonPath draft = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(TestData.draft(TestData.HOUSEHOLD_A, nationalId))
                .when().post("/mp/v1/drafts")
                .then().statusCode(200).body("errcode", equalTo(0)).body("data.version", notNullValue())
                .extract().jsonPath();
        String draftId = draft.getString("data.id");
        int version = draft.getInt("data.version");
        given().auth().oauth2(token).when().get("/mp/v1/drafts")
                .then().statusCode(200).body("errcode", equalTo(0)).body("data.items.id", hasItem(draftId))
                .body("data.next", nullValue());

        // The mini program sends the version back inside the object it edited.
        String edited = TestData.draft(TestData.HOUSEHOLD_A, nationalId).replaceFirst("\\{",
                "{\"version\":" + version + ",");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(edited)
                .when().put("/mp/v1/drafts/" + draftId)
                .then().statusCode(200).body("errcode", equalTo(0)).body("data.version", equalTo(version + 1));

        given().auth().oauth2(token).when().post("/mp/v1/drafts/" + draftId + "/screening")
                .then().statusCode(200).body("errcode", equalTo(0)).body("data.programs", hasSize(13))
                .body("data.programs[0].program", equalTo("MINIMUM_LIVING_ALLOWANCE"));

        given().auth().oauth2(token).when().get("/mp/v1/drafts/" + draftId + "/checklist")
                .then().statusCode(200).body("errcode", equalTo(0)).body("data", notNullValue());

        // Two uploads as wx.uploadFile sends them: one file in field "file", formData as plain parts; the answer is
        // the envelope as text, which the mini program parses itself.
        for (String[] upload : new String[][] {{"ID_CARD", "m1"}, {"INCOME_PROOF", "m2"}}) {
            Response answer = given().auth().oauth2(token)
                    .multiPart("file", "tmp_" + upload[0] + ".jpg", jpeg(upload[1].equals("m1") ? Color.ORANGE : Color.GREEN),
                            "image/jpeg")
                    .multiPart("type", upload[0])
                    .multiPart("memberId", upload[1])
                    .when().post("/mp/v1/drafts/" + draftId + "/documents");
            answer.then().statusCode(200).contentType(startsWith("text/plain"));
            JsonPath uploaded = new JsonPath(answer.asString());
            assertEquals(0, uploaded.getInt("errcode"), answer.asString());
            assertEquals(upload[0], uploaded.getString("data.type"));
        }

        // A photo taken by mistake, removed again.
        String mistake = new JsonPath(given().auth().oauth2(token)
                .multiPart("file", "tmp_mistake.jpg", jpeg(Color.GRAY), "image/jpeg")
                .multiPart("type", "HOUSEHOLD_REGISTER")
                .when().post("/mp/v1/drafts/" + draftId + "/documents").asString()).getString("data.id");
        given().auth().oauth2(token).when().delete("/mp/v1/drafts/" + draftId + "/documents/" + mistake)
                .then().statusCode(200).body("errcode", equalTo(0));

        // Submission with the applicant's consent to the verification of the household's economic status.
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
                .then().statusCode(200).body("errcode", equalTo(0)).body("data.items", hasSize(1))
                .body("data.items[0].id", equalTo(intakeId)).body("data.next", nullValue());

        // The status screen: every case with its deadline sentence, and the spouse's consent still to do.
        String caseId = given().auth().oauth2(token).when().get("/mp/v1/intakes/" + intakeId + "/status")
                .then().statusCode(200).body("errcode", equalTo(0)).body("data.intakeId", equalTo(intakeId))
                .body("data.overallState", equalTo("ACTION_NEEDED"))
                .body("data.cases.program", hasItem("MINIMUM_LIVING_ALLOWANCE"))
                .body("data.cases[0].deadline.text.zh", notNullValue())
                .body("data.todos.kind", hasItem("CONSENT_MISSING"))
                .body("data.todos.find { it.kind == 'CONSENT_MISSING' }.members", hasItem("m2"))
                .extract().path("data.cases.find { it.program == 'MINIMUM_LIVING_ALLOWANCE' }.caseId");
        given().when().get("/mp/v1/verification-consent-texts/current")
                .then().statusCode(200).body("errcode", equalTo(0)).body("data", notNullValue());
        String consent = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"nationalId\":\"" + SPOUSE_ID + "\"}")
                .when().put("/mp/v1/intakes/" + intakeId + "/verification-consents/m2")
                .then().statusCode(200).body("errcode", equalTo(0)).body("data.complete", equalTo(true))
                .extract().asString();
        assertFalse(consent.contains(SPOUSE_ID), consent);
        // Nothing was requested yet, so there is nothing to answer.
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                .when().post("/mp/v1/intakes/" + intakeId + "/cases/" + caseId + "/resubmission")
                .then().statusCode(200).body("errcode", equalTo(40009));

        // The caseworker (web portal, straight to backend) accepts the case and requests a document.
        caseworkerMoves(caseId, "{\"to\":\"ACCEPTED\"}");
        caseworkerMoves(caseId, "{\"to\":\"RETURNED\",\"note\":\"请补充近 6 个月的收入证明\",\"documents\":[\"INCOME_PROOF\"]}");
        given().auth().oauth2(token).when().get("/mp/v1/intakes/" + intakeId + "/status")
                .then().statusCode(200).body("errcode", equalTo(0))
                .body("data.todos.kind", not(hasItem("CONSENT_MISSING")))
                .body("data.todos.find { it.kind == 'DOCUMENTS_REQUESTED' }.documents", hasItem("INCOME_PROOF"))
                .body("data.timeline.to", hasItem("ACCEPTED"))
                .body("data.timeline.find { it.to == 'RETURNED' }.note", equalTo("请补充近 6 个月的收入证明"))
                .body("data.cases.find { it.caseId == '" + caseId + "' }.deadline.kind", equalTo("PAUSED"));

        // After submission the checklist lives on the intake, and the requested document goes there.
        given().auth().oauth2(token).when().get("/mp/v1/intakes/" + intakeId + "/checklist")
                .then().statusCode(200).body("errcode", equalTo(0)).body("data", notNullValue());
        JsonPath later = new JsonPath(given().auth().oauth2(token)
                .multiPart("file", "tmp_pay.jpg", jpeg(Color.BLUE), "image/jpeg")
                .multiPart("type", "INCOME_PROOF").multiPart("memberId", "m2")
                .when().post("/mp/v1/intakes/" + intakeId + "/documents").then().statusCode(200)
                .contentType("text/plain;charset=UTF-8").extract().asString());
        assertEquals(0, later.getInt("errcode"), later.prettify());
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"note\":\"已上传近 6 个月的收入证明\"}")
                .when().post("/mp/v1/intakes/" + intakeId + "/cases/" + caseId + "/resubmission")
                .then().statusCode(200).body("errcode", equalTo(0)).body("data.step", equalTo("ACCEPTED"))
                .body("data.deadline.text.zh", notNullValue());
        given().auth().oauth2(token).when().get("/mp/v1/intakes/" + intakeId + "/status")
                .then().statusCode(200).body("data.todos.kind", not(hasItem("DOCUMENTS_REQUESTED")))
                .body("data.overallState", equalTo("IN_PROGRESS"));

        // The spouse changes their mind: verification waits until they sign again.
        given().auth().oauth2(token).when().delete("/mp/v1/intakes/" + intakeId + "/verification-consents/m2")
                .then().statusCode(200).body("errcode", equalTo(0)).body("data", notNullValue());
        given().auth().oauth2(token).when().get("/mp/v1/intakes/" + intakeId + "/status")
                .then().statusCode(200).body("data.todos.kind", hasItem("CONSENT_MISSING"));

        // A change of circumstances, retried with the same key: evaluated once.
        String revisionKey = UUID.randomUUID().toString();
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"household\":" + TestData.HOUSEHOLD_A + ",\"idempotencyKey\":\"" + revisionKey + "\"}")
                .when().post("/mp/v1/intakes/" + intakeId + "/revisions")
                .then().statusCode(200).body("errcode", equalTo(0)).body("data.revision", equalTo(2));
        given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", revisionKey)
                .body("{\"household\":" + TestData.HOUSEHOLD_A + "}")
                .when().post("/mp/v1/intakes/" + intakeId + "/revisions")
                .then().statusCode(200).body("errcode", equalTo(0)).body("data.revision", equalTo(2));
        // With the revision it changed in If-Match, the same change repeated under a new key (its first key's record
        // expired) is refused instead of applied again.
        given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .header("If-Match", "\"1\"").body("{\"household\":" + TestData.HOUSEHOLD_A + "}")
                .when().post("/mp/v1/intakes/" + intakeId + "/revisions")
                .then().statusCode(200).body("errcode", equalTo(40009)).body("errmsg", containsString("revision 2"));

        given().auth().oauth2(token).when().post("/mp/v1/intakes/" + intakeId + "/withdrawal")
                .then().statusCode(200).body("errcode", equalTo(0)).body("data.id", equalTo(intakeId));
        given().auth().oauth2(token).when().get("/mp/v1/intakes/" + intakeId + "/status")
                .then().statusCode(200).body("data.overallState", equalTo("WITHDRAWN"));
    }

    @Test
    void listsPageWithCursorsInTheEnvelope() {
        String token = Gateway.login("pages-" + System.nanoTime());
        java.util.List<String> created = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(0, given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(TestData.draft(TestData.HOUSEHOLD_A, TestData.nationalId()))
                    .when().post("/mp/v1/drafts").then().statusCode(200).extract().path("data.id"));
        }
        JsonPath first = given().auth().oauth2(token).when().get("/mp/v1/drafts?limit=2")
                .then().statusCode(200).body("errcode", equalTo(0)).body("data.items", hasSize(2))
                .body("data.next", notNullValue()).extract().jsonPath();
        JsonPath second = given().auth().oauth2(token).queryParam("limit", 2)
                .queryParam("cursor", first.getString("data.next")).when().get("/mp/v1/drafts")
                .then().statusCode(200).body("errcode", equalTo(0)).body("data.items", hasSize(1))
                .body("data.next", nullValue()).extract().jsonPath();
        java.util.List<String> walked = new java.util.ArrayList<>(first.getList("data.items.id", String.class));
        walked.addAll(second.getList("data.items.id", String.class));
        assertEquals(created, walked);

        given().auth().oauth2(token).when().get("/mp/v1/drafts?limit=101")
                .then().statusCode(200).body("errcode", equalTo(40001)).body("errmsg", startsWith("limit"));
        given().auth().oauth2(token).when().get("/mp/v1/intakes?cursor=nonsense")
                .then().statusCode(200).body("errcode", equalTo(40001)).body("errmsg", startsWith("cursor"));
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

    /** A caseworker moves the case in backend, as the web portal does (read the version, send it in If-Match). */
    private static void caseworkerMoves(String caseId, String transition) {
        String caseworker = Tokens.of("caseworker1");
        String etag = given().auth().oauth2(caseworker).when().get(BackendProcess.baseUrl() + "/api/v1/cases/" + caseId)
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(caseworker).contentType(ContentType.JSON).header("If-Match", etag).body(transition)
                .when().post(BackendProcess.baseUrl() + "/api/v1/cases/" + caseId + "/transitions")
                .then().statusCode(200);
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

package io.onestop.assistance.miniprogram;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onestop.assistance.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.awt.Color;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The family member's side of a delegation in the mini program: they find what was delegated to them, follow the
 * status, and upload a document when their scope allows it, each through the ordinary /mp/v1/intakes paths with their
 * own token (backend decides by the delegation's scope). Beyond the scope, and after revocation, it is not found.
 */
@QuarkusTest
class DelegateJourneyTest {

    /** The national id and phone of each relative's login (what the applicant names in a delegation). */
    private static final Map<String, String[]> RELATIVES = new ConcurrentHashMap<>();

    @Test
    void aDelegateFollowsTheStatusAndUploadsWithinTheScopeOnly() throws IOException {
        String applicant = Gateway.login("applicant-" + System.nanoTime());
        String applicantId = TestData.nationalId();
        SubscribeJourneyTest.bindRealName(applicant, applicantId, "张伟");
        String intakeId = SubscribeJourneyTest.submit(applicant, applicantId)[0];
        String helper = relative("李娜");
        String viewer = relative("王芳");
        String delegationId = grant(applicant, intakeId, helper, "UPLOAD_DOCUMENTS");
        grant(applicant, intakeId, viewer, "VIEW_STATUS");

        String received = given().auth().oauth2(helper).when().get("/mp/v1/delegations/received").then().statusCode(200)
                .body("errcode", equalTo(0)).body("data.items", hasSize(1)).body("data.next", nullValue())
                .body("data.items[0].id", equalTo(delegationId)).body("data.items[0].intakeId", equalTo(intakeId))
                .body("data.items[0].scope", equalTo("UPLOAD_DOCUMENTS"))
                .body("data.items[0].applicantName", equalTo("张*"))
                .body("data.items[0].status", equalTo("/mp/v1/intakes/" + intakeId + "/status"))
                .extract().asString();
        assertFalse(received.contains(applicantId) || received.contains("/api/v1"), received);

        // within the scope: the status, the checklist and an upload, as for the applicant
        given().auth().oauth2(helper).when().get("/mp/v1/intakes/" + intakeId + "/status").then().statusCode(200)
                .body("errcode", equalTo(0)).body("data.intakeId", equalTo(intakeId));
        given().auth().oauth2(helper).when().get("/mp/v1/intakes/" + intakeId + "/checklist").then().statusCode(200)
                .body("errcode", equalTo(0));
        String stored = upload(helper, intakeId);
        assertTrue(stored.contains("\"errcode\":0") && stored.contains("INCOME_PROOF"), stored);
        String document = "/mp/v1/intakes/" + intakeId + "/documents/"
                + io.restassured.path.json.JsonPath.from(stored).getString("data.id");
        given().auth().oauth2(helper).when().get(document).then().statusCode(200).body("errcode", equalTo(0))
                .body("data.type", equalTo("INCOME_PROOF"));
        // the bytes need ACT_FOR_ME; the applicant opens them
        given().auth().oauth2(helper).when().get(document + "/download-url").then().statusCode(200)
                .body("errcode", equalTo(40004));
        given().auth().oauth2(applicant).when().get(document + "/download-url").then().statusCode(200)
                .body("errcode", equalTo(0)).body("data.url", org.hamcrest.Matchers.startsWith("http"));
        // beyond it: the application itself and its withdrawal stay the applicant's
        given().auth().oauth2(helper).when().get("/mp/v1/intakes/" + intakeId).then().statusCode(200)
                .body("errcode", equalTo(40004));
        given().auth().oauth2(helper).when().post("/mp/v1/intakes/" + intakeId + "/withdrawal").then().statusCode(200)
                .body("errcode", equalTo(40004));

        // VIEW_STATUS: the status, but no upload
        given().auth().oauth2(viewer).when().get("/mp/v1/intakes/" + intakeId + "/status").then().statusCode(200)
                .body("errcode", equalTo(0));
        String refused = upload(viewer, intakeId);
        assertTrue(refused.contains("\"errcode\":40004"), refused);

        // revoked: nothing is listed and the status is not found any more
        given().auth().oauth2(applicant).when().delete("/mp/v1/intakes/" + intakeId + "/delegations/" + delegationId)
                .then().statusCode(200).body("errcode", equalTo(0));
        given().auth().oauth2(helper).when().get("/mp/v1/delegations/received").then().statusCode(200)
                .body("errcode", equalTo(0)).body("data.items", hasSize(0));
        given().auth().oauth2(helper).when().get("/mp/v1/intakes/" + intakeId + "/status").then().statusCode(200)
                .body("errcode", equalTo(40004));
        given().when().get("/mp/v1/delegations/received").then().statusCode(401).body("errcode", equalTo(40100));
    }

    /** A relative who logged in, bound their real name and phone: someone a delegation can name. */
    private static String relative(String name) {
        String token = Gateway.login("relative-" + System.nanoTime());
        String nationalId = TestData.nationalId();
        SubscribeJourneyTest.bindRealName(token, nationalId, name);
        String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"code\":\"phone-" + phone + "\"}")
                .when().post("/mp/v1/phone").then().statusCode(200).body("data.bound", equalTo(true));
        RELATIVES.put(token, new String[] {nationalId, phone});
        return token;
    }

    private static String grant(String applicant, String intakeId, String relative, String scope) {
        String[] who = RELATIVES.get(relative);
        return given().auth().oauth2(applicant).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"nationalId\":\"" + who[0] + "\",\"phone\":\"" + who[1] + "\",\"scope\":\"" + scope
                        + "\",\"endsOn\":\"" + LocalDate.now().plusMonths(1) + "\"}")
                .when().post("/mp/v1/intakes/" + intakeId + "/delegations")
                .then().statusCode(200).body("errcode", equalTo(0)).extract().path("data.id");
    }

    /** A requested document as wx.uploadFile sends it; answers the envelope text. */
    private static String upload(String token, String intakeId) throws IOException {
        return given().auth().oauth2(token)
                .multiPart("file", "tmp_delegate.jpg",
                        ResidentJourneyTest.jpeg(new Color(ThreadLocalRandom.current().nextInt(0x1000000))), "image/jpeg")
                .multiPart("type", "INCOME_PROOF").multiPart("memberId", "m2")
                .when().post("/mp/v1/intakes/" + intakeId + "/documents")
                .then().statusCode(200).extract().asString();
    }
}

package io.onestop.assistance.miniprogram;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.onestop.assistance.testing.TestData;
import io.onestop.assistance.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Invitations to apply (政策找人) through the gateway: an agency's signal raises a warning in backend, a caseworker
 * invites the person, and the person finds the invitation and its prefilled draft in the mini program once their real
 * name is bound, and can opt out.
 */
@QuarkusTest
class InvitationsTest {

    @Test
    void anInvitedResidentFindsTheInvitationAndItsDraftAndOptsOut() {
        String nationalId = TestData.nationalId();
        String region = "140105" + (100_000 + ThreadLocalRandom.current().nextInt(900_000)); // a village of its own
        invite(nationalId, "赵敏", region);

        String token = Gateway.login("invited-" + System.nanoTime());
        given().auth().oauth2(token).when().get("/mp/v1/me/invitations").then().statusCode(200)
                .body("errcode", equalTo(0)).body("data.items", hasSize(0)).body("data.next", nullValue());
        SubscribeJourneyTest.bindRealName(token, nationalId, "赵敏");
        JsonPath mine = given().auth().oauth2(token).when().get("/mp/v1/me/invitations").then().statusCode(200)
                .body("errcode", equalTo(0)).body("data.items", hasSize(1)).body("data.next", nullValue())
                .body("data.items[0].why", containsString("去世"))
                .body("data.items[0].likelyPrograms.program", hasItem("TEMPORARY_ASSISTANCE"))
                .body("data.items[0].howToOptOut", containsString("暂不需要"))
                .body("data.items[0].optedOutAt", nullValue()).extract().jsonPath();
        String invitationId = mine.getString("data.items[0].id");
        String draftId = mine.getString("data.items[0].draftId");
        // the prefilled draft is an ordinary draft of the resident's
        given().auth().oauth2(token).when().get("/mp/v1/drafts/" + draftId).then().statusCode(200)
                .body("errcode", equalTo(0)).body("data.applicant.name", equalTo("赵敏"));

        // someone else's invitation, or no invitation id at all: not found
        given().auth().oauth2(Gateway.login("stranger-" + System.nanoTime()))
                .when().post("/mp/v1/me/invitations/" + invitationId + "/opt-out")
                .then().statusCode(200).body("errcode", equalTo(40004)).body("data", nullValue());
        given().auth().oauth2(token).when().post("/mp/v1/me/invitations/not-a-uuid/opt-out")
                .then().statusCode(200).body("errcode", equalTo(40004));

        String until = given().auth().oauth2(token).when().post("/mp/v1/me/invitations/" + invitationId + "/opt-out")
                .then().statusCode(200).body("errcode", equalTo(0)).body("data.invitationId", equalTo(invitationId))
                .body("data.message", containsString("不会再")).extract().path("data.optedOutUntil");
        given().auth().oauth2(token).when().post("/mp/v1/me/invitations/" + invitationId + "/opt-out")
                .then().statusCode(200).body("errcode", equalTo(0)).body("data.optedOutUntil", equalTo(until));
        given().auth().oauth2(token).when().get("/mp/v1/me/invitations").then().statusCode(200)
                .body("data.items[0].optedOutAt", notNullValue()).body("data.items[0].draftId", equalTo(draftId));

        given().when().get("/mp/v1/me/invitations").then().statusCode(401).body("errcode", equalTo(40100));
    }

    /** What backend's monitoring does before the mini program sees anything: signal, warning, invitation. */
    private static void invite(String nationalId, String name, String region) {
        String backend = BackendProcess.baseUrl();
        String signal = """
                {"signals":[{"signalId":"T-%s","type":"DEATH_IN_HOUSEHOLD","nationalId":"%s","name":"%s",\
                "regionCode":"%s","occurredOn":"%s"}]}""".formatted(UUID.randomUUID(), nationalId, name, region,
                LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(3));
        given().auth().oauth2(Tokens.of("exchange1")).contentType(ContentType.JSON).body(signal)
                .when().post(backend + "/api/v1/monitoring/signal-batches")
                .then().statusCode(200).body("warnings", equalTo(1));
        String caseworker = Tokens.newStaff("caseworker", "CIVIL_AFFAIRS", region);
        JsonPath warnings = given().auth().oauth2(caseworker).queryParam("limit", 100)
                .when().get(backend + "/api/v1/monitoring/warnings").then().statusCode(200).extract().jsonPath();
        assertEquals(1, warnings.getList("items").size(), "the village is this test's alone");
        given().auth().oauth2(caseworker)
                .when().post(backend + "/api/v1/monitoring/warnings/" + warnings.getString("items[0].id") + "/invitation")
                .then().statusCode(201);
    }
}

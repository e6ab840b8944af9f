package io.onestop.assistance.miniprogram;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onestop.assistance.platformsim.PlatformSimulator;
import io.onestop.assistance.testing.TestData;
import io.onestop.assistance.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Subscribe messages end to end: the resident accepts the status template in the mini program, a caseworker accepts
 * the case in backend, backend's delivery worker takes the acceptance and asks the gateway, and the message arrives
 * at the platform (simulator). Without an acceptance left, or when the platform refuses (43101), the message still
 * reaches the in-app inbox. Also family delegation through the gateway.
 */
@QuarkusTest
class SubscribeJourneyTest {

    private static final String SPOUSE_ID = "140105198805100020"; // m2 of household A
    private static final String SEND_PATH = "/cgi-bin/message/subscribe/send";

    @Test
    void caseAcceptedArrivesAsSubscribeMessageThenFallsBackToTheInbox() {
        PlatformSimulator simulator = PlatformSimulatorResource.simulator();
        String user = "subscriber-" + System.nanoTime();
        String token = Gateway.login(user);
        String openid = simulator.openidOf(Gateway.code(user));
        String nationalId = TestData.nationalId();
        bindRealName(token, nationalId, "张伟");
        String[] intake = submit(token, nationalId);
        String intakeId = intake[0];
        String caseId = intake[1];
        awaitInbox(token, "INTAKE_SUBMITTED");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"nationalId\":\"" + SPOUSE_ID + "\"}")
                .when().put("/mp/v1/intakes/" + intakeId + "/verification-consents/m2")
                .then().statusCode(200).body("errcode", equalTo(0));

        // The mini program reads which template to ask for, the resident accepts it (wx.requestSubscribeMessage talks
        // to the platform), and the mini program reports it with a fresh wx.login code.
        String template = given().auth().oauth2(token).when().get("/mp/v1/subscriptions")
                .then().statusCode(200).body("errcode", equalTo(0)).body("data.items", hasSize(0))
                .extract().path("data.statusTemplateId");
        simulator.accept(openid, template);
        subscribe(token, user, template).body("data.items.find { it.templateId == '" + template + "' }.remaining", equalTo(1));

        caseworkerMoves(caseId, "{\"to\":\"ACCEPTED\"}");
        await("the subscribe message", () -> !simulator.sentMessagesTo(openid).isEmpty());
        String sent = simulator.sentMessagesTo(openid).get(0);
        assertTrue(sent.contains(template) && sent.contains("申请已受理") && sent.contains("intakeId=" + intakeId), sent);
        awaitInbox(token, "CASE_ACCEPTED"); // the inbox always gets it too
        given().auth().oauth2(token).when().get("/mp/v1/subscriptions")
                .then().body("data.items.find { it.templateId == '" + template + "' }.remaining", equalTo(0));

        // The platform refuses (the resident's acceptance is gone there, 43101) though backend counted one: the
        // message falls back to the inbox and the count goes to 0.
        subscribe(token, user, template).body("data.items.find { it.templateId == '" + template + "' }.remaining", equalTo(1));
        int sendsBefore = simulator.calls(SEND_PATH);
        caseworkerMoves(caseId, "{\"to\":\"RETURNED\",\"note\":\"请补充近 6 个月的收入证明\",\"documents\":[\"INCOME_PROOF\"]}");
        awaitInbox(token, "DOCUMENTS_REQUESTED");
        await("the quota set to 0 after 43101", () -> remaining(token, template) == 0);
        assertEquals(sendsBefore + 1, simulator.calls(SEND_PATH), "one send, refused");
        assertEquals(1, simulator.sentMessagesTo(openid).size(), "nothing more arrived");

        // Quota used up: backend does not even ask the platform, the inbox gets the message.
        given().auth().oauth2(token).when().post("/mp/v1/intakes/" + intakeId + "/withdrawal")
                .then().statusCode(200).body("errcode", equalTo(0));
        JsonPath inbox = awaitInbox(token, "INTAKE_WITHDRAWN");
        assertEquals(sendsBefore + 1, simulator.calls(SEND_PATH), "no acceptance left: no send");
        assertEquals(1, simulator.sentMessagesTo(openid).size());

        // The inbox through the gateway: newest first, unread counted, mark read, cursors.
        long unread = inbox.getLong("data.unread");
        long newest = inbox.getLong("data.items[0].id");
        given().auth().oauth2(token).when().post("/mp/v1/inbox/" + newest + "/read")
                .then().statusCode(200).body("errcode", equalTo(0)).body("data", nullValue());
        given().auth().oauth2(token).when().post("/mp/v1/inbox/" + newest + "/read")
                .then().statusCode(200).body("errcode", equalTo(0));
        JsonPath first = given().auth().oauth2(token).queryParam("limit", 1).when().get("/mp/v1/inbox")
                .then().statusCode(200).body("errcode", equalTo(0)).body("data.items", hasSize(1))
                .body("data.unread", equalTo((int) unread - 1)).extract().jsonPath();
        assertTrue(first.getString("data.items[0].readAt") != null);
        given().auth().oauth2(token).queryParam("limit", 1).queryParam("cursor", first.getString("data.next"))
                .when().get("/mp/v1/inbox").then().statusCode(200).body("errcode", equalTo(0))
                .body("data.items", hasSize(1));
        // someone else's message is not found
        given().auth().oauth2(Gateway.login("nosy-" + System.nanoTime())).when().post("/mp/v1/inbox/" + newest + "/read")
                .then().statusCode(200).body("errcode", equalTo(40004));
    }

    @Test
    void familyDelegationGrantedListedAndRevokedThroughTheGateway() {
        String token = Gateway.login("grantor-" + System.nanoTime());
        String nationalId = TestData.nationalId();
        bindRealName(token, nationalId, "张伟");
        String intakeId = submit(token, nationalId)[0];

        String relative = Gateway.login("relative-" + System.nanoTime());
        String relativeId = TestData.nationalId();
        bindRealName(relative, relativeId, "李娜");
        String phone = "139" + String.format("%08d", System.nanoTime() % 100_000_000L);
        given().auth().oauth2(relative).contentType(ContentType.JSON).body("{\"code\":\"phone-" + phone + "\"}")
                .when().post("/mp/v1/phone").then().statusCode(200).body("data.bound", equalTo(true));

        String grant = "{\"nationalId\":\"" + relativeId + "\",\"phone\":\"" + phone + "\",\"scope\":\"VIEW_STATUS\","
                + "\"endsOn\":\"" + java.time.LocalDate.now().plusMonths(1) + "\"}";
        given().auth().oauth2(token).contentType(ContentType.JSON).body(grant)
                .when().post("/mp/v1/intakes/" + intakeId + "/delegations")
                .then().statusCode(200).body("errcode", equalTo(40001)); // no Idempotency-Key
        String key = UUID.randomUUID().toString();
        String answer = given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key).body(grant)
                .when().post("/mp/v1/intakes/" + intakeId + "/delegations")
                .then().statusCode(200).body("errcode", equalTo(0)).body("data.status", equalTo("ACTIVE"))
                .body("data.delegateNationalId", startsWith(relativeId.substring(0, 4) + "**********"))
                .extract().asString();
        assertFalse(answer.contains(relativeId), answer);
        String delegationId = new JsonPath(answer).getString("data.id");
        // the retry, key in the body: the same delegation
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(grant.replaceFirst("\\{", "{\"idempotencyKey\":\"" + key + "\","))
                .when().post("/mp/v1/intakes/" + intakeId + "/delegations")
                .then().statusCode(200).body("errcode", equalTo(0)).body("data.id", equalTo(delegationId));

        given().auth().oauth2(token).when().get("/mp/v1/intakes/" + intakeId + "/delegations")
                .then().statusCode(200).body("errcode", equalTo(0)).body("data.items", hasSize(1))
                .body("data.items[0].id", equalTo(delegationId)).body("data.next", nullValue());
        given().auth().oauth2(token).when().delete("/mp/v1/intakes/" + intakeId + "/delegations/" + delegationId)
                .then().statusCode(200).body("errcode", equalTo(0));
        given().auth().oauth2(token).when().get("/mp/v1/intakes/" + intakeId + "/delegations")
                .then().statusCode(200).body("data.items.status", hasItem("REVOKED"));

        // Not the grantor's intake: not found, never forbidden.
        given().auth().oauth2(relative).when().get("/mp/v1/intakes/" + intakeId + "/delegations")
                .then().statusCode(200).body("errcode", equalTo(40004));
        given().auth().oauth2(relative).when().delete("/mp/v1/intakes/" + intakeId + "/delegations/" + delegationId)
                .then().statusCode(200).body("errcode", equalTo(40004));
    }

    static void bindRealName(String token, String nationalId, String name) {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"nationalId\":\"" + nationalId + "\",\"name\":\"" + name + "\"}")
                .when().put("/mp/v1/me/real-name").then().statusCode(200).body("errcode", equalTo(0));
    }

    /** Drafts and submits household A; answers the intake id and the minimum-living-allowance case id. */
    static String[] submit(String token, String nationalId) {
        String draftId = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(TestData.draft(TestData.HOUSEHOLD_A, nationalId))
                .when().post("/mp/v1/drafts").then().statusCode(200).body("errcode", equalTo(0)).extract().path("data.id");
        JsonPath intake = given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"draftId\":\"" + draftId + "\",\"consent\":true}").when().post("/mp/v1/intakes")
                .then().statusCode(200).body("errcode", equalTo(0)).extract().jsonPath();
        return new String[] {intake.getString("data.id"),
                intake.getString("data.cases.find { it.program == 'MINIMUM_LIVING_ALLOWANCE' }.id")};
    }

    private static io.restassured.response.ValidatableResponse subscribe(String token, String user, String template) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"code\":\"" + Gateway.code(user) + "\",\"templateIds\":[\"" + template + "\"]}")
                .when().post("/mp/v1/subscriptions")
                .then().statusCode(200).body("errcode", equalTo(0));
    }

    private static int remaining(String token, String template) {
        List<Integer> left = given().auth().oauth2(token).when().get("/mp/v1/subscriptions").then().extract()
                .path("data.items.findAll { it.templateId == '" + template + "' }.remaining");
        return left.isEmpty() ? 0 : left.get(0);
    }

    /** Waits until backend's worker has put a message of this kind in the inbox; answers the inbox's first page. */
    private static JsonPath awaitInbox(String token, String kind) {
        JsonPath[] last = new JsonPath[1];
        await("inbox message " + kind, () -> {
            last[0] = given().auth().oauth2(token).when().get("/mp/v1/inbox").then().statusCode(200)
                    .body("errcode", equalTo(0)).extract().jsonPath();
            return last[0].getList("data.items.kind").contains(kind);
        });
        return last[0];
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("timed out waiting for " + what);
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
}

package io.onestop.assistance.hotline.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onestop.assistance.cases.CaseFixtures;
import io.onestop.assistance.testing.LocalStackResource;
import io.onestop.assistance.testing.TestData;
import io.onestop.assistance.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The hotline desk against the real stack: nothing is looked up before the caller verification is recorded, the reach
 * is the staff member's city, every look-up is audited with the call reference, an assisted draft is the resident's,
 * a verbal-consent submission creates the intake with its cases, and no answer carries a national id number.
 */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class HotlineResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    private CaseFixtures db() {
        return new CaseFixtures(pool, vertx);
    }

    private static RequestSpecification hotline() {
        return given().auth().oauth2(Tokens.of("hotline1")).contentType(ContentType.JSON);
    }

    private static String reference() {
        return "12345-T-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Opens a call; answers its id. */
    private static String openCall(String reference) {
        return hotline().body("{\"callReference\":\"" + reference + "\",\"line\":\"12345\"}")
                .when().post("/api/v1/hotline/calls")
                .then().statusCode(201).header("Location", containsString("/api/v1/hotline/calls/"))
                .body("verified", equalTo(false)).extract().path("id");
    }

    private static final String VERIFIED = """
            {"questionsAnswered":[{"question":"FULL_NAME","correct":true},{"question":"BIRTH_DATE","correct":true},
              {"question":"INTAKE_NUMBER","correct":false}],"reason":"来电人询问本人低保申请进度"}""";

    private static String verifiedCall(String reference) {
        String callId = openCall(reference);
        hotline().body(VERIFIED).when().post("/api/v1/hotline/calls/" + callId + "/verification")
                .then().statusCode(200).body("verified", equalTo(true))
                .body("questionsAnswered", equalTo(List.of("FULL_NAME", "BIRTH_DATE")));
        return callId;
    }

    private static Response searchById(String callId, String nationalId) {
        return hotline().body("{\"nationalId\":\"" + nationalId + "\"}")
                .when().post("/api/v1/hotline/calls/" + callId + "/searches").then().extract().response();
    }

    private long audits(String action, String reference, String objectId) {
        return db().count("select count(*) from audit_event where action = $1 and reason = $2 and object_id = $3",
                action, reference, objectId);
    }

    /** A valid id (GB 11643 checksum) for someone born on {@code yyyymmdd}, sequence chosen at random. */
    private static String idBornOn(String yyyymmdd) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        String body = "140105" + yyyymmdd + "%03d".formatted((int) (Math.random() * 1000));
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    @Test
    void listsTheFixedVerificationQuestions() {
        hotline().when().get("/api/v1/hotline/verification-questions").then().statusCode(200)
                .body("code", hasItem("FULL_NAME")).body("text.zh", hasItem("出生日期"));
    }

    @Test
    void refusesASearchBeforeTheCallerIsVerified() {
        String callId = openCall(reference());
        Response answer = searchById(callId, TestData.nationalId());
        assertEquals(409, answer.statusCode());
        assertEquals(PROBLEM, answer.contentType());
        assertEquals("urn:assistance:problem:caller-not-verified", answer.path("type"));
    }

    @Test
    void refusesAndAuditsAVerificationWithTooFewCorrectAnswers() {
        String reference = reference();
        String callId = openCall(reference);
        hotline().body("""
                        {"questionsAnswered":[{"question":"FULL_NAME","correct":true},{"question":"BIRTH_DATE","correct":false}],
                         "reason":"来电人询问申请进度"}""")
                .when().post("/api/v1/hotline/calls/" + callId + "/verification")
                .then().statusCode(422).contentType(PROBLEM).body("errors.field", hasItem("questionsAnswered"));
        assertEquals(1, db().count("select count(*) from audit_event where action = 'HOTLINE_VERIFY_CALLER' and result = 'FAILED' "
                + "and reason = $1 and object_id = $2", reference, callId));
        assertEquals(409, searchById(callId, TestData.nationalId()).statusCode(), "still unverified");
        hotline().body("{\"questionsAnswered\":[{\"question\":\"FULL_NAME\",\"correct\":true}]}")
                .when().post("/api/v1/hotline/calls/" + callId + "/verification").then().statusCode(422);
        hotline().body("{\"questionsAnswered\":[{\"question\":\"SHOE_SIZE\",\"correct\":true}],\"reason\":\"询问进度\"}")
                .when().post("/api/v1/hotline/calls/" + callId + "/verification").then().statusCode(422);
    }

    @Test
    void answers404ForAnUnknownCall() {
        String unknown = "/api/v1/hotline/calls/" + UUID.randomUUID();
        hotline().when().get(unknown).then().statusCode(404).contentType(PROBLEM);
        hotline().body(VERIFIED).when().post(unknown + "/verification").then().statusCode(404);
        hotline().body("{\"nationalId\":\"" + TestData.nationalId() + "\"}").when().post(unknown + "/searches").then().statusCode(404);
        hotline().body("{\"text\":\"备注\"}").when().post(unknown + "/notes").then().statusCode(404);
        hotline().when().get(unknown + "/intakes/" + UUID.randomUUID() + "/status").then().statusCode(404);

        String someoneElses = verifiedCall(reference());
        db().sql("update hotline_call set staff_subject = 'another-call-handler' where id = $1",
                io.vertx.mutiny.sqlclient.Tuple.of(UUID.fromString(someoneElses)));
        hotline().when().get("/api/v1/hotline/calls/" + someoneElses).then().statusCode(404);
        assertEquals(404, searchById(someoneElses, TestData.nationalId()).statusCode(), "another handler's call is not mine");
    }

    @Test
    void refusesInvalidCallsAndSearches() {
        hotline().body("{\"callReference\":\"1\",\"line\":\"110\"}").when().post("/api/v1/hotline/calls")
                .then().statusCode(422).body("errors.field", hasItem("line"));
        String callId = verifiedCall(reference());
        Response bad = searchById(callId, "140105198603010018");
        assertEquals(422, bad.statusCode());
        assertEquals(List.of("nationalId"), bad.path("errors.field"));
        hotline().body("{}").when().post("/api/v1/hotline/calls/" + callId + "/searches").then().statusCode(422);
        hotline().body("{\"nationalId\":\"" + TestData.nationalId() + "\",\"phone\":\"13812345678\"}")
                .when().post("/api/v1/hotline/calls/" + callId + "/searches").then().statusCode(422);
        hotline().body("{\"phone\":\"12345\"}").when().post("/api/v1/hotline/calls/" + callId + "/searches")
                .then().statusCode(422).body("errors.field", hasItem("phone"));
    }

    @Test
    void findsTheCallersIntakeMaskedAndAuditsEveryLookUpWithTheCallReference() {
        String nationalId = TestData.nationalId();
        String intakeId = CaseFixtures.submit("resident1", TestData.HOUSEHOLD_A, nationalId).path("id");
        String reference = reference();
        String callId = verifiedCall(reference);

        Response found = searchById(callId, nationalId);
        assertEquals(200, found.statusCode(), found.asString());
        assertEquals(List.of(intakeId), found.path("intakes.intakeId"));
        assertEquals("张*", found.path("intakes[0].applicantName"));
        assertEquals("138****5678", found.path("intakes[0].applicantPhone"));
        assertFalse(found.asString().contains(nationalId.substring(6, 14)), "no id number, not even masked");
        assertEquals(1, audits("HOTLINE_SEARCH_BY_NATIONAL_ID", reference, callId));

        String status = hotline().when().get("/api/v1/hotline/calls/" + callId + "/intakes/" + intakeId + "/status")
                .then().statusCode(200)
                .body("applicantName", equalTo("张*"))
                .body("cases", not(empty()))
                .body("timeline.actorSubject", everyItemNull())
                .extract().asString();
        assertFalse(status.contains(nationalId.substring(0, 4) + "*"), "no masked id either");
        assertEquals(1, audits("HOTLINE_VIEW_STATUS", reference, intakeId));

        ExtractableResponse<Response> byPhone = hotline().body("{\"phone\":\"13812345678\"}")
                .when().post("/api/v1/hotline/calls/" + callId + "/searches").then().statusCode(200).extract();
        assertTrue(byPhone.<List<String>>path("intakes.intakeId").contains(intakeId));
        assertEquals(1, audits("HOTLINE_SEARCH_BY_PHONE", reference, callId));

        hotline().when().get("/api/v1/hotline/calls/" + callId).then().statusCode(200)
                .body("intakesFound", hasItem(intakeId)).body("callReference", equalTo(reference));
    }

    @Test
    void doesNotReachIntakesOutsideTheCityOrNotFoundInTheCall() {
        String nationalId = TestData.nationalId();
        String elsewhere = CaseFixtures.submit("resident1", TestData.HOUSEHOLD_A.replace("140105", "330106"), nationalId).path("id");
        String callId = verifiedCall(reference());
        searchById(callId, nationalId).then().statusCode(200).body("intakes", empty());
        hotline().when().get("/api/v1/hotline/calls/" + callId + "/intakes/" + elsewhere + "/status").then().statusCode(404);

        String ownCity = CaseFixtures.submit("resident1", TestData.HOUSEHOLD_A, TestData.nationalId()).path("id");
        hotline().when().get("/api/v1/hotline/calls/" + callId + "/intakes/" + ownCity + "/status")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void assistedDraftIsTheVerifiedCallersAndVerbalConsentSubmitsItWithCases() {
        String nationalId = TestData.nationalId();
        String reference = reference();
        String callId = verifiedCall(reference);
        String draft = TestData.draft(TestData.HOUSEHOLD_A, nationalId);

        hotline().body(draft).when().post("/api/v1/hotline/calls/" + callId + "/drafts")
                .then().statusCode(409).body("type", containsString("caller-not-identified"));
        searchById(callId, nationalId).then().statusCode(200).body("callerRegistered", equalTo(false)).body("intakes", empty());
        hotline().body(TestData.draft(TestData.HOUSEHOLD_A, TestData.nationalId()))
                .when().post("/api/v1/hotline/calls/" + callId + "/drafts")
                .then().statusCode(422).body("errors.field", hasItem("applicant.nationalId"));
        hotline().body(TestData.draft(TestData.HOUSEHOLD_A.replace("140105", "330106"), nationalId))
                .when().post("/api/v1/hotline/calls/" + callId + "/drafts")
                .then().statusCode(422).body("errors.field", hasItem("household.regionCode"));

        ExtractableResponse<Response> prepared = hotline().body(draft).when().post("/api/v1/hotline/calls/" + callId + "/drafts")
                .then().statusCode(201).body("callReference", equalTo(reference))
                .body("draft.applicant.nationalId", nullValue()).body("draft.applicant.name", equalTo("张*"))
                .body("nextStep.zh", notNullValue()).extract();
        String draftId = prepared.path("draftId");
        assertFalse(prepared.asString().contains(nationalId.substring(6, 14)));
        String owner = db().row("select owner_subject from draft where id = $1", UUID.fromString(draftId)).getString(0);
        assertTrue(owner.startsWith("resident:"), "the draft is the resident's: " + owner);
        assertEquals(1, audits("HOTLINE_PREPARE_DRAFT", reference, draftId));
        searchById(callId, nationalId).then().statusCode(200).body("callerRegistered", equalTo(true));

        String current = given().when().get("/api/v1/verification-consent-texts/current").then().statusCode(200)
                .body("text.zh", containsString("撤回")).extract().path("version");
        String submission = "/api/v1/hotline/calls/" + callId + "/drafts/" + draftId + "/verbal-submission";
        hotline().header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"consentTextVersion\":\"1999-01\",\"consentReadOut\":true,\"callerConsented\":true}")
                .when().post(submission).then().statusCode(422).body("errors.field", hasItem("consentTextVersion"));
        hotline().header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"consentTextVersion\":\"" + current + "\",\"consentReadOut\":true,\"callerConsented\":false}")
                .when().post(submission).then().statusCode(422);
        hotline().body("{\"consentTextVersion\":\"" + current + "\",\"consentReadOut\":true,\"callerConsented\":true}")
                .when().post(submission).then().statusCode(400);

        String key = UUID.randomUUID().toString();
        String body = "{\"consentTextVersion\":\"" + current + "\",\"consentReadOut\":true,\"callerConsented\":true}";
        ExtractableResponse<Response> submitted = hotline().header("Idempotency-Key", key).body(body)
                .when().post(submission).then().extract();
        assertEquals(201, submitted.statusCode(), submitted.asString());
        String intakeId = submitted.path("id");
        assertEquals("/api/v1/hotline/calls/" + callId + "/intakes/" + intakeId + "/status",
                java.net.URI.create(submitted.header("Location")).getPath());
        assertFalse(submitted.<List<?>>path("cases").isEmpty(), "fanned out into cases");
        assertTrue(submitted.path("applicant") == null, "no applicant in the answer");
        assertFalse(submitted.asString().contains(nationalId.substring(6, 14)));
        assertEquals(db().count("select count(*) from program_case where intake_id = $1", UUID.fromString(intakeId)),
                (long) submitted.<List<?>>path("cases").size());

        Row consent = db().row("select channel, call_reference, signed_by_subject, consent_text_version from verification_consent "
                + "where intake_id = $1 and member_id = 'm1'", UUID.fromString(intakeId));
        assertEquals("HOTLINE_VERBAL", consent.getString(0));
        assertEquals(reference, consent.getString(1));
        assertEquals(current, consent.getString(3));
        Row assisted = db().row("select submitted_intake_id, verbal_consent_taken_by from hotline_assisted_draft where draft_id = $1",
                UUID.fromString(draftId));
        assertEquals(intakeId, assisted.getUUID(0).toString());
        assertEquals(consent.getString(2), assisted.getString(1));
        assertEquals(1, audits("HOTLINE_SUBMIT_ON_VERBAL_CONSENT", reference, intakeId));

        hotline().header("Idempotency-Key", key).body(body).when().post(submission)
                .then().statusCode(201).body("id", equalTo(intakeId));
        assertEquals(1, audits("HOTLINE_SUBMIT_ON_VERBAL_CONSENT", reference, intakeId), "a replay records nothing twice");

        hotline().when().get("/api/v1/hotline/calls/" + callId + "/intakes/" + intakeId + "/status").then().statusCode(200)
                .body("applicantName", equalTo("张*"));
    }

    @Test
    void theResidentFindsTheAssistedDraftOnTheirOwnDeviceAfterRealNameBindingAndSubmitsIt() {
        String nationalId = TestData.nationalId();
        String callId = verifiedCall(reference());
        searchById(callId, nationalId).then().statusCode(200);
        String draftId = hotline().body(TestData.draft(TestData.HOUSEHOLD_A, nationalId))
                .when().post("/api/v1/hotline/calls/" + callId + "/drafts").then().statusCode(201).extract().path("draftId");

        String device = Tokens.newResident();
        given().auth().oauth2(device).when().get("/api/v1/drafts/" + draftId).then().statusCode(404); // not bound yet
        given().auth().oauth2(device).contentType(ContentType.JSON)
                .body("{\"nationalId\":\"" + nationalId + "\",\"name\":\"张伟\"}")
                .when().put("/api/v1/me/real-name").then().statusCode(200);
        given().auth().oauth2(device).when().get("/api/v1/drafts/" + draftId).then().statusCode(200)
                .body("applicant.name", equalTo("张伟"));
        // the resident was told, in their inbox, that a draft waits for them and nothing is filed before they confirm
        long deadline = System.currentTimeMillis() + 15_000;
        List<String> kinds = List.of();
        while (System.currentTimeMillis() < deadline && !kinds.contains("ASSISTED_DRAFT")) {
            kinds = given().auth().oauth2(device).when().get("/api/v1/inbox").then().statusCode(200).extract().path("items.kind");
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        assertTrue(kinds.contains("ASSISTED_DRAFT"), kinds.toString());
        given().auth().oauth2(device).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"draftId\":\"" + draftId + "\",\"consent\":true}")
                .when().post("/api/v1/intakes").then().statusCode(201).body("cases", not(empty()));
    }

    @Test
    void notesHandOffAndVerbalMemberConsent() {
        String nationalId = TestData.nationalId();
        ExtractableResponse<Response> submitted = CaseFixtures.submit("resident1", TestData.HOUSEHOLD_A, nationalId);
        String intakeId = submitted.path("id");
        String caseId = submitted.path("cases.find { it.program == 'MINIMUM_LIVING_ALLOWANCE' }.id");
        String reference = reference();
        String callId = verifiedCall(reference);

        hotline().body("{\"text\":\"来电人行动不便，希望经办人员电话联系\"}").when().post("/api/v1/hotline/calls/" + callId + "/notes")
                .then().statusCode(201).body("text", equalTo("来电人行动不便，希望经办人员电话联系"));
        hotline().body("{\"text\":\"  \"}").when().post("/api/v1/hotline/calls/" + callId + "/notes").then().statusCode(422);
        hotline().when().get("/api/v1/hotline/calls/" + callId).then().statusCode(200).body("notes", hasSize(1));

        String handoff = "/api/v1/hotline/calls/" + callId + "/intakes/" + intakeId + "/cases/" + caseId + "/handoff";
        hotline().body("{\"note\":\"请尽快联系\"}").when().post(handoff).then().statusCode(404); // not found in this call yet
        searchById(callId, nationalId).then().statusCode(200);
        hotline().body("{\"note\":\"请尽快联系\"}")
                .when().post("/api/v1/hotline/calls/" + callId + "/intakes/" + intakeId + "/cases/" + UUID.randomUUID() + "/handoff")
                .then().statusCode(404);
        hotline().body("{\"note\":\"请尽快联系\"}").when().post(handoff).then().statusCode(201)
                .body("caseId", equalTo(caseId)).body("callReference", equalTo(reference));
        assertEquals(1, audits("HOTLINE_HANDOFF", reference, caseId));
        assertTrue(flaggedInQueue(caseId), "the caseworker queue flags the hand-off");

        String spouse = idBornOn("19880510");
        String consent = "/api/v1/hotline/calls/" + callId + "/intakes/" + intakeId + "/verification-consents/m2";
        hotline().body("{\"nationalId\":\"" + spouse + "\",\"consentTextVersion\":\"1999-01\"}").when().put(consent)
                .then().statusCode(422);
        hotline().body("{\"nationalId\":\"" + spouse + "\",\"consentTextVersion\":\"2026-01\"}").when().put(consent)
                .then().statusCode(200).body("complete", equalTo(true))
                .body("members.find { it.memberId == 'm2' }.channel", equalTo("HOTLINE_VERBAL"))
                .body("members.find { it.memberId == 'm2' }.consentTextVersion", equalTo("2026-01"))
                .body(not(containsString(spouse)));
        assertEquals(reference, db().row("select call_reference from verification_consent where intake_id = $1 and member_id = 'm2'",
                UUID.fromString(intakeId)).getString(0));
        assertEquals(1, audits("HOTLINE_RECORD_VERBAL_CONSENT", reference, intakeId));
    }

    /** Walks the caseworker's queue of submitted cases for the case and answers its hotline flag. */
    @SuppressWarnings("unchecked")
    private static boolean flaggedInQueue(String caseId) {
        String after = null;
        for (int page = 0; page < 200; page++) {
            RequestSpecification request = given().auth().oauth2(Tokens.of("caseworker1")).queryParam("step", "SUBMITTED")
                    .queryParam("limit", 100);
            if (after != null) {
                request = request.queryParam("after", after);
            }
            ExtractableResponse<Response> answer = request.when().get("/api/v1/cases").then().statusCode(200).extract();
            for (Map<String, Object> item : answer.<List<Map<String, Object>>>path("items")) {
                if (caseId.equals(item.get("id"))) {
                    return Boolean.TRUE.equals(item.get("hotlineHandoff"));
                }
            }
            after = answer.path("next");
            if (after == null) {
                break;
            }
        }
        throw new AssertionError("case not in the caseworker's queue");
    }

    private static org.hamcrest.Matcher<Iterable<? extends Object>> everyItemNull() {
        return org.hamcrest.Matchers.everyItem(nullValue());
    }
}

package io.onestop.assistance.monitoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
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
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Monitoring against the real stack: signals by API and CSV (all or nothing, problems by index or line), idempotent
 * re-posts, the rules at their thresholds, the regional queue, the invitation to a submitted intake and the closed
 * loop on the dashboard, opt-out and a direct grant. Each test works in a village of its own, so its counts are exact.
 */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class MonitoringTest {

    private static final String PROBLEM = "application/problem+json";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    private CaseFixtures db() {
        return new CaseFixtures(pool, vertx);
    }

    /**
     * A village (12-digit code) of 140105 that no other test or earlier run uses (the test database is kept between
     * runs, so the dashboard's counts of the region are this test's alone); never in caseworker1's township 001.
     */
    private static String township() {
        return "140105" + (100_000 + ThreadLocalRandom.current().nextInt(900_000));
    }

    private static String caseworkerOf(String region) {
        return Tokens.newStaff("caseworker", "CIVIL_AFFAIRS", region);
    }

    /** A valid national id of someone born in {@code year} (random day and sequence, so runs do not collide). */
    private static String bornIn(int year) {
        LocalDate birth = LocalDate.of(year, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(365));
        String body = "140105" + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
                + "%03d".formatted(ThreadLocalRandom.current().nextInt(1000));
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    private static String key() {
        return "T-" + UUID.randomUUID();
    }

    private static String signal(String key, String type, String nationalId, String name, String region, String extra) {
        return """
                {"signalId":"%s","type":"%s","nationalId":"%s","name":"%s","regionCode":"%s","occurredOn":"%s"%s}"""
                .formatted(key, type, nationalId, name, region, TODAY.minusDays(3), extra == null ? "" : "," + extra);
    }

    private static ExtractableResponse<Response> post(String... signals) {
        return given().auth().oauth2(Tokens.of("exchange1")).contentType(ContentType.JSON)
                .body("{\"signals\":[" + String.join(",", signals) + "]}")
                .when().post("/api/v1/monitoring/signal-batches").then().extract();
    }

    private static ExtractableResponse<Response> importCsv(String token, String csv) {
        return given().auth().oauth2(token).contentType("text/csv; charset=UTF-8").body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/monitoring/signal-imports").then().extract();
    }

    /** The level of the warning raised from the signal with this key, or null when none was raised. */
    private String levelOf(String signalKey) {
        long n = db().count("select count(*) from monitoring_warning w join monitoring_signal s on s.id = w.signal_id "
                + "where s.signal_key = $1", signalKey);
        return n == 0 ? null : db().row("select w.level from monitoring_warning w join monitoring_signal s "
                + "on s.id = w.signal_id where s.signal_key = $1", signalKey).getString(0);
    }

    private String warningOf(String signalKey) {
        return db().row("select w.id::text from monitoring_warning w join monitoring_signal s on s.id = w.signal_id "
                + "where s.signal_key = $1", signalKey).getString(0);
    }

    @Test
    void aRepostedBatchCreatesNothingNewAndAnswersWhatWasStored() {
        String region = township();
        String first = key();
        String second = key();
        String nationalId = TestData.nationalId();
        String[] batch = {signal(first, "MEDICAL_BILL", nationalId, "王秀英", region, "\"amount\":40000"),
            signal(second, "UNEMPLOYMENT_REGISTRATION", TestData.nationalId(), "李强", region, null)};
        ExtractableResponse<Response> answer = post(batch);
        assertEquals(200, answer.statusCode(), answer.asString());
        assertEquals(2, (int) answer.path("created"));
        assertEquals("MEDICAL_INSURANCE", answer.path("source"));
        assertEquals(2, (int) answer.path("warnings"));
        assertFalse(answer.asString().contains(nationalId), "the id is answered masked");
        List<String> ids = answer.path("signals.id");

        ExtractableResponse<Response> again = post(batch);
        assertEquals(200, again.statusCode());
        assertEquals(0, (int) again.path("created"));
        assertEquals(2, (int) again.path("alreadyReceived"));
        assertEquals(0, (int) again.path("warnings"), "running the rules again raises nothing new");
        assertEquals(ids, again.path("signals.id"));
        assertEquals(List.of("ALREADY_RECEIVED", "ALREADY_RECEIVED"), again.path("signals.status"));
        assertEquals(1, db().count("select count(*) from monitoring_signal where signal_key = $1", first));
        assertEquals(1, db().count("select count(*) from monitoring_warning w join monitoring_signal s on s.id = w.signal_id "
                + "where s.signal_key = $1", first));
        assertTrue(db().count("select count(*) from audit_event where action = 'MONITORING_SIGNALS_RECEIVE' "
                + "and reason like 'API MEDICAL_INSURANCE created=0 already=2%'") >= 1, "the re-post is audited too");
    }

    @Test
    void aBatchWithOneBadSignalIsRefusedByIndexAndStoresNothing() {
        String good = key();
        ExtractableResponse<Response> answer = post(
                signal(good, "MEDICAL_BILL", TestData.nationalId(), "王秀英", township(), "\"amount\":40000"),
                signal(key(), "MEDICAL_BILL", "140105199001011230", "李强", township(), null),
                signal(key(), "DISABILITY_CERTIFICATE", TestData.nationalId(), "赵敏", "999999", null));
        assertEquals(422, answer.statusCode());
        assertEquals(PROBLEM, answer.contentType());
        List<String> fields = answer.path("errors.field");
        assertTrue(fields.containsAll(List.of("signals[1].nationalId", "signals[1].amount", "signals[2].regionCode",
                "signals[2].disabilityGrade")), fields.toString());
        assertEquals(0, db().count("select count(*) from monitoring_signal where signal_key = $1", good));
    }

    @Test
    void aCsvFileIsImportedWholeOrNotAtAllWithProblemsByLine() {
        String region = township();
        String caseworker = caseworkerOf(region);
        String a = key();
        String b = key();
        String header = "source,signalId,type,nationalId,name,regionCode,occurredOn,amount,disabilityGrade,program\n";
        String good = header
                + "MEDICAL_INSURANCE," + a + ",MEDICAL_BILL," + TestData.nationalId() + ",王秀英," + region + "," + TODAY.minusDays(2) + ",30000,,\n"
                + "DISABLED_PERSONS_FEDERATION," + b + ",DISABILITY_CERTIFICATE," + TestData.nationalId() + ",\"李, 强\"," + region + ","
                + TODAY.minusDays(1) + ",,2,\r\n";
        String bad = header
                + "MEDICAL_INSURANCE," + key() + ",MEDICAL_BILL," + TestData.nationalId() + ",王秀英," + region + "," + TODAY + ",30000,,\n"
                + "MEDICAL_INSURANCE," + key() + ",MEDICAL_BILL,140105199001011230,王秀英," + region + "," + TODAY + ",30000,,\n"
                + "EDUCATION," + key() + ",SCHOOL_DROP_OUT," + TestData.nationalId() + ",张三," + region + ",2026-13-01,,,\n"
                + "EDUCATION," + key() + ",SCHOOL_DROP_OUT," + TestData.nationalId() + ",张三,140106001," + TODAY + ",,,\n"
                + "EDUCATION," + key() + ",SCHOOL_DROP_OUT\n";
        ExtractableResponse<Response> refused = importCsv(caseworker, bad);
        assertEquals(422, refused.statusCode(), refused.asString());
        List<String> fields = refused.path("errors.field");
        assertEquals(List.of("line 3.nationalId", "line 4.occurredOn", "line 5.regionCode", "line 6"), fields);
        assertEquals(0, db().count("select count(*) from monitoring_signal where region_code = $1", region),
                "nothing of a file with a bad row is imported");

        ExtractableResponse<Response> imported = importCsv(caseworker, good);
        assertEquals(200, imported.statusCode(), imported.asString());
        assertEquals(2, (int) imported.path("created"));
        assertEquals("RED", levelOf(a));
        assertEquals("ORANGE", levelOf(b));
        assertEquals("李, 强", db().row("select person_name from monitoring_signal where signal_key = $1", b).getString(0));

        // the same file as an upload: all of it already received
        ExtractableResponse<Response> upload = given().auth().oauth2(caseworker)
                .multiPart("file", "signals.csv", good.getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post("/api/v1/monitoring/signal-imports").then().extract();
        assertEquals(200, upload.statusCode(), upload.asString());
        assertEquals(0, (int) upload.path("created"));
        assertEquals(2, (int) upload.path("alreadyReceived"));

        // rows of another township are not a caseworker's to import
        assertEquals(422, importCsv(Tokens.of("caseworker1"), good.replace(a, key()).replace(b, key())).statusCode());
    }

    @Test
    void theMedicalBillRuleWarnsAtItsThresholdsPerCounty() {
        // 140105: disposable income 2,500 a month = 30,000 a year; ORANGE from 50% (15,000), RED from 100% (30,000)
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        String region = township();
        StringBuilder batch = new StringBuilder();
        for (String[] row : new String[][] {{"14999", null}, {"15000", "ORANGE"}, {"29999", "ORANGE"}, {"30000", "RED"}}) {
            String k = key();
            expected.put(k, row[1]);
            batch.append(batch.isEmpty() ? "" : ",").append(signal(k, "MEDICAL_BILL", TestData.nationalId(), "王秀英", region,
                    "\"amount\":" + row[0]));
        }
        // 330106 (Xihu): 6,000 a month = 72,000 a year; RED from 80% there (a per-county parameter): 57,600
        for (String[] row : new String[][] {{"35999", null}, {"36000", "ORANGE"}, {"57599", "ORANGE"}, {"57600", "RED"}}) {
            String k = key();
            expected.put(k, row[1]);
            batch.append(",").append(signal(k, "MEDICAL_BILL", TestData.nationalId(), "王秀英", "330106",
                    "\"amount\":" + row[0]));
        }
        // a disaster: RED from a loss of 6 months of the urban MLA standard (6 x 669 = 4,014), else ORANGE
        for (String[] row : new String[][] {{"4013", "ORANGE"}, {"4014", "RED"}, {"4015", "RED"}}) {
            String k = key();
            expected.put(k, row[1]);
            batch.append(",").append(signal(k, "DISASTER", TestData.nationalId(), "王秀英", region, "\"amount\":" + row[0]));
        }
        // a disability certificate: grades 1-2 ORANGE (care allowance whatever the income), 3-4 YELLOW
        for (String[] row : new String[][] {{"1", "ORANGE"}, {"2", "ORANGE"}, {"3", "YELLOW"}, {"4", "YELLOW"}}) {
            String k = key();
            expected.put(k, row[1]);
            batch.append(",").append(signal(k, "DISABILITY_CERTIFICATE", TestData.nationalId(), "王秀英", region,
                    "\"disabilityGrade\":" + row[0]));
        }
        String ending = key();
        expected.put(ending, "ORANGE");
        batch.append(",").append(signal(ending, "PROGRAM_ENDED", TestData.nationalId(), "王秀英", region,
                "\"program\":\"CHILD_LIVING_SUBSIDY\""));
        ExtractableResponse<Response> answer = post(batch.toString());
        assertEquals(200, answer.statusCode(), answer.asString());
        expected.forEach((k, level) -> assertEquals(level, levelOf(k), "signal " + k));
        assertTrue(db().row("select reason_zh from monitoring_warning w join monitoring_signal s on s.id = w.signal_id "
                + "where s.signal_key = $1", ending).getString(0).contains(WarningRules.zhDate(TODAY.minusDays(3).plusMonths(6))),
                "the end of a program names the end of its 6-month transition");
        String atRed = expected.keySet().toArray(String[]::new)[3];
        assertTrue(db().row("select reason_zh from monitoring_warning w join monitoring_signal s on s.id = w.signal_id "
                + "where s.signal_key = $1", atRed).getString(0).contains("30,000"), "the reason names the line it was measured against");
    }

    @Test
    void whatIsKnownOfThePersonLowersOrSuppressesTheWarning() {
        String region = township();
        // an assisted household (worked example A: MLA, employment assistance under way)
        String assisted = TestData.nationalId();
        CaseFixtures.submit("resident1", TestData.HOUSEHOLD_A, assisted);
        String bill = key();
        String unemployed = key();
        String newcomer = key();
        assertEquals(200, post(
                signal(bill, "MEDICAL_BILL", assisted, "张伟", region, "\"amount\":30000"),
                signal(unemployed, "UNEMPLOYMENT_REGISTRATION", assisted, "张伟", region, null),
                signal(newcomer, "UNEMPLOYMENT_REGISTRATION", TestData.nationalId(), "李强", region, null)).statusCode());
        assertEquals("ORANGE", levelOf(bill), "RED lowered one level: the household is known to caseworkers");
        assertTrue(db().row("select reason_zh from monitoring_warning w join monitoring_signal s on s.id = w.signal_id "
                + "where s.signal_key = $1", bill).getString(0).contains("低保"));
        assertEquals(null, levelOf(unemployed), "already getting the programs the signal hints at: no warning");
        assertEquals("YELLOW", levelOf(newcomer));
    }

    @Test
    void warningsLandInTheQueueOfThePersonsRegionOnlyHighestFirstAndMasked() {
        String region = township();
        String caseworker = caseworkerOf(region);
        String yellow = key();
        String red = key();
        String nationalId = TestData.nationalId();
        assertEquals(200, post(signal(yellow, "UNEMPLOYMENT_REGISTRATION", TestData.nationalId(), "李强", region, null),
                signal(red, "MEDICAL_BILL", nationalId, "王秀英", region, "\"amount\":50000")).statusCode());
        String redId = warningOf(red);
        String yellowId = warningOf(yellow);

        ExtractableResponse<Response> queue = given().auth().oauth2(caseworker).when().get("/api/v1/monitoring/warnings?limit=100")
                .then().statusCode(200).extract();
        List<String> ids = queue.path("items.id");
        assertTrue(ids.indexOf(redId) >= 0 && ids.indexOf(redId) < ids.indexOf(yellowId), ids.toString());
        assertFalse(queue.asString().contains(nationalId));
        assertEquals("王**", queue.path("items.find { it.id == '" + redId + "' }.person.name"));
        assertEquals(nationalId.substring(0, 4) + "**********" + nationalId.substring(14),
                queue.path("items.find { it.id == '" + redId + "' }.person.nationalId"));

        // paging: one at a time, the red one first
        ExtractableResponse<Response> page = given().auth().oauth2(caseworker).when().get("/api/v1/monitoring/warnings?limit=1")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("next", notNullValue()).extract();
        given().auth().oauth2(caseworker).queryParam("limit", 100).queryParam("cursor", (String) page.path("next"))
                .when().get("/api/v1/monitoring/warnings").then().statusCode(200)
                .body("items.id", not(hasItem((String) page.path("items[0].id"))));

        given().auth().oauth2(caseworker).when().get("/api/v1/monitoring/warnings/" + redId).then().statusCode(200)
                .body("person.name", equalTo("王秀英")).body("level", equalTo("RED"))
                .body("signal.type", equalTo("MEDICAL_BILL"));
        assertEquals(1, db().count("select count(*) from audit_event where action = 'MONITORING_WARNING_VIEW' and object_id = $1", redId));

        // another township of the county and another county: not theirs
        for (String other : List.of("caseworker1", "caseworker2")) {
            given().auth().oauth2(Tokens.of(other)).when().get("/api/v1/monitoring/warnings/" + redId).then().statusCode(404);
            List<String> theirs = given().auth().oauth2(Tokens.of(other)).when().get("/api/v1/monitoring/warnings?limit=100")
                    .then().statusCode(200).extract().path("items.id");
            assertFalse(theirs.contains(redId), other);
            given().auth().oauth2(Tokens.of(other)).contentType(ContentType.JSON).body("{\"reason\":\"不是我的\"}")
                    .when().post("/api/v1/monitoring/warnings/" + redId + "/dismissal").then().statusCode(404);
        }
        // the county's caseworker of another agency does not handle monitoring
        given().auth().oauth2(Tokens.newStaff("caseworker", "EDUCATION", "140105")).when()
                .get("/api/v1/monitoring/warnings/" + redId).then().statusCode(404);

        // dismissal with a reason closes it; a second act is a conflict
        given().auth().oauth2(caseworker).contentType(ContentType.JSON).body("{\"reason\":\"\"}")
                .when().post("/api/v1/monitoring/warnings/" + yellowId + "/dismissal").then().statusCode(422);
        given().auth().oauth2(caseworker).contentType(ContentType.JSON).body("{\"reason\":\"已再就业\"}")
                .when().post("/api/v1/monitoring/warnings/" + yellowId + "/dismissal").then().statusCode(200)
                .body("status", equalTo("DISMISSED"));
        given().auth().oauth2(caseworker).when().post("/api/v1/monitoring/warnings/" + yellowId + "/invitation")
                .then().statusCode(409);
    }

    @Test
    void anInvitedHouseholdSubmitsThePrefilledDraftAndTheDashboardShowsTheLoopClosed() {
        String region = township();
        String caseworker = caseworkerOf(region);
        String nationalId = TestData.nationalId();
        String signalKey = key();
        assertEquals(200, post(signal(signalKey, "MEDICAL_BILL", nationalId, "王秀英", region, "\"amount\":40000")).statusCode());
        String warningId = warningOf(signalKey);

        given().auth().oauth2(caseworker).contentType(ContentType.JSON)
                .body("{\"visitedOn\":\"" + TODAY + "\",\"outcome\":\"IN_DIFFICULTY\",\"note\":\"独居，医疗费负担重\"}")
                .when().post("/api/v1/monitoring/warnings/" + warningId + "/visits").then().statusCode(200)
                .body("status", equalTo("VISITED")).body("visits[0].outcome", equalTo("IN_DIFFICULTY"));
        ExtractableResponse<Response> invited = given().auth().oauth2(caseworker)
                .when().post("/api/v1/monitoring/warnings/" + warningId + "/invitation").then().extract();
        assertEquals(201, invited.statusCode(), invited.asString());
        assertEquals(false, invited.path("residentBound"));
        assertTrue(((List<String>) invited.path("likelyPrograms")).contains("MEDICAL_ASSISTANCE"), invited.asString());
        given().auth().oauth2(caseworker).when().post("/api/v1/monitoring/warnings/" + warningId + "/invitation")
                .then().statusCode(409);

        // the person logs in for the first time and binds their real name: the invitation and the draft are there
        String resident = Tokens.newResident();
        given().auth().oauth2(resident).when().get("/api/v1/me/invitations").then().statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(resident).contentType(ContentType.JSON)
                .body("{\"nationalId\":\"" + nationalId + "\",\"name\":\"王秀英\"}")
                .when().put("/api/v1/me/real-name").then().statusCode(200);
        ExtractableResponse<Response> mine = given().auth().oauth2(resident).when().get("/api/v1/me/invitations")
                .then().statusCode(200).body("size()", equalTo(1)).extract();
        assertTrue(((String) mine.path("[0].why")).contains("医保"));
        assertTrue(((String) mine.path("[0].howToOptOut")).contains("180"));
        assertTrue(((List<String>) mine.path("[0].likelyPrograms.program")).contains("MEDICAL_ASSISTANCE"));
        String draftId = mine.path("[0].draftId");

        ExtractableResponse<Response> draft = given().auth().oauth2(resident).when().get("/api/v1/drafts/" + draftId)
                .then().statusCode(200).body("applicant.name", equalTo("王秀英"))
                .body("household.rigidExpenditure12m.medical", equalTo(40000))
                .body("household.regionCode", equalTo("140105")).extract();
        // the resident adds the phone the application needs, then submits
        String etag = draft.header("ETag");
        Map<String, Object> body = Map.of("household", draft.path("household"),
                "applicant", Map.of("name", "王秀英", "nationalId", draft.path("applicant.nationalId"), "phone", "13912345678"));
        given().auth().oauth2(resident).contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .when().put("/api/v1/drafts/" + draftId).then().statusCode(200);
        String intakeId = given().auth().oauth2(resident).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"draftId\":\"" + draftId + "\",\"consent\":true}")
                .when().post("/api/v1/intakes").then().statusCode(201).extract().path("id");

        // the message reached the resident's inbox (through the outbox and the delivery worker)
        long deadline = System.currentTimeMillis() + 15_000;
        List<String> kinds = List.of();
        while (System.currentTimeMillis() < deadline && !kinds.contains("INVITATION")) {
            kinds = given().auth().oauth2(resident).when().get("/api/v1/inbox").then().statusCode(200).extract().path("items.kind");
            sleep();
        }
        assertTrue(kinds.contains("INVITATION"), kinds.toString());

        ExtractableResponse<Response> dashboard = given().auth().oauth2(caseworker).queryParam("region", region)
                .when().get("/api/v1/monitoring/dashboard").then().statusCode(200).extract();
        assertEquals(1, (int) dashboard.path("totals.signals"));
        assertEquals(1, (int) dashboard.path("totals.warnings.RED"));
        assertEquals(1, (int) dashboard.path("totals.invited"));
        assertEquals(1, (int) dashboard.path("totals.applied"));
        assertEquals(0, (int) dashboard.path("totals.helped"));

        // an agency approves one case: the household was helped
        db().sql("update program_case set status = 'APPROVED' where intake_id = '" + intakeId + "'::uuid and program = 'MEDICAL_ASSISTANCE'");
        given().auth().oauth2(caseworker).queryParam("region", region).when().get("/api/v1/monitoring/dashboard")
                .then().statusCode(200).body("totals.helped", equalTo(1)).body("regions[0].regionCode", equalTo(region));
        // another county's caseworker cannot ask for this region
        given().auth().oauth2(Tokens.of("caseworker2")).queryParam("region", region).when().get("/api/v1/monitoring/dashboard")
                .then().statusCode(422);
    }

    @Test
    void anOptOutStopsNewWarningsAndInvitationsForThePerson() {
        String region = township();
        String caseworker = caseworkerOf(region);
        String nationalId = TestData.nationalId();
        String first = key();
        String second = key();
        assertEquals(200, post(signal(first, "DEATH_IN_HOUSEHOLD", nationalId, "赵敏", region, null),
                signal(second, "UNEMPLOYMENT_REGISTRATION", nationalId, "赵敏", region, null)).statusCode());
        given().auth().oauth2(caseworker).when().post("/api/v1/monitoring/warnings/" + warningOf(first) + "/invitation")
                .then().statusCode(201);

        String resident = Tokens.newResident();
        given().auth().oauth2(resident).contentType(ContentType.JSON)
                .body("{\"nationalId\":\"" + nationalId + "\",\"name\":\"赵敏\"}")
                .when().put("/api/v1/me/real-name").then().statusCode(200);
        String invitationId = given().auth().oauth2(resident).when().get("/api/v1/me/invitations").then().statusCode(200)
                .extract().path("[0].id");
        given().auth().oauth2(Tokens.newResident()).when().post("/api/v1/me/invitations/" + invitationId + "/opt-out")
                .then().statusCode(404);
        ExtractableResponse<Response> out = given().auth().oauth2(resident).when()
                .post("/api/v1/me/invitations/" + invitationId + "/opt-out").then().statusCode(200).extract();
        LocalDate until = java.time.OffsetDateTime.parse(out.path("optedOutUntil")).toLocalDate();
        assertTrue(Math.abs(until.toEpochDay() - TODAY.plusDays(180).toEpochDay()) <= 1, until.toString());
        String again = given().auth().oauth2(resident).when().post("/api/v1/me/invitations/" + invitationId + "/opt-out")
                .then().statusCode(200).extract().path("optedOutUntil");
        assertEquals(java.time.OffsetDateTime.parse(out.path("optedOutUntil")).toInstant(),
                java.time.OffsetDateTime.parse(again).toInstant(), "a repeated opt-out extends nothing");

        // the person's other open warning is closed, and no invitation can be sent on it
        given().auth().oauth2(caseworker).when().get("/api/v1/monitoring/warnings/" + warningOf(second))
                .then().statusCode(200).body("status", equalTo("DISMISSED"));
        given().auth().oauth2(caseworker).when().post("/api/v1/monitoring/warnings/" + warningOf(second) + "/invitation")
                .then().statusCode(409);
        // a new signal about the person raises nothing while the opt-out lasts
        String third = key();
        ExtractableResponse<Response> later = post(signal(third, "MEDICAL_BILL", nationalId, "赵敏", region, "\"amount\":90000"));
        assertEquals(1, (int) later.path("created"));
        assertEquals(0, (int) later.path("warnings"));
        assertEquals(null, levelOf(third));
        given().auth().oauth2(resident).when().get("/api/v1/me/invitations").then().statusCode(200)
                .body("[0].optedOutAt", notNullValue()).body("[0].draftId", notNullValue());
    }

    @Test
    void staffStartTheOldAgeAllowanceWithoutAnApplicationAndTheResidentIsTold() {
        String region = township();
        String caseworker = caseworkerOf(region);
        String elder = bornIn(1942);
        String request = """
                {"program":"OLD_AGE_ALLOWANCE","nationalId":"%s","name":"李桂兰","regionCode":"%s"}""";
        ExtractableResponse<Response> started = given().auth().oauth2(caseworker).contentType(ContentType.JSON)
                .body(request.formatted(elder, region)).when().post("/api/v1/monitoring/direct-grants").then().extract();
        assertEquals(201, started.statusCode(), started.asString());
        assertEquals(50, (int) started.path("amount"));
        assertEquals("MONTH", started.path("period"));
        assertFalse(started.asString().contains(elder));
        given().auth().oauth2(caseworker).contentType(ContentType.JSON).body(request.formatted(elder, region))
                .when().post("/api/v1/monitoring/direct-grants").then().statusCode(409);
        given().auth().oauth2(caseworker).contentType(ContentType.JSON).body(request.formatted(bornIn(1990), region))
                .when().post("/api/v1/monitoring/direct-grants").then().statusCode(422).body("errors[0].field", equalTo("nationalId"));
        given().auth().oauth2(caseworker).contentType(ContentType.JSON).body(request.formatted(bornIn(1941), "140106"))
                .when().post("/api/v1/monitoring/direct-grants").then().statusCode(422).body("errors[0].field", equalTo("regionCode"));
        given().auth().oauth2(caseworker).contentType(ContentType.JSON)
                .body(request.formatted(bornIn(1941), region).replace("OLD_AGE_ALLOWANCE", "MINIMUM_LIVING_ALLOWANCE"))
                .when().post("/api/v1/monitoring/direct-grants").then().statusCode(422).body("errors[0].field", equalTo("program"));

        // the notice waits in the inbox of the person, who logs in later
        String resident = Tokens.newResident();
        given().auth().oauth2(resident).contentType(ContentType.JSON)
                .body("{\"nationalId\":\"" + elder + "\",\"name\":\"李桂兰\"}")
                .when().put("/api/v1/me/real-name").then().statusCode(200);
        long deadline = System.currentTimeMillis() + 15_000;
        List<String> bodies = List.of();
        while (System.currentTimeMillis() < deadline && bodies.isEmpty()) {
            bodies = given().auth().oauth2(resident).when().get("/api/v1/inbox").then().statusCode(200)
                    .extract().path("items.findAll { it.kind == 'DIRECT_GRANT' }.body");
            sleep();
        }
        assertEquals(1, bodies.size());
        assertTrue(bodies.get(0).contains("高龄津贴") && bodies.get(0).contains("每月 50 元"), bodies.get(0));
        given().auth().oauth2(caseworker).queryParam("region", region).when().get("/api/v1/monitoring/dashboard")
                .then().statusCode(200).body("totals.directGrants", equalTo(1));
    }

    private static void sleep() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

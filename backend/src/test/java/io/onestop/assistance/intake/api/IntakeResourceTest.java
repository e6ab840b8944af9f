package io.onestop.assistance.intake.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onestop.assistance.access.PersonalDataProtector;
import io.onestop.assistance.common.idempotency.IdempotencyPurge;
import io.onestop.assistance.testing.LocalStackResource;
import io.onestop.assistance.testing.OnVertx;
import io.onestop.assistance.testing.OwnerSql;
import io.onestop.assistance.testing.TestData;
import io.onestop.assistance.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.onestop.assistance.common.Problem;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class IntakeResourceTest {

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    PersonalDataProtector protector;

    @Inject
    IdempotencyPurge purge;

    private static String draft(String user, String body) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/drafts").then().statusCode(201).extract().path("id");
    }

    private static ExtractableResponse<Response> submit(String user, String key, String draftId) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body("{\"draftId\":\"" + draftId + "\",\"consent\":true}")
                .when().post("/api/v1/intakes").then().extract();
    }

    private long intakesOf(String nationalId) {
        return OnVertx.await(vertx, () -> pool.preparedQuery(
                        "select count(*) from intake where applicant_national_id_hash = $1")
                .execute(Tuple.of(protector.lookupHash(nationalId)))
                .map(rows -> rows.iterator().next().getLong(0)));
    }

    @Test
    void submitsOnceAndFansOutIntoOneCasePerQualifyingProgram() {
        String nationalId = TestData.nationalId();
        String draftId = draft("resident1", TestData.draft(TestData.HOUSEHOLD_A, nationalId));

        ExtractableResponse<Response> answer = submit("resident1", UUID.randomUUID().toString(), draftId);
        assertEquals(201, answer.statusCode(), answer.asString());
        String intakeId = answer.path("id");
        assertTrue(answer.header("Location").endsWith("/api/v1/intakes/" + intakeId));

        given().auth().oauth2(Tokens.of("resident1")).when().get("/api/v1/intakes/" + intakeId)
                .then().statusCode(200)
                .body("intakeNumber", matchesPattern("JZ-140105-\\d{4}-\\d{6,}"))
                .body("status", equalTo("ACTIVE"))
                .body("parameterVersion", equalTo("140105@2025-01-01"))
                .body("cases.program", containsInAnyOrder(
                        "MINIMUM_LIVING_ALLOWANCE", "EDUCATION_ASSISTANCE", "EMPLOYMENT_ASSISTANCE"))
                .body("cases.status", everyItem(equalTo("SUBMITTED")))
                .body("cases.find { it.program == 'MINIMUM_LIVING_ALLOWANCE' }.agency", equalTo("CIVIL_AFFAIRS"))
                .body("cases.find { it.program == 'MINIMUM_LIVING_ALLOWANCE' }.estimateAmount", equalTo(1107))
                .body("evaluation.programs", hasSize(13))
                .body("applicant.nationalId", not(equalTo(nationalId)))
                .body(not(containsString(nationalId)));

        // the draft was consumed by the submission
        given().auth().oauth2(Tokens.of("resident1")).when().get("/api/v1/drafts/" + draftId).then().statusCode(404);
        given().auth().oauth2(Tokens.of("resident1")).when().get("/api/v1/intakes")
                .then().statusCode(200).body("id", hasItem(intakeId));
    }

    @Test
    void replaysTheFirstAnswerForTheSameKeyAndRefusesItWithAnotherBody() {
        String nationalId = TestData.nationalId();
        String draftId = draft("resident1", TestData.draft(TestData.HOUSEHOLD_A, nationalId));
        String key = UUID.randomUUID().toString();

        ExtractableResponse<Response> first = submit("resident1", key, draftId);
        ExtractableResponse<Response> again = submit("resident1", key, draftId);
        assertEquals(201, first.statusCode(), first.asString());
        assertEquals(201, again.statusCode());
        assertEquals(first.<String>path("id"), again.path("id"));
        assertEquals(first.<String>path("intakeNumber"), again.path("intakeNumber"));
        assertEquals(1, intakesOf(nationalId));

        ExtractableResponse<Response> otherBody = submit("resident1", key, UUID.randomUUID().toString());
        assertEquals(422, otherBody.statusCode());
        assertEquals("application/problem+json", otherBody.contentType());
    }

    @Test
    void concurrentDuplicatesMakeOneIntake() throws Exception {
        String nationalId = TestData.nationalId();
        String draftId = draft("resident1", TestData.draft(TestData.HOUSEHOLD_A, nationalId));
        String key = UUID.randomUUID().toString();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<ExtractableResponse<Response>>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(threads.submit(() -> submit("resident1", key, draftId)));
            }
            Set<String> ids = new HashSet<>();
            for (Future<ExtractableResponse<Response>> answer : answers) {
                ExtractableResponse<Response> response = answer.get();
                assertTrue(response.statusCode() == 201 || response.statusCode() == 409, response.asString());
                if (response.statusCode() == 201) {
                    ids.add(response.path("id"));
                }
            }
            assertEquals(1, ids.size());
            // once the first has finished, every retry replays it
            ExtractableResponse<Response> later = submit("resident1", key, draftId);
            assertEquals(201, later.statusCode());
            assertEquals(ids.iterator().next(), later.path("id"));
        } finally {
            threads.shutdown();
        }
        assertEquals(1, intakesOf(nationalId));
    }

    /**
     * Idempotency records expire (7 days): a phone that retries its submission after that finds no stored answer,
     * but the draft was used up by the submission, so neither the old key nor a new one can make a second intake.
     */
    @Test
    void aRepeatAfterTheKeyExpiredMakesNoSecondIntake() {
        String nationalId = TestData.nationalId();
        String draftId = draft("resident1", TestData.draft(TestData.HOUSEHOLD_A, nationalId));
        String key = UUID.randomUUID().toString();
        ExtractableResponse<Response> first = submit("resident1", key, draftId);
        assertEquals(201, first.statusCode(), first.asString());

        OwnerSql.run("update idempotency_record set created_at = created_at - interval '8 days' where idempotency_key = '"
                + key + "'");
        assertTrue(OnVertx.await(vertx, purge::purge) >= 1);
        assertEquals("0", OwnerSql.queryString("select count(*) from idempotency_record where idempotency_key = '" + key + "'"));

        for (String repeatKey : List.of(key, UUID.randomUUID().toString(), key)) {
            ExtractableResponse<Response> repeat = submit("resident1", repeatKey, draftId);
            assertEquals(404, repeat.statusCode(), repeat.asString());
            assertEquals("application/problem+json", repeat.contentType());
            assertTrue(repeat.<String>path("detail").contains("/api/v1/intakes"), repeat.asString());
        }
        assertEquals(1, intakesOf(nationalId));
        // the refused repeats released their claims: no key is left in flight to answer 409 later
        assertEquals("0", OwnerSql.queryString("select count(*) from idempotency_record where idempotency_key = '" + key + "'"));
        given().auth().oauth2(Tokens.of("resident1")).when().get("/api/v1/intakes/" + first.path("id"))
                .then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void keepsOnlyTheProgramsTheResidentChose() {
        String draftId = draft("resident1", TestData.draft(TestData.HOUSEHOLD_A, TestData.nationalId(),
                "[\"MINIMUM_LIVING_ALLOWANCE\"]"));
        ExtractableResponse<Response> answer = submit("resident1", UUID.randomUUID().toString(), draftId);
        assertEquals(201, answer.statusCode(), answer.asString());
        assertEquals(List.of("MINIMUM_LIVING_ALLOWANCE"), answer.path("cases.program"));
    }

    @Test
    void explainsThatNothingIsLeftToApplyFor() {
        String draftId = draft("resident1", TestData.draft(TestData.HOUSEHOLD_WELL_OFF, TestData.nationalId()));
        ExtractableResponse<Response> answer = submit("resident1", UUID.randomUUID().toString(), draftId);
        assertEquals(422, answer.statusCode());
        assertEquals("urn:assistance:problem:nothing-to-apply-for", answer.path("type"));
    }

    @Test
    void requiresAKeyAValidApplicantAndConsent() {
        String draftId = draft("resident1", TestData.draft(TestData.HOUSEHOLD_A, "110101199003074515"));
        given().auth().oauth2(Tokens.of("resident1")).contentType(ContentType.JSON)
                .body("{\"draftId\":\"" + draftId + "\",\"consent\":true}")
                .when().post("/api/v1/intakes").then().statusCode(400).contentType("application/problem+json");
        assertEquals(400, submit("resident1", "not-a-uuid", draftId).statusCode());
        ExtractableResponse<Response> badId = submit("resident1", UUID.randomUUID().toString(), draftId);
        assertEquals(422, badId.statusCode());
        assertEquals(List.of("applicant.nationalId"), badId.path("errors.field"));
        given().auth().oauth2(Tokens.of("resident1")).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"draftId\":\"" + draftId + "\",\"consent\":false}")
                .when().post("/api/v1/intakes").then().statusCode(422).body("errors.field", hasItem("consent"));
    }

    @Test
    void refusesASecondActiveIntakeOfTheSameApplicantUntilTheFirstIsWithdrawn() {
        String nationalId = TestData.nationalId();
        String first = submit("resident1", UUID.randomUUID().toString(),
                draft("resident1", TestData.draft(TestData.HOUSEHOLD_A, nationalId))).path("id");
        String secondDraft = draft("resident2", TestData.draft(TestData.HOUSEHOLD_A, nationalId));

        ExtractableResponse<Response> refused = submit("resident2", UUID.randomUUID().toString(), secondDraft);
        assertEquals(409, refused.statusCode(), refused.asString());
        assertTrue(refused.<String>path("detail").contains("JZ-140105-"));

        given().auth().oauth2(Tokens.of("resident1")).when().post("/api/v1/intakes/" + first + "/withdrawal")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"))
                .body("cases.status", everyItem(equalTo("WITHDRAWN")));
        assertEquals(201, submit("resident2", UUID.randomUUID().toString(), secondDraft).statusCode());
        assertEquals(2, intakesOf(nationalId));
    }

    @Test
    void reEvaluatesOnAChangeOfCircumstancesAndKeepsTheOldSnapshot() {
        String intakeId = submit("resident1", UUID.randomUUID().toString(),
                draft("resident1", TestData.draft(TestData.HOUSEHOLD_A, TestData.nationalId()))).path("id");
        String key = UUID.randomUUID().toString();
        String body = "{\"household\":" + TestData.HOUSEHOLD_WELL_OFF + ",\"chosenPrograms\":null}";
        given().auth().oauth2(Tokens.of("resident1")).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).when().post("/api/v1/intakes/" + intakeId + "/revisions")
                .then().statusCode(201)
                .body("revision", equalTo(2))
                .body("cases.status", everyItem(equalTo("CLOSED")))
                .body("cases.closedReason", everyItem(equalTo("CIRCUMSTANCES_CHANGED")));
        long snapshots = OnVertx.await(vertx, () -> pool.preparedQuery(
                        "select count(*) from intake_snapshot where intake_id = $1")
                .execute(Tuple.of(UUID.fromString(intakeId))).map(rows -> rows.iterator().next().getLong(0)));
        assertEquals(2, snapshots);
    }

    @Test
    void aChangeRepeatedWithTheRevisionItChangedIsNotAppliedTwiceAfterItsKeyExpired() {
        String intakeId = submit("resident1", UUID.randomUUID().toString(),
                draft("resident1", TestData.draft(TestData.HOUSEHOLD_A, TestData.nationalId()))).path("id");
        String body = "{\"household\":" + TestData.HOUSEHOLD_A + ",\"chosenPrograms\":null,\"situation\":\"失业\"}";
        revise(intakeId, UUID.randomUUID().toString(), "\"1\"", body).then().statusCode(201).body("revision", equalTo(2));
        // the same change with a new key, as a retry gets once the first key's record was purged
        revise(intakeId, UUID.randomUUID().toString(), "\"1\"", body).then().statusCode(412)
                .contentType(Problem.MEDIA_TYPE).body("detail", containsString("revision 2"));
        long snapshots = OnVertx.await(vertx, () -> pool.preparedQuery(
                        "select count(*) from intake_snapshot where intake_id = $1")
                .execute(Tuple.of(UUID.fromString(intakeId))).map(rows -> rows.iterator().next().getLong(0)));
        assertEquals(2, snapshots);
        revise(intakeId, UUID.randomUUID().toString(), "W/\"2\"", body).then().statusCode(201).body("revision", equalTo(3));
        revise(intakeId, UUID.randomUUID().toString(), "latest", body).then().statusCode(400);
    }

    private static Response revise(String intakeId, String key, String ifMatch, String body) {
        return given().auth().oauth2(Tokens.of("resident1")).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .header("If-Match", ifMatch).body(body).when().post("/api/v1/intakes/" + intakeId + "/revisions");
    }

    @Test
    void canStillBeWithdrawnAfterAChangeOfCircumstancesDroppedSomeCases() {
        String intakeId = submit("resident1", UUID.randomUUID().toString(),
                draft("resident1", TestData.draft(TestData.HOUSEHOLD_A, TestData.nationalId()))).path("id");
        given().auth().oauth2(Tokens.of("resident1")).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"household\":" + TestData.HOUSEHOLD_A + ",\"chosenPrograms\":[\"MINIMUM_LIVING_ALLOWANCE\"]}")
                .when().post("/api/v1/intakes/" + intakeId + "/revisions")
                .then().statusCode(201)
                .body("cases.find { it.program == 'EDUCATION_ASSISTANCE' }.status", equalTo("CLOSED"));
        given().auth().oauth2(Tokens.of("resident1")).when().post("/api/v1/intakes/" + intakeId + "/withdrawal")
                .then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("cases.find { it.program == 'MINIMUM_LIVING_ALLOWANCE' }.status", equalTo("WITHDRAWN"))
                .body("cases.find { it.program == 'EDUCATION_ASSISTANCE' }.closedReason", equalTo("CIRCUMSTANCES_CHANGED"));
    }

    @Test
    void leavesNothingBehindWhenTheTransactionFailsMidway() {
        String nationalId = TestData.nationalId();
        String draftId = draft("resident1", TestData.draft(TestData.HOUSEHOLD_A.replace("\"id\":\"m1\"", "\"id\":\"fail-me\""), nationalId));
        // A real database failure after the intake row is written: the snapshot insert is refused.
        OwnerSql.run("""
                create or replace function refuse_marked_snapshot() returns trigger language plpgsql as $$
                begin
                  if new.household -> 'members' -> 0 ->> 'id' = 'fail-me' then raise exception 'refused for test'; end if;
                  return new;
                end $$;
                drop trigger if exists refuse_marked_snapshot on intake_snapshot;
                create trigger refuse_marked_snapshot before insert on intake_snapshot
                  for each row execute function refuse_marked_snapshot();""");
        String key = UUID.randomUUID().toString();
        try {
            ExtractableResponse<Response> failed = submit("resident1", key, draftId);
            assertEquals(500, failed.statusCode());
            assertEquals("application/problem+json", failed.contentType());
            assertTrue(!failed.asString().contains("refused for test") && !failed.asString().contains("SQL"));
            assertEquals(0, intakesOf(nationalId));
        } finally {
            OwnerSql.run("drop trigger if exists refuse_marked_snapshot on intake_snapshot");
        }
        // nothing was half-done: the draft is still there and a retry with the same key goes through
        given().auth().oauth2(Tokens.of("resident1")).when().get("/api/v1/drafts/" + draftId).then().statusCode(200);
        assertEquals(201, submit("resident1", key, draftId).statusCode());
        assertEquals(1, intakesOf(nationalId));
    }

    @Test
    void hidesAnotherResidentsIntakeAs404() {
        String intakeId = submit("resident1", UUID.randomUUID().toString(),
                draft("resident1", TestData.draft(TestData.HOUSEHOLD_A, TestData.nationalId()))).path("id");
        given().auth().oauth2(Tokens.of("resident2")).when().get("/api/v1/intakes/" + intakeId).then().statusCode(404);
        given().auth().oauth2(Tokens.of("resident2")).when().post("/api/v1/intakes/" + intakeId + "/withdrawal")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.of("resident2")).when().get("/api/v1/intakes")
                .then().statusCode(200).body("id", not(hasItem(intakeId)));
    }
}

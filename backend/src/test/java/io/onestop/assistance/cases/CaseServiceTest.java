package io.onestop.assistance.cases;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onestop.assistance.access.StaffScope;
import io.onestop.assistance.cases.api.CaseViews.Reproduction;
import io.onestop.assistance.cases.api.TransitionRequest;
import io.onestop.assistance.cases.workflow.CaseStep;
import io.onestop.assistance.cases.workflow.Workflow;
import io.onestop.assistance.testing.LocalStackResource;
import io.onestop.assistance.testing.OnVertx;
import io.onestop.assistance.testing.OwnerSql;
import io.onestop.assistance.testing.TestClock;
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
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Decisions that can be reproduced, transitions that are all-or-nothing, and work queues within scope. */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class CaseServiceTest {

    private static final StaffActor APPROVER = new StaffActor("test-approver",
            new StaffScope("CIVIL_AFFAIRS", "140105", Set.of(Workflow.APPROVER)));

    @Inject
    CaseService cases;

    @Inject
    TestClock clock;

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    /** An intake of example A evaluated on {@code asOf}, its MLA case put at the end of its public notice. */
    private UUID mlaCaseReadyForDecision(String asOf, CaseFixtures fixtures) {
        ExtractableResponse<Response> submitted = CaseFixtures.submit("resident1",
                TestData.HOUSEHOLD_A.replace("\"asOf\":\"2026-11-22\"", "\"asOf\":\"" + asOf + "\""));
        UUID caseId = UUID.fromString(submitted.path("cases.find { it.program == 'MINIMUM_LIVING_ALLOWANCE' }.id"));
        fixtures.sql("""
                update program_case set status = 'PUBLIC_NOTICE', notice_id = gen_random_uuid(),
                  notice_ends_on = current_date - 10, accepted_at = now() where id = $1""",
                io.vertx.mutiny.sqlclient.Tuple.of(caseId));
        return caseId;
    }

    @Test
    void aDecisionIsReproducedFromItsSnapshotAfterTheParametersAndTheHouseholdChanged() {
        CaseFixtures fixtures = new CaseFixtures(pool, vertx);
        // evaluated under the 2024-07-01 parameters (urban standard 630): (630 - 300) x 3 = 990
        UUID caseId = mlaCaseReadyForDecision("2024-12-01", fixtures);
        OnVertx.await(vertx, () -> cases.transition(APPROVER, caseId, 0,
                new TransitionRequest(CaseStep.APPROVED, "同意", null, null)));

        // today the household is evaluated under the 2025-01-01 parameters (669): the intake is revised
        String intakeId = fixtures.row("select intake_id::text from program_case where id = $1", caseId).getString(0);
        given().auth().oauth2(Tokens.of("resident1")).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"household\":" + TestData.HOUSEHOLD_A + "}")
                .when().post("/api/v1/intakes/" + intakeId + "/revisions").then().statusCode(201)
                .body("parameterVersion", org.hamcrest.Matchers.equalTo("140105@2025-01-01"));
        assertEquals(0, new BigDecimal("1107").compareTo(fixtures.row(
                "select estimate_amount from program_case where id = $1", caseId).getBigDecimal(0)));

        Reproduction reproduction = OnVertx.await(vertx, () -> cases.reproduce(APPROVER, caseId));
        assertTrue(reproduction.reproduced(), reproduction.toString());
        assertEquals(1, reproduction.intakeRevision());
        assertEquals("140105@2024-07-01", reproduction.recordedParameterVersion());
        assertEquals("140105@2024-07-01", reproduction.reproducedParameterVersion());
        assertEquals(0, new BigDecimal("990").compareTo(reproduction.recordedEstimate()));
        assertEquals(0, new BigDecimal("990").compareTo(reproduction.reproducedEstimate()));
    }

    @Test
    void aTransitionItsTimelineOutboxDecisionAndAuditCommitTogetherOrNotAtAll() {
        CaseFixtures fixtures = new CaseFixtures(pool, vertx);
        UUID caseId = mlaCaseReadyForDecision("2026-11-22", fixtures);
        // A real database failure on the LAST write of the transaction: the audit entry of the decision.
        OwnerSql.run("""
                create or replace function refuse_marked_audit() returns trigger language plpgsql as $$
                begin
                  if new.object_id = '%s' then raise exception 'refused for test'; end if;
                  return new;
                end $$;
                drop trigger if exists refuse_marked_audit on audit_event;
                create trigger refuse_marked_audit before insert on audit_event
                  for each row execute function refuse_marked_audit();""".formatted(caseId));
        try {
            assertThrows(RuntimeException.class, () -> OnVertx.await(vertx, () -> cases.transition(APPROVER, caseId, 0,
                    new TransitionRequest(CaseStep.APPROVED, null, null, null))));
        } finally {
            OwnerSql.run("drop trigger if exists refuse_marked_audit on audit_event");
        }
        assertEquals("PUBLIC_NOTICE", fixtures.row("select status from program_case where id = $1", caseId).getString(0));
        assertEquals(0, fixtures.count("select count(*) from case_event where case_id = $1", caseId));
        assertEquals(0, fixtures.count("select count(*) from outbox_event where aggregate_id = $1", caseId));
        assertEquals(0, fixtures.count("select count(*) from case_decision where case_id = $1", caseId));
        assertEquals(0, fixtures.count("select count(*) from audit_event where object_id = $1", caseId.toString()));

        // without the failure, all five are there
        OnVertx.await(vertx, () -> cases.transition(APPROVER, caseId, 0, new TransitionRequest(CaseStep.APPROVED, null, null, null)));
        assertEquals("APPROVED", fixtures.row("select status from program_case where id = $1", caseId).getString(0));
        assertEquals(1, fixtures.count("select count(*) from case_event where case_id = $1", caseId));
        assertEquals(1, fixtures.count("select count(*) from outbox_event where aggregate_id = $1", caseId));
        assertEquals(1, fixtures.count("select count(*) from case_decision where case_id = $1", caseId));
        assertEquals(1, fixtures.count("select count(*) from audit_event where object_id = $1 and action = 'DECIDE_CASE'",
                caseId.toString()));
    }

    @Test
    void queuesStayWithinAgencyAndRegionPutOverdueCasesFirstAndPageByKeyset() {
        String caseId = CaseFixtures.submit("resident1", TestData.HOUSEHOLD_A)
                .path("cases.find { it.program == 'MINIMUM_LIVING_ALLOWANCE' }.id");
        List<Map<String, Object>> fresh = walk("caseworker1", "overdue=true&step=SUBMITTED");
        assertFalse(fresh.stream().anyMatch(item -> caseId.equals(item.get("id"))), "not overdue yet");

        clock.advance(Duration.ofDays(10)); // acceptance was due within 5 working days
        List<Map<String, Object>> overdue = walk("caseworker1", "overdue=true&step=SUBMITTED");
        Map<String, Object> mine = overdue.stream().filter(item -> caseId.equals(item.get("id"))).findFirst().orElseThrow();
        assertEquals(true, mine.get("overdue"));
        assertTrue(overdue.stream().allMatch(item -> "SUBMITTED".equals(item.get("step")) && Boolean.TRUE.equals(item.get("overdue"))));

        List<Map<String, Object>> all = walk("caseworker1", "");
        assertTrue(all.stream().anyMatch(item -> caseId.equals(item.get("id"))));
        assertTrue(all.stream().allMatch(item -> "CIVIL_AFFAIRS".equals(item.get("agency"))
                && item.get("regionCode").toString().startsWith("140105")));
        Set<Object> ids = new HashSet<>();
        OffsetDateTime previous = null;
        boolean sawNoDeadline = false;
        for (Map<String, Object> item : all) {
            assertTrue(ids.add(item.get("id")), "a case appears on two pages");
            Object dueAt = item.get("dueAt");
            if (dueAt == null) {
                sawNoDeadline = true;
            } else {
                assertFalse(sawNoDeadline, "cases without a running clock come last");
                OffsetDateTime due = OffsetDateTime.parse(dueAt.toString());
                assertTrue(previous == null || !due.isBefore(previous), "earliest deadline first");
                previous = due;
            }
        }
        List<Map<String, Object>> otherCounty = walk("caseworker2", "");
        assertTrue(otherCounty.stream().noneMatch(item -> item.get("regionCode").toString().startsWith("140105")));

        given().auth().oauth2(Tokens.of("caseworker1")).when().get("/api/v1/cases?after=not-a-cursor").then().statusCode(400);
        given().auth().oauth2(Tokens.of("caseworker1")).when().get("/api/v1/cases?limit=0").then().statusCode(422);
        given().auth().oauth2(Tokens.of("caseworker1")).when().get("/api/v1/cases?step=NOWHERE").then()
                .statusCode(org.hamcrest.Matchers.oneOf(400, 404, 422));
    }

    @Test
    void theStateMachineRefusesADecisionFromTheWrongRole() {
        CaseFixtures fixtures = new CaseFixtures(pool, vertx);
        UUID caseId = mlaCaseReadyForDecision("2026-11-22", fixtures);
        StaffActor caseworker = new StaffActor("test-caseworker",
                new StaffScope("CIVIL_AFFAIRS", "140105001", Set.of(Workflow.CASEWORKER)));
        var refused = assertThrows(io.onestop.assistance.common.ProblemException.class, () -> OnVertx.await(vertx,
                () -> cases.transition(caseworker, caseId, 0, new TransitionRequest(CaseStep.APPROVED, null, null, null))));
        assertEquals(403, refused.status());
        StaffActor otherAgency = new StaffActor("test-education",
                new StaffScope("EDUCATION", "140105", Set.of(Workflow.APPROVER)));
        var hidden = assertThrows(io.onestop.assistance.common.ProblemException.class, () -> OnVertx.await(vertx,
                () -> cases.transition(otherAgency, caseId, 0, new TransitionRequest(CaseStep.APPROVED, null, null, null))));
        assertEquals(404, hidden.status());
        assertNotEquals("APPROVED", fixtures.row("select status from program_case where id = $1", caseId).getString(0));
    }

    /** Every item of a queue, page by page (limit 50), following the cursor. */
    private static List<Map<String, Object>> walk(String user, String filter) {
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        String after = null;
        for (int page = 0; page < 200; page++) {
            ExtractableResponse<Response> answer = given().auth().oauth2(Tokens.of(user))
                    .when().get("/api/v1/cases?limit=50" + (filter.isEmpty() ? "" : "&" + filter) + (after == null ? "" : "&after=" + after))
                    .then().statusCode(200).extract();
            items.addAll(answer.path("items"));
            after = answer.path("next");
            if (after == null) {
                return items;
            }
        }
        throw new AssertionError("more than 200 pages");
    }
}

package io.onestop.assistance.intake.api;

import io.onestop.assistance.testing.OwnerSql;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.onestop.assistance.cases.CaseFixtures;
import io.onestop.assistance.testing.LocalStackResource;
import io.onestop.assistance.testing.TestData;
import io.onestop.assistance.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Withdrawal and change of circumstances end cases through the cases context: each ended case has its timeline entry
 * (with the reason), its CASE_STEP_CHANGED outbox event and no running clock, written in the intake's transaction.
 */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class IntakeCaseTimelineTest {

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    private CaseFixtures fixtures() {
        return new CaseFixtures(pool, vertx);
    }

    private static ValidatableResponse status(String intakeId) {
        return given().auth().oauth2(Tokens.of("resident1")).when().get("/api/v1/intakes/" + intakeId + "/status")
                .then().statusCode(200);
    }

    private static ExtractableResponse<Response> withdraw(String intakeId) {
        return given().auth().oauth2(Tokens.of("resident1")).when().post("/api/v1/intakes/" + intakeId + "/withdrawal")
                .then().extract();
    }

    private static ExtractableResponse<Response> revise(String intakeId, String household) {
        return given().auth().oauth2(Tokens.of("resident1")).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"household\":" + household + ",\"chosenPrograms\":null}")
                .when().post("/api/v1/intakes/" + intakeId + "/revisions").then().extract();
    }

    @Test
    void withdrawalPutsAWithdrawnEntryOnTheTimelineOfEveryCaseAndStopsEveryClock() {
        CaseFixtures fixtures = fixtures();
        ExtractableResponse<Response> submitted = CaseFixtures.submit("resident1", TestData.HOUSEHOLD_A);
        String intakeId = submitted.path("id");
        List<String> caseIds = submitted.path("cases.id");
        // one more case waiting for documents: its paused clock ends too
        String returned = fixtures.placeCase(UUID.fromString(intakeId), "HOUSING_ASSISTANCE", "HOUSING", false,
                "RETURNED", "ACCEPTED").toString();
        status(intakeId).body("cases.deadline", hasSize(4))
                .body("cases.find { it.step == 'SUBMITTED' }.deadline.kind", equalTo("ACCEPTANCE"));

        ExtractableResponse<Response> answer = withdraw(intakeId);
        assertEquals(200, answer.statusCode(), answer.asString());
        assertEquals(List.of("WITHDRAWN_BY_APPLICANT"), answer.<List<String>>path("cases.closedReason").stream().distinct().toList());

        List<String> all = new java.util.ArrayList<>(caseIds);
        all.add(returned);
        status(intakeId)
                .body("overallState", equalTo("WITHDRAWN"))
                .body("cases.step", everyItem(equalTo("WITHDRAWN")))
                .body("cases.deadline", everyItem(nullValue()))
                .body("timeline.findAll { it.to == 'WITHDRAWN' }.caseId", containsInAnyOrder(all.toArray()))
                .body("timeline.findAll { it.to == 'WITHDRAWN' }.actorRole", everyItem(equalTo("resident")))
                .body("timeline.findAll { it.to == 'WITHDRAWN' }.reasonCode", everyItem(equalTo("WITHDRAWN_BY_APPLICANT")))
                .body("timeline.findAll { it.to == 'WITHDRAWN' }.text.en", everyItem(notNullValue()))
                .body("timeline.find { it.caseId == '" + returned + "' }.from", equalTo("RETURNED"));

        for (String caseId : all) {
            UUID id = UUID.fromString(caseId);
            assertEquals(1, fixtures.count("""
                    select count(*) from outbox_event where aggregate_id = $1 and event_type = 'CASE_STEP_CHANGED'
                      and payload ->> 'to' = 'WITHDRAWN' and payload ->> 'reasonCode' = 'WITHDRAWN_BY_APPLICANT'""", id));
            Row clock = fixtures.row("select deadline_kind, due_at, paused_at, due_before_pause from program_case where id = $1", id);
            for (int column = 0; column < 4; column++) {
                assertNull(clock.getValue(column), caseId + " still has a clock column set: " + column);
            }
        }

        // repeating it is harmless and writes nothing more
        assertEquals(200, withdraw(intakeId).statusCode());
        assertEquals(4, fixtures.count("select count(*) from case_event where intake_id = $1", UUID.fromString(intakeId)));
    }

    @Test
    void aChangeOfCircumstancesClosesTheDroppedCasesOnTheTimelineWithTheReasonAndReopenedCasesStartTheirClock() {
        CaseFixtures fixtures = fixtures();
        String intakeId = CaseFixtures.submit("resident1", TestData.HOUSEHOLD_A).path("id");

        ExtractableResponse<Response> closing = revise(intakeId, TestData.HOUSEHOLD_WELL_OFF);
        assertEquals(201, closing.statusCode(), closing.asString());
        List<String> closedIds = closing.path("cases.id");
        status(intakeId)
                .body("cases.step", everyItem(equalTo("CLOSED")))
                .body("cases.deadline", everyItem(nullValue()))
                .body("timeline.findAll { it.to == 'CLOSED' }.caseId", containsInAnyOrder(closedIds.toArray()))
                .body("timeline.findAll { it.to == 'CLOSED' }.from", everyItem(equalTo("SUBMITTED")))
                .body("timeline.findAll { it.to == 'CLOSED' }.reasonCode", everyItem(equalTo("CIRCUMSTANCES_CHANGED")))
                .body("timeline.findAll { it.to == 'CLOSED' }.text.en",
                        everyItem(equalTo("Closed: no longer applied for after the change of circumstances")));
        for (String caseId : closedIds) {
            assertEquals(1, fixtures.count("""
                    select count(*) from outbox_event where aggregate_id = $1 and event_type = 'CASE_STEP_CHANGED'
                      and payload ->> 'to' = 'CLOSED' and payload ->> 'reasonCode' = 'CIRCUMSTANCES_CHANGED'""",
                    UUID.fromString(caseId)));
        }

        // back to the first household: new cases, their acceptance clock running as after a submission
        ExtractableResponse<Response> reopening = revise(intakeId, TestData.HOUSEHOLD_A);
        assertEquals(201, reopening.statusCode(), reopening.asString());
        status(intakeId)
                .body("cases.findAll { it.step == 'SUBMITTED' }", hasSize(3))
                .body("cases.findAll { it.step == 'SUBMITTED' }.deadline.kind", everyItem(equalTo("ACCEPTANCE")))
                .body("timeline", hasSize(3)); // opening a case is not a step change
    }

    @Test
    void leavesNoTimelineEntryOrEventBehindWhenTheWithdrawalFailsMidway() {
        CaseFixtures fixtures = fixtures();
        ExtractableResponse<Response> submitted = CaseFixtures.submit("resident1", TestData.HOUSEHOLD_A);
        String intakeId = submitted.path("id");
        String intakeNumber = submitted.path("intakeNumber");
        // A real database failure after the cases have ended: the intake's own outbox event, written last, is refused.
        OwnerSql.run("""
                create or replace function refuse_marked_withdrawal() returns trigger language plpgsql as $$
                begin
                  if new.event_type = 'INTAKE_WITHDRAWN' and new.payload ->> 'intakeNumber' = '%s' then
                    raise exception 'refused for test';
                  end if;
                  return new;
                end $$;
                drop trigger if exists refuse_marked_withdrawal on outbox_event;
                create trigger refuse_marked_withdrawal before insert on outbox_event
                  for each row execute function refuse_marked_withdrawal();""".formatted(intakeNumber));
        UUID intake = UUID.fromString(intakeId);
        try {
            assertEquals(500, withdraw(intakeId).statusCode());
        } finally {
            OwnerSql.run("drop trigger if exists refuse_marked_withdrawal on outbox_event");
        }
        assertEquals(0, fixtures.count("select count(*) from case_event where intake_id = $1", intake));
        assertEquals(0, fixtures.count("""
                select count(*) from outbox_event o join program_case c on c.id = o.aggregate_id
                where c.intake_id = $1""", intake));
        assertEquals(3, fixtures.count("""
                select count(*) from program_case where intake_id = $1 and status = 'SUBMITTED' and due_at is not null""",
                intake));
        status(intakeId).body("overallState", equalTo("ACTION_NEEDED")).body("timeline", hasSize(0));

        // nothing was half-done: the withdrawal goes through once the database accepts it
        assertEquals(200, withdraw(intakeId).statusCode());
        assertEquals(3, fixtures.count("select count(*) from case_event where intake_id = $1", intake));
    }
}

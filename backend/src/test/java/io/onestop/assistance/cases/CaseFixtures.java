package io.onestop.assistance.cases;

import static io.restassured.RestAssured.given;

import io.onestop.assistance.testing.OnVertx;
import io.onestop.assistance.testing.TestData;
import io.onestop.assistance.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.Arrays;
import java.util.UUID;

/** Intakes and cases for the cases tests: real submissions through the API, and cases placed in any step by SQL. */
public final class CaseFixtures {

    private final Pool pool;
    private final Vertx vertx;

    public CaseFixtures(Pool pool, Vertx vertx) {
        this.pool = pool;
        this.vertx = vertx;
    }

    /** Submits a draft of {@code household} as {@code resident} with a fresh national id; the submission's answer. */
    public static ExtractableResponse<Response> submit(String resident, String household) {
        return submit(resident, household, TestData.nationalId());
    }

    public static ExtractableResponse<Response> submit(String resident, String household, String nationalId) {
        String draftId = given().auth().oauth2(Tokens.of(resident)).contentType(ContentType.JSON)
                .body(TestData.draft(household, nationalId))
                .when().post("/api/v1/drafts").then().statusCode(201).extract().path("id");
        return given().auth().oauth2(Tokens.of(resident)).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"draftId\":\"" + draftId + "\",\"consent\":true}")
                .when().post("/api/v1/intakes").then().statusCode(201).extract();
    }

    /** A copy of an intake (and its snapshots) under a new id and applicant, so it may hold its own open cases. */
    public UUID cloneIntake(UUID template) {
        UUID id = UUID.randomUUID();
        sql("""
                insert into intake (id, intake_number, owner_subject, status, applicant_name, applicant_national_id_enc,
                  applicant_national_id_hash, applicant_phone_enc, region_code, hukou, member_count, per_capita_income,
                  revision, parameter_version, household, evaluation, chosen_programs, situation, consent_at,
                  submitted_at, updated_at, version)
                select $1, 'T-' || $1::text, owner_subject, status, applicant_name, applicant_national_id_enc,
                  md5($1::text) || md5($1::text), applicant_phone_enc, region_code, hukou, member_count,
                  per_capita_income, revision, parameter_version, household, evaluation, chosen_programs, situation,
                  consent_at, submitted_at, updated_at, 0
                from intake where id = $2""", Tuple.of(id, template));
        sql("""
                insert into intake_snapshot (intake_id, revision, reason, household, evaluation, parameter_version, created_at)
                select $1, revision, reason, household, evaluation, parameter_version, created_at
                from intake_snapshot where intake_id = $2""", Tuple.of(id, template));
        return id;
    }

    /**
     * A case of {@code intakeId} placed in {@code step}, its conditions met: a verification on record in VERIFYING,
     * a public notice that has ended in PUBLIC_NOTICE, the step it came from when RETURNED.
     */
    public UUID placeCase(UUID intakeId, String program, String agency, boolean urgent, String step, String returnedFrom) {
        UUID id = UUID.randomUUID();
        boolean returned = step.equals("RETURNED");
        sql("""
                insert into program_case (id, intake_id, program, agency, region_code, status, verdict, urgent,
                  estimate_amount, estimate_period, members, opened_at, updated_at, version, step_entered_at,
                  deadline_kind, due_at, paused_at, due_before_pause, returned_from, requested_documents,
                  accepted_at, notice_id, notice_ends_on)
                values ($1, $2, $3, $4, '140105', $5, 'ELIGIBLE', $6, 100, 'MONTH', '{m1}', now(), now(), 0, now(),
                  'DECISION', case when $7 then null else now() + interval '10 days' end,
                  case when $7 then now() end, case when $7 then now() + interval '10 days' end, $8,
                  case when $7 then '{INCOME_PROOF}'::text[] end, now(),
                  case when $5 = 'PUBLIC_NOTICE' then gen_random_uuid() end,
                  case when $5 = 'PUBLIC_NOTICE' then current_date - 10 end)""",
                Tuple.from(Arrays.asList(id, intakeId, program, agency, step, urgent, returned, returnedFrom)));
        if (step.equals("VERIFYING")) {
            sql("""
                    insert into case_verification (case_id, performed_at, performed_by, discrepancies, result)
                    values ($1, now(), 'fixture', 0, '{}'::jsonb)""", Tuple.of(id));
        }
        return id;
    }

    public String ownerOf(UUID intakeId) {
        return OnVertx.await(vertx, () -> pool.preparedQuery("select owner_subject from intake where id = $1")
                .execute(Tuple.of(intakeId)).map(rows -> rows.iterator().next().getString(0)));
    }

    public long count(String sql, Object... parameters) {
        return OnVertx.await(vertx, () -> pool.preparedQuery(sql).execute(Tuple.from(Arrays.asList(parameters)))
                .map(rows -> rows.iterator().next().getLong(0)));
    }

    public Row row(String sql, Object... parameters) {
        return OnVertx.await(vertx, () -> pool.preparedQuery(sql).execute(Tuple.from(Arrays.asList(parameters)))
                .map(rows -> rows.iterator().next()));
    }

    public void sql(String sql, Tuple parameters) {
        OnVertx.await(vertx, () -> pool.preparedQuery(sql).execute(parameters).replaceWithVoid());
    }

    public void sql(String sql) {
        OnVertx.await(vertx, () -> pool.query(sql).execute().replaceWithVoid());
    }
}

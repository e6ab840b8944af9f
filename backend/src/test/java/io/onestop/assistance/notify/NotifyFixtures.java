package io.onestop.assistance.notify;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

/** Submissions with a phone of the test's own, SQL reads, and waiting for the delivery worker. */
final class NotifyFixtures {

    private final Pool pool;
    private final Vertx vertx;

    NotifyFixtures(Pool pool, Vertx vertx) {
        this.pool = pool;
        this.vertx = vertx;
    }

    /** A mobile number no other test uses, ending as asked ("0000": the simulator refuses it with errcode 1001). */
    static String phone(String ending) {
        String digits = "135" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        return digits.substring(0, 11 - ending.length()) + ending;
    }

    /** Submits household A with {@code phone} as the applicant's number; the submission's answer. */
    static ExtractableResponse<Response> submit(String token, String phone) {
        String draft = TestData.draft(TestData.HOUSEHOLD_A, TestData.nationalId()).replace("13812345678", phone);
        String draftId = given().auth().oauth2(token).contentType(ContentType.JSON).body(draft)
                .when().post("/api/v1/drafts").then().statusCode(201).extract().path("id");
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"draftId\":\"" + draftId + "\",\"consent\":true}")
                .when().post("/api/v1/intakes").then().statusCode(201).extract();
    }

    /** Moves a case as caseworker1 (township of 140105, civil affairs), with the case's current ETag. */
    static void move(String caseId, String to) {
        String etag = given().auth().oauth2(Tokens.of("caseworker1")).when().get("/api/v1/cases/" + caseId)
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(Tokens.of("caseworker1")).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"to\":\"" + to + "\"}").when().post("/api/v1/cases/" + caseId + "/transitions")
                .then().statusCode(200);
    }

    long count(String sql, Object... parameters) {
        return row(sql, parameters).getLong(0);
    }

    Row row(String sql, Object... parameters) {
        return OnVertx.await(vertx, () -> pool.preparedQuery(sql).execute(Tuple.from(Arrays.asList(parameters)))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next() : null));
    }

    /** The id of the outbox event of this type about {@code aggregateId} (the newest). */
    long event(String eventType, String aggregateId) {
        return row("select id from outbox_event where event_type = $1 and aggregate_id = $2::uuid order by id desc limit 1",
                eventType, aggregateId).getLong(0);
    }

    static void await(String what, Duration atMost, BooleanSupplier condition) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                assertEquals("done", "not done", "waited " + atMost + " for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}

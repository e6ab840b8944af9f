package io.onestop.assistance.notify;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.onestop.assistance.access.PersonalDataProtector;
import io.onestop.assistance.testing.LocalStackResource;
import io.onestop.assistance.testing.OwnerSql;
import io.onestop.assistance.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The hotline's audited reveal of the number to call back: in the region only, open tasks only, with a reason, the
 * number the resident gave (the application's, else their own verified phone), every reveal and every refusal an
 * audit row.
 */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class CallbackPhoneRevealTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String REASON = "回拨告知申请已提交";

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    PersonalDataProtector protector;

    private NotifyFixtures db() {
        return new NotifyFixtures(pool, vertx);
    }

    private static io.restassured.response.ValidatableResponse reveal(String token, String taskId, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/hotline/callback-tasks/" + taskId + "/phone-reveal").then();
    }

    private static String auditOf(String taskId) {
        return OwnerSql.queryString("select string_agg(role || ' ' || result || ' ' || reason, ',' order by id) "
                + "from audit_event where action = 'REVEAL_PERSONAL_DATA' and object_type = 'CALLBACK_TASK' "
                + "and object_id = '" + taskId + "'");
    }

    @Test
    void theHotlineOfTheRegionGetsTheApplicationsNumberWithAReasonAndEveryRevealIsAudited() {
        String resident = Tokens.newResident();
        given().auth().oauth2(resident).contentType(ContentType.JSON)
                .body("{\"channels\":[\"SMS\"],\"callMeBack\":true,\"callbackFrom\":\"09:00\",\"callbackTo\":\"11:30\"}")
                .when().put("/api/v1/me/notification-preferences").then().statusCode(200);
        String phone = NotifyFixtures.phone("");
        String intakeId = NotifyFixtures.submit(resident, phone).path("id");
        long event = db().event("INTAKE_SUBMITTED", intakeId);
        NotifyFixtures.await("the call-back task", WAIT,
                () -> db().count("select count(*) from callback_task where outbox_id = $1", event) == 1);
        String taskId = db().row("select id from callback_task where outbox_id = $1", event).getUUID("id").toString();
        String hotline = Tokens.of("hotline1");

        // no reason, too short a reason, no body: 422, nothing revealed, nothing audited
        reveal(hotline, taskId, "{}").statusCode(422).contentType("application/problem+json");
        reveal(hotline, taskId, "{\"reason\":\"  回拨 \"}").statusCode(422).contentType("application/problem+json");
        reveal(hotline, taskId, "").statusCode(422).contentType("application/problem+json");
        assertEquals(null, auditOf(taskId));

        // the hotline of another region: 404 as for an unknown task, and a DENIED row with the reason given
        String elsewhere = Tokens.newStaff("hotline", "CIVIL_AFFAIRS", "150102");
        reveal(elsewhere, taskId, "{\"reason\":\"" + REASON + "\"}").statusCode(404).contentType("application/problem+json");
        assertEquals("hotline DENIED " + REASON, auditOf(taskId));

        // in the region: the number the resident gave on the application, and an OK row with the reason
        reveal(hotline, taskId, "{\"reason\":\"" + REASON + "\"}").statusCode(200)
                .body("taskId", equalTo(taskId)).body("phone", equalTo(phone)).body("source", equalTo("APPLICATION"));
        assertEquals("hotline DENIED " + REASON + ",hotline OK " + REASON, auditOf(taskId));

        // once called, the task no longer opens the number
        given().auth().oauth2(hotline).contentType(ContentType.JSON).body("{\"outcome\":\"REACHED\"}")
                .when().post("/api/v1/hotline/callback-tasks/" + taskId + "/completion").then().statusCode(200);
        reveal(hotline, taskId, "{\"reason\":\"" + REASON + "\"}").statusCode(409).contentType("application/problem+json");
        assertEquals("hotline DENIED " + REASON + ",hotline OK " + REASON, auditOf(taskId));

        // an unknown task: 404, and no one's data was asked for
        String unknown = UUID.randomUUID().toString();
        reveal(hotline, unknown, "{\"reason\":\"" + REASON + "\"}").statusCode(404);
        reveal(hotline, "not-a-uuid", "{\"reason\":\"" + REASON + "\"}").statusCode(404);
        assertEquals(null, auditOf(unknown));
    }

    @Test
    void aTaskAboutNoApplicationGivesTheResidentsVerifiedPhone() {
        // a RESIDENT event's task (an invitation, a direct grant) names the resident, not an intake
        String phone = NotifyFixtures.phone("");
        UUID residentId = UUID.randomUUID();
        String hash = String.format("%064x", new java.math.BigInteger(128, ThreadLocalRandom.current()));
        db().row("""
                insert into resident (id, national_id_enc, national_id_hash, name, phone_enc, phone_hash, phone_verified_at,
                  created_at, updated_at) values ($1, $2, $3, '测试', $4, $5, now(), now(), now()) returning id""",
                residentId, protector.encrypt("000000000000000000"), hash, protector.encrypt(phone), protector.lookupHash(phone));
        long event = db().row("""
                insert into outbox_event (aggregate_type, aggregate_id, event_type, payload, created_at, published_at,
                  delivered_at) values ('RESIDENT', $1, 'TEST_CALLBACK', '{}'::jsonb, now(), now(), now()) returning id""",
                residentId).getLong(0);
        UUID taskId = UUID.randomUUID();
        db().row("""
                insert into callback_task (id, outbox_id, owner_key, region_code, reason, title, body, created_at)
                values ($1, $2, $3, '140105', 'NOT_REACHED', '测试', '测试', now()) returning id""",
                taskId, event, "resident:" + residentId);

        reveal(Tokens.of("hotline1"), taskId.toString(), "{\"reason\":\"" + REASON + "\"}").statusCode(200)
                .body("phone", equalTo(phone)).body("source", equalTo("RESIDENT"));
        assertNotNull(auditOf(taskId.toString()));
        assertEquals("hotline OK " + REASON, auditOf(taskId.toString()));
    }
}

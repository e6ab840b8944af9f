package io.onestop.assistance.notify;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onestop.assistance.testing.LocalStackResource;
import io.onestop.assistance.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The delivery worker of this instance (on its 1 s timer) against the real database and the platform
 * simulator as SMS provider: what the resident gets, once; what happens when the provider refuses; preferences and
 * "call me back"; the staff views.
 */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class NotificationDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    DeliveryScheduler scheduler;

    private NotifyFixtures db() {
        return new NotifyFixtures(pool, vertx);
    }

    private static List<String> smsTo(String phone, String containing) {
        return LocalStackResource.platform().smsTo(phone).stream().filter(text -> text.contains(containing)).toList();
    }

    @Test
    void anAcceptedCaseGivesOneInboxMessageAndOneSmsEvenWhenDeliveredAgain() {
        String resident = Tokens.newResident();
        String phone = NotifyFixtures.phone("");
        ExtractableResponse<Response> submitted = NotifyFixtures.submit(resident, phone);
        String intakeId = submitted.path("id");
        String caseId = submitted.path("cases.find { it.program == 'MINIMUM_LIVING_ALLOWANCE' }.id");
        // events pending together are delivered in parallel, in no set order: let the submission's go first
        long submittedEvent = db().event("INTAKE_SUBMITTED", intakeId);
        NotifyFixtures.await("the submission delivered", WAIT,
                () -> db().count("select count(*) from outbox_event where id = $1 and delivered_at is not null", submittedEvent) == 1);
        NotifyFixtures.move(caseId, "ACCEPTED");
        long event = db().event("CASE_STEP_CHANGED", caseId);

        NotifyFixtures.await("the acceptance delivered", WAIT,
                () -> db().count("select count(*) from outbox_event where id = $1 and delivered_at is not null", event) == 1);

        List<String> texts = smsTo(phone, "已受理");
        assertEquals(1, texts.size(), texts.toString());
        assertTrue(texts.get(0).startsWith("【社会救助】申请已受理：您申请的“最低生活保障”（受理编号 JZ-"), texts.get(0));
        assertEquals(1, db().count("select count(*) from inbox_message where outbox_id = $1", event));
        assertEquals(1, db().count("""
                select count(*) from notification_delivery where outbox_id = $1 and channel = 'SMS' and state = 'SENT'""", event));

        // the resident reads it in the inbox, with the submission's message under it
        long messageId = given().auth().oauth2(resident).when().get("/api/v1/inbox").then().statusCode(200)
                .body("items[0].kind", equalTo("CASE_ACCEPTED"))
                .body("items[0].title", equalTo("申请已受理"))
                .body("items[0].intakeId", equalTo(intakeId))
                .body("items.kind", hasItem("INTAKE_SUBMITTED"))
                .body("unread", equalTo(2))
                .body(not(containsString(phone)))
                .extract().jsonPath().getLong("items[0].id");
        given().auth().oauth2(resident).when().get("/api/v1/inbox?limit=1").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("next", equalTo(String.valueOf(messageId)));
        given().auth().oauth2(resident).when().get("/api/v1/inbox?limit=1&cursor=" + messageId).then().statusCode(200)
                .body("items[0].kind", equalTo("INTAKE_SUBMITTED")).body("next", equalTo(null));
        given().auth().oauth2(resident).when().post("/api/v1/inbox/" + messageId + "/read").then().statusCode(204);
        given().auth().oauth2(resident).when().get("/api/v1/inbox").then().body("unread", equalTo(1));
        given().auth().oauth2(Tokens.of("resident2")).when().post("/api/v1/inbox/" + messageId + "/read").then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(resident).when().get("/api/v1/inbox?cursor=abc").then().statusCode(422);

        // delivered again (a worker that lost its claim, an operator's retry): no second text, no second message
        db().row("update outbox_event set delivered_at = null, claimed_until = null where id = $1 returning id", event);
        NotifyFixtures.await("the repeat handled", WAIT,
                () -> db().count("select count(*) from outbox_event where id = $1 and delivered_at is not null", event) == 1);
        assertEquals(1, smsTo(phone, "已受理").size());
        assertEquals(1, db().count("select count(*) from inbox_message where outbox_id = $1", event));
    }

    @Test
    void aRefusedSmsIsTriedAgainWithBackoffThenDeadLetteredForAdminsAndCalledBackByTheHotline() {
        String resident = Tokens.newResident();
        String phone = NotifyFixtures.phone("0000"); // the simulator answers errcode 1001
        String intakeId = NotifyFixtures.submit(resident, phone).path("id");
        long event = db().event("INTAKE_SUBMITTED", intakeId);

        NotifyFixtures.await("the submission dead-lettered", WAIT,
                () -> db().count("select count(*) from outbox_event where id = $1 and dead_at is not null", event) == 1);

        Row dead = db().row("select attempts, created_at, dead_at, last_error, delivered_at from outbox_event where id = $1", event);
        assertEquals(3, dead.getInteger("attempts"));
        assertEquals("SMS: SMS provider refused: HTTP 200, errcode 1001", dead.getString("last_error"));
        assertEquals(null, dead.getOffsetDateTime("delivered_at"));
        // two waits between three tries: 1 s, then 2 s (doubled)
        Duration took = Duration.between(dead.getOffsetDateTime("created_at"), dead.getOffsetDateTime("dead_at"));
        assertTrue(took.compareTo(Duration.ofSeconds(3)) >= 0, "dead after " + took);
        assertEquals(0, smsTo(phone, "").size());
        assertEquals(0, db().count("select count(*) from notification_delivery where outbox_id = $1 and channel = 'SMS'", event));
        // the inbox got it on the first try, once
        assertEquals(1, db().count("select count(*) from inbox_message where outbox_id = $1", event));
        given().auth().oauth2(resident).when().get("/api/v1/inbox").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].kind", equalTo("INTAKE_SUBMITTED"));

        // administrators see it, without personal data
        String answer = given().auth().oauth2(Tokens.of("admin1")).when().get("/api/v1/notify/dead-letters?limit=100")
                .then().statusCode(200)
                .body("items.find { it.id == " + event + " }.eventType", equalTo("INTAKE_SUBMITTED"))
                .body("items.find { it.id == " + event + " }.attempts", equalTo(3))
                .body("byEventType.find { it.eventType == 'INTAKE_SUBMITTED' }.count", org.hamcrest.Matchers.greaterThan(0))
                .extract().asString();
        assertFalse(answer.contains(phone), "a phone number in the dead letters");
        assertFalse(answer.contains("张伟"), "a name in the dead letters");

        // the hotline of the intake's region phones the resident instead
        Row task = db().row("select id, reason, region_code from callback_task where outbox_id = $1", event);
        assertEquals("DELIVERY_FAILED", task.getString("reason"));
        assertEquals("140105", task.getString("region_code"));
        String taskId = task.getUUID("id").toString();
        assertNotNull(openTask(taskId), "the task on the hotline's list");

        // a retry puts it back with fresh tries
        given().auth().oauth2(Tokens.of("admin1")).when().post("/api/v1/notify/dead-letters/" + event + "/retry")
                .then().statusCode(202);
        assertEquals(1, db().count("select count(*) from outbox_event where id = $1 and dead_at is null and attempts <= 1", event));
        given().auth().oauth2(Tokens.of("admin1")).when().post("/api/v1/notify/dead-letters/" + event + "/retry")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theInboxOnlyChoiceSendsNoTextAndAsksNoCall() {
        String resident = Tokens.newResident();
        given().auth().oauth2(resident).when().get("/api/v1/me/notification-preferences").then().statusCode(200)
                .body("channels", equalTo(List.of("MINIPROGRAM", "SMS"))).body("callMeBack", equalTo(false));
        given().auth().oauth2(resident).contentType(ContentType.JSON).body("{\"channels\":[],\"callMeBack\":false}")
                .when().put("/api/v1/me/notification-preferences").then().statusCode(200).body("channels", equalTo(List.of()));
        String phone = NotifyFixtures.phone("");
        String intakeId = NotifyFixtures.submit(resident, phone).path("id");
        long event = db().event("INTAKE_SUBMITTED", intakeId);

        NotifyFixtures.await("the submission delivered", WAIT,
                () -> db().count("select count(*) from outbox_event where id = $1 and delivered_at is not null", event) == 1);
        assertEquals(0, LocalStackResource.platform().smsTo(phone).size());
        assertEquals(1, db().count("select count(*) from inbox_message where outbox_id = $1", event));
        assertEquals(0, db().count("select count(*) from callback_task where outbox_id = $1", event));

        // SMS chosen again: the next message is texted
        given().auth().oauth2(resident).contentType(ContentType.JSON).body("{\"channels\":[\"SMS\"],\"callMeBack\":false}")
                .when().put("/api/v1/me/notification-preferences").then().statusCode(200);
        given().auth().oauth2(resident).when().post("/api/v1/intakes/" + intakeId + "/withdrawal").then().statusCode(200);
        long withdrawn = db().event("INTAKE_WITHDRAWN", intakeId);
        NotifyFixtures.await("the withdrawal delivered", WAIT,
                () -> db().count("select count(*) from outbox_event where id = $1 and delivered_at is not null", withdrawn) == 1);
        assertEquals(1, smsTo(phone, "申请已撤回").size());
    }

    @Test
    void preferencesAreValidated() {
        String resident = Tokens.newResident();
        for (String body : List.of("{\"channels\":[\"INBOX\"],\"callMeBack\":false}",
                "{\"channels\":[null],\"callMeBack\":false}", // was a 500, found by the fault runs' fuzz
                "{}", "{\"unknown\":1}", // were stored as "inbox only", found by the fuzz too
                "{\"channels\":[\"SMS\",\"SMS\"],\"callMeBack\":false}",
                "{\"channels\":[\"SMS\"],\"callMeBack\":false,\"callbackFrom\":\"09:00\",\"callbackTo\":\"10:00\"}",
                "{\"channels\":[\"SMS\"],\"callMeBack\":true,\"callbackFrom\":\"11:00\",\"callbackTo\":\"10:00\"}",
                "{\"channels\":[\"SMS\"],\"callMeBack\":true,\"callbackFrom\":\"11:00\"}")) {
            given().auth().oauth2(resident).contentType(ContentType.JSON).body(body)
                    .when().put("/api/v1/me/notification-preferences").then().statusCode(422)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(resident).contentType(ContentType.JSON).body("{\"channels\":[\"EMAIL\"]}")
                .when().put("/api/v1/me/notification-preferences").then()
                .statusCode(org.hamcrest.Matchers.oneOf(400, 422)).contentType("application/problem+json");
    }

    @Test
    void callMeBackGivesTheHotlineATaskInTheChosenHours() {
        String resident = Tokens.newResident();
        given().auth().oauth2(resident).contentType(ContentType.JSON)
                .body("{\"channels\":[\"SMS\"],\"callMeBack\":true,\"callbackFrom\":\"09:00\",\"callbackTo\":\"11:30\"}")
                .when().put("/api/v1/me/notification-preferences").then().statusCode(200)
                .body("callbackFrom", equalTo("09:00:00")).body("callbackTo", equalTo("11:30:00"));
        String phone = NotifyFixtures.phone("");
        ExtractableResponse<Response> submitted = NotifyFixtures.submit(resident, phone);
        String intakeId = submitted.path("id");
        long event = db().event("INTAKE_SUBMITTED", intakeId);

        NotifyFixtures.await("the submission delivered", WAIT,
                () -> db().count("select count(*) from outbox_event where id = $1 and delivered_at is not null", event) == 1);
        assertEquals(1, smsTo(phone, "申请已提交").size());
        Row task = db().row("select id, reason, callback_from, callback_to from callback_task where outbox_id = $1", event);
        assertNotNull(task);
        assertEquals("CALL_ME_BACK", task.getString("reason"));
        String taskId = task.getUUID("id").toString();

        Map<String, Object> listed = openTask(taskId);
        assertEquals(submitted.path("intakeNumber"), listed.get("intakeNumber"));
        assertEquals("申请已提交", listed.get("title"));
        assertEquals("09:00:00", listed.get("callbackFrom"));
        assertFalse(listed.toString().contains(phone));
        given().auth().oauth2(Tokens.of("hotline1")).contentType(ContentType.JSON).body("{\"note\":\"x\"}")
                .when().post("/api/v1/hotline/callback-tasks/" + taskId + "/completion").then().statusCode(422);
        given().auth().oauth2(Tokens.of("hotline1")).contentType(ContentType.JSON)
                .body("{\"outcome\":\"REACHED\",\"note\":\"已告知申请已提交\"}")
                .when().post("/api/v1/hotline/callback-tasks/" + taskId + "/completion").then().statusCode(200)
                .body("outcome", equalTo("REACHED"));
        given().auth().oauth2(Tokens.of("hotline1")).contentType(ContentType.JSON).body("{\"outcome\":\"REACHED\"}")
                .when().post("/api/v1/hotline/callback-tasks/" + taskId + "/completion").then().statusCode(409);
        assertEquals(null, openTask(taskId), "a completed task still listed");
        assertNotNull(db().row("select completed_at from callback_task where id = $1::uuid", taskId)
                .getOffsetDateTime("completed_at"));
    }

    @Test
    void theInboxAndPreferencesFollowTheResidentToRealNameBindingAndTheirOtherLogin() {
        String web = Tokens.newResident();
        given().auth().oauth2(web).contentType(ContentType.JSON).body("{\"channels\":[\"SMS\"],\"callMeBack\":false}")
                .when().put("/api/v1/me/notification-preferences").then().statusCode(200);
        String nationalId = io.onestop.assistance.testing.TestData.nationalId();
        String intakeId = NotifyFixtures.submit(web, NotifyFixtures.phone("")).path("id");
        long event = db().event("INTAKE_SUBMITTED", intakeId);
        NotifyFixtures.await("the submission delivered", WAIT,
                () -> db().count("select count(*) from outbox_event where id = $1 and delivered_at is not null", event) == 1);

        for (String login : List.of(web, Tokens.newResident())) {
            given().auth().oauth2(login).contentType(ContentType.JSON)
                    .body("{\"nationalId\":\"" + nationalId + "\",\"name\":\"张伟\"}")
                    .when().put("/api/v1/me/real-name").then().statusCode(200);
            given().auth().oauth2(login).when().get("/api/v1/inbox").then().statusCode(200)
                    .body("items.intakeId", hasItem(intakeId));
            given().auth().oauth2(login).when().get("/api/v1/me/notification-preferences").then().statusCode(200)
                    .body("channels", equalTo(List.of("SMS")));
        }
    }

    /** The task as hotline1 sees it on its open list, paging with the cursor; null when it is not there. */
    private static Map<String, Object> openTask(String taskId) {
        String cursor = null;
        do {
            var page = given().auth().oauth2(Tokens.of("hotline1"))
                    .queryParam("limit", 100).queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .when().get("/api/v1/hotline/callback-tasks").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (Map<String, Object> item : items) {
                if (taskId.equals(item.get("id"))) {
                    return item;
                }
            }
            cursor = page.getString("next");
        } while (cursor != null);
        return null;
    }

    @Test
    void backoffDoublesAndIsCapped() {
        DeliveryWorker worker = scheduler.worker();
        assertEquals(Duration.ofSeconds(1), worker.backoff(1));
        assertEquals(Duration.ofSeconds(2), worker.backoff(2));
        assertEquals(Duration.ofSeconds(4), worker.backoff(3));
        assertEquals(Duration.ofHours(1), worker.backoff(40));
    }
}

package io.onestop.assistance.delegation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onestop.assistance.delegation.Family.Person;
import io.onestop.assistance.testing.LocalStackResource;
import io.onestop.assistance.testing.OwnerSql;
import io.onestop.assistance.testing.TestClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The no-account status query end to end: the code really goes through the SMS simulator; answers do not tell a
 * match from a miss; wrong codes count, five close the query; codes expire; queries are rate limited per intake
 * number and per client address.
 */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class StatusQueryTest {

    private static final Pattern CODE = Pattern.compile("查询验证码：(\\d{6})");

    @Inject
    TestClock clock;

    /**
     * The limits count in the database, which outlives a run (and sees every earlier run's queries from 127.0.0.1):
     * each test starts with no counts, as it did with the in-memory counters.
     */
    @BeforeEach
    void noCounts() {
        OwnerSql.run("delete from rate_limit_window");
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private record Application(Person applicant, String phone, String intakeNumber, String intakeId) {
        String idLast6() {
            return applicant.nationalId().substring(12);
        }
    }

    private static Application application() {
        Person applicant = Family.bound("张伟");
        String phone = Family.freshPhone();
        var intake = Family.intake(applicant, phone);
        return new Application(applicant, phone, intake.getString("intakeNumber"), intake.getString("id"));
    }

    private static Response query(String intakeNumber, String idLast6) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("intakeNumber", intakeNumber, "idLast6", idLast6))
                .when().post("/api/v1/status-queries");
    }

    private static Response verify(String queryId, String code) {
        return given().contentType(ContentType.JSON).body(Map.of("code", code))
                .when().post("/api/v1/status-queries/" + queryId + "/verification");
    }

    /** The newest code texted to {@code phone}, waiting for the text to arrive (the backend does not await the send). */
    private static String codeSentTo(String phone, int textsBefore) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<String> texts = codeTexts(phone);
            if (texts.size() > textsBefore) {
                Matcher m = CODE.matcher(texts.get(texts.size() - 1));
                assertTrue(m.find(), texts.get(texts.size() - 1));
                return m.group(1);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no text arrived");
    }

    /** The one-time-code texts to this number (the notify context texts the applicant about the application too). */
    private static List<String> codeTexts(String phone) {
        return LocalStackResource.platform().smsTo(phone).stream().filter(text -> CODE.matcher(text).find()).toList();
    }

    private static String other(String code) {
        return "%06d".formatted((Integer.parseInt(code) + 1) % 1_000_000);
    }

    @Test
    void aFamilyMemberWithoutAnAccountReadsTheMaskedStatusWithTheCodeFromTheText() throws InterruptedException {
        Application app = application();
        var started = query(app.intakeNumber(), app.idLast6());
        assertEquals(202, started.statusCode(), started.asString());
        String queryId = started.path("queryId");
        String code = codeSentTo(app.phone(), 0);

        String status = verify(queryId, code).then().statusCode(200)
                .body("intakeNumber", equalTo(app.intakeNumber()))
                .body("applicantName", equalTo("张*"))
                .body("cases.size()", org.hamcrest.Matchers.greaterThan(0))
                .body("timeline.note", everyItem(nullValue()))
                .body("todos.members", everyItem(nullValue()))
                .extract().asString();
        String id = app.applicant().nationalId();
        assertFalse(status.contains(id.substring(6, 14)) || status.contains(id.substring(14)), status);
        assertFalse(status.contains("北营街道") || status.contains(app.phone().substring(7)) || status.contains("张伟"), status);
        assertEquals("1", OwnerSql.queryString("select count(*) from audit_event where action = 'STATUS_QUERY_READ' "
                + "and subject = 'status-query:" + queryId + "' and object_id = '" + app.intakeId() + "'"));
        // one-time: the same code again is refused
        verify(queryId, code).then().statusCode(410).contentType("application/problem+json");
        assertEquals(64, OwnerSql.queryString("select code_hash from status_query where id = '" + queryId + "'").length());
        assertFalse(OwnerSql.queryString("select code_hash from status_query where id = '" + queryId + "'").contains(code));
    }

    @Test
    void aQueryThatMatchesNothingIsAnsweredTheSameAndNeverAcceptsACode() throws InterruptedException {
        Application app = application();
        String wrongDigits = app.idLast6().startsWith("0") ? "1" + app.idLast6().substring(1) : "0" + app.idLast6().substring(1);
        var matched = query(app.intakeNumber(), app.idLast6());
        var missed = query(app.intakeNumber(), wrongDigits);
        var unknown = query("JZ-140105-2026-9" + "%05d".formatted(ThreadLocalRandom.current().nextInt(100_000)), app.idLast6());
        String code = codeSentTo(app.phone(), 0);
        for (var answer : List.of(missed, unknown)) {
            assertEquals(202, answer.statusCode());
            assertEquals(matched.jsonPath().getMap("$").keySet(), answer.jsonPath().getMap("$").keySet());
            assertEquals(matched.jsonPath().getString("message"), answer.jsonPath().getString("message"));
        }
        Thread.sleep(300);
        assertEquals(1, codeTexts(app.phone()).size(), "only the matching query sends a code");
        // even the code of the matching query does not open the others
        verify(missed.path("queryId"), code).then().statusCode(422).body("type", containsString("wrong-code"));
        verify(unknown.path("queryId"), code).then().statusCode(422).body("type", containsString("wrong-code"));
        verify(matched.path("queryId"), code).then().statusCode(200);
    }

    @Test
    void wrongCodesCountAndTheFifthClosesTheQueryEvenForTheRightCode() throws InterruptedException {
        Application app = application();
        String queryId = query(app.intakeNumber(), app.idLast6()).path("queryId");
        String code = codeSentTo(app.phone(), 0);
        for (int left = 4; left >= 0; left--) {
            verify(queryId, other(code)).then().statusCode(422).contentType("application/problem+json")
                    .body("type", containsString("wrong-code")).body("detail", containsString(left + " attempt"));
        }
        verify(queryId, code).then().statusCode(410).body("type", containsString("query-closed"));
        verify(queryId, "12ab56").then().statusCode(422).body("errors[0].field", equalTo("code"));
        verify(java.util.UUID.randomUUID().toString(), code).then().statusCode(404);
    }

    @Test
    void aCodeExpiresAfterFiveMinutes() throws InterruptedException {
        Application app = application();
        String queryId = query(app.intakeNumber(), app.idLast6()).path("queryId");
        String code = codeSentTo(app.phone(), 0);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        verify(queryId, code).then().statusCode(410);
    }

    @Test
    void queriesAreRateLimitedPerIntakeNumber() {
        Application app = application();
        clock.set(Instant.parse("2031-01-01T00:00:01Z")); // at the start of a fixed window, as below
        for (int i = 0; i < 3; i++) {
            query(app.intakeNumber(), app.idLast6()).then().statusCode(202);
        }
        query(app.intakeNumber(), app.idLast6()).then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue());
        // another intake number from the same address still goes through
        Application other = application();
        query(other.intakeNumber(), other.idLast6()).then().statusCode(202);
    }

    @Test
    void queriesAreRateLimitedPerClientAddress() {
        // a window of its own, far from the real time the other tests query in, and at its start: the windows are
        // fixed (aligned to the epoch), so a loop that crosses a boundary would start counting afresh
        clock.set(Instant.parse("2030-01-01T00:00:01Z"));
        int allowed = 40; // %test.assistance.status-query.per-address
        for (int i = 0; i < allowed; i++) {
            query("JZ-140105-2026-8%05d".formatted(i), "123456").then().statusCode(202);
        }
        var refused = query("JZ-140105-2026-899999", "123456");
        assertEquals(429, refused.statusCode());
        assertEquals("application/problem+json", refused.contentType());
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 3600, "Retry-After " + retryAfter);
        refused.then().body("status", equalTo(429)).body("$", not(org.hamcrest.Matchers.hasKey("queryId")));
    }

    @Test
    void malformedQueriesAreRefusedBeforeAnythingIsCounted() {
        query("140105-000123", "12").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("intakeNumber", "idLast6"));
    }
}

package io.onestop.assistance;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.onestop.assistance.testing.LocalStackResource;
import io.onestop.assistance.testing.TestData;
import io.onestop.assistance.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint against every role: the status each caller must get. One table, so a new endpoint without a row
 * is visible in review, and a mismatch names the endpoint and role. Foreign objects are covered per resource (404).
 */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class AuthorizationMatrixTest {

    private static final String[] CALLERS = {"anonymous", "resident1", "hotline1", "caseworker1", "approver1", "admin1", "auditor1",
        "exchange1"};
    private static final String SCREENING = TestData.HOUSEHOLD_A;
    private static final String DRAFT = TestData.draft(TestData.HOUSEHOLD_A, "110101199003074514");

    /**
     * Expected status per caller, in the order of {@link #CALLERS}. Rows written before the data-exchange role list 7
     * statuses; its account (exchange1) gets what every login gets where all logins are treated alike, what anonymous
     * gets on public endpoints, and 403 everywhere else ({@link #expected}).
     */
    private record Row(String method, String path, String body, int... expected) {
    }

    private static int expected(Row row, int caller) {
        int[] e = row.expected();
        if (caller < e.length) {
            return e[caller];
        }
        if (e[0] != 401) {
            return e[0];
        }
        boolean loginsAlike = java.util.stream.IntStream.range(1, e.length).allMatch(i -> e[i] == e[1]);
        return loginsAlike ? e[1] : 403;
    }

    /** Stands for a text/csv body (the staff console's signal import). */
    private static final String CSV = "csv";
    private static final String WARNING = "/api/v1/monitoring/warnings/" + UUID.randomUUID();

    /** Monitoring: caseworkers (region-scoped) handle warnings; the data-exchange account only posts signals. */
    private static int[] caseworkerOnly(int status) {
        return new int[] {401, 403, 403, status, 403, 403, 403, 403};
    }

    private static final int[] PUBLIC = {200, 200, 200, 200, 200, 200, 200};
    private static final int[] ANY_LOGIN = {401, 200, 200, 200, 200, 200, 200};
    private static final int[] AUDITOR_ONLY = {401, 403, 403, 403, 403, 403, 200};

    private static int[] residentOnly(int residentStatus) {
        return new int[] {401, residentStatus, 403, 403, 403, 403, 403};
    }

    /** Residents and case staff (caseworker, approver) may read; hotline, admin and auditor may not. */
    private static int[] residentOrCaseStaff(int status) {
        return new int[] {401, status, 403, status, status, 403, 403};
    }

    private static final String DELEGATION = "{\"nationalId\":\"110101199003074514\",\"phone\":\"13900000000\","
            + "\"scope\":\"VIEW_STATUS\",\"endsOn\":\"" + java.time.LocalDate.now().plusDays(10) + "\",\"reason\":\"独居老人无手机\"}";

    /** Stands for a wx.uploadFile-style multipart body with a small PDF. */
    private static final String MULTIPART = "multipart";
    private static final String UPLOAD_TICKET = "{\"type\":\"ID_CARD\",\"size\":1000,\"contentType\":\"image/jpeg\"}";
    private static final String DRAFT_DOCS = "/api/v1/drafts/" + UUID.randomUUID();
    private static final String INTAKE_DOCS = "/api/v1/intakes/" + UUID.randomUUID();
    private static final String DOC = "/documents/" + UUID.randomUUID();

    /** Caseworkers and approvers only (both scoped by agency and region); hotline and admin do not handle cases. */
    private static int[] staff(int caseworkerStatus, int approverStatus) {
        return new int[] {401, 403, 403, caseworkerStatus, approverStatus, 403, 403};
    }

    /** Hotline staff only: residents, case staff, admin and auditor get 403. */
    private static int[] hotlineOnly(int hotlineStatus) {
        return new int[] {401, 403, hotlineStatus, 403, 403, 403, 403};
    }

    private static final String CALL = "/api/v1/hotline/calls/" + UUID.randomUUID();
    private static final String CALL_INTAKE = CALL + "/intakes/" + UUID.randomUUID();

    /** Notify: dead letters are for administrators. */
    private static final int[] ADMIN_ONLY_200 = {401, 403, 403, 403, 403, 200, 403};
    private static final int[] ADMIN_ONLY_404 = {401, 403, 403, 403, 403, 404, 403};

    private static final List<Row> MATRIX = List.of(
            new Row("GET", "/api/v1/portal-config", null, PUBLIC),
            new Row("GET", "/api/v1/programs", null, PUBLIC),
            new Row("POST", "/api/v1/screenings", SCREENING, PUBLIC),
            new Row("GET", "/api/v1/me", null, ANY_LOGIN),
            new Row("PUT", "/api/v1/me/real-name", "{\"nationalId\":\"123\",\"name\":\"张伟\"}", residentOnly(422)),
            // Only a gateway token carrying the number it verified binds a phone; a Keycloak login never does.
            new Row("PUT", "/api/v1/me/phone", "{\"phone\":\"13812345678\"}", residentOnly(403)),
            // removing the verified phone: 204 also when there is none to remove
            new Row("DELETE", "/api/v1/me/phone", null, residentOnly(204)),
            new Row("GET", "/api/v1/drafts", null, residentOnly(200)),
            new Row("GET", "/api/v1/drafts?limit=1&cursor=", null, residentOnly(200)),
            new Row("POST", "/api/v1/drafts", DRAFT, residentOnly(201)),
            new Row("GET", "/api/v1/drafts/" + UUID.randomUUID(), null, residentOnly(404)),
            new Row("PUT", "/api/v1/drafts/" + UUID.randomUUID(), DRAFT, residentOnly(428)),
            new Row("DELETE", "/api/v1/drafts/" + UUID.randomUUID(), null, residentOnly(404)),
            new Row("POST", "/api/v1/drafts/" + UUID.randomUUID() + "/screening", null, residentOnly(404)),
            new Row("GET", "/api/v1/intakes", null, residentOnly(200)),
            new Row("GET", "/api/v1/intakes?limit=1", null, residentOnly(200)),
            new Row("POST", "/api/v1/intakes", "{\"draftId\":\"" + UUID.randomUUID() + "\",\"consent\":true}", residentOnly(400)),
            new Row("GET", "/api/v1/intakes/" + UUID.randomUUID(), null, residentOnly(404)),
            new Row("POST", "/api/v1/intakes/" + UUID.randomUUID() + "/withdrawal", null, residentOnly(404)),
            new Row("POST", "/api/v1/intakes/" + UUID.randomUUID() + "/revisions",
                    "{\"household\":" + TestData.HOUSEHOLD_A + "}", residentOnly(400)),
            new Row("GET", DRAFT_DOCS + "/checklist", null, residentOnly(404)),
            new Row("POST", DRAFT_DOCS + "/documents", MULTIPART, residentOnly(404)),
            new Row("POST", DRAFT_DOCS + "/document-uploads", UPLOAD_TICKET, residentOnly(404)),
            new Row("POST", DRAFT_DOCS + DOC + "/confirm", null, residentOnly(404)),
            new Row("GET", DRAFT_DOCS + DOC, null, residentOnly(404)),
            new Row("GET", DRAFT_DOCS + DOC + "/download-url", null, residentOnly(404)),
            new Row("DELETE", DRAFT_DOCS + DOC, null, residentOnly(404)),
            new Row("GET", INTAKE_DOCS + "/checklist", null, residentOrCaseStaff(404)),
            new Row("POST", INTAKE_DOCS + "/documents", MULTIPART, residentOnly(404)),
            new Row("POST", INTAKE_DOCS + "/document-uploads", UPLOAD_TICKET, residentOnly(404)),
            new Row("POST", INTAKE_DOCS + DOC + "/confirm", null, residentOnly(404)),
            new Row("GET", INTAKE_DOCS + DOC, null, residentOrCaseStaff(404)),
            new Row("GET", INTAKE_DOCS + DOC + "/download-url", null, residentOrCaseStaff(404)),
            new Row("DELETE", INTAKE_DOCS + DOC, null, residentOnly(404)),
            new Row("GET", "/api/v1/intakes/" + UUID.randomUUID() + "/status", null, residentOnly(404)),
            new Row("POST", "/api/v1/intakes/" + UUID.randomUUID() + "/cases/" + UUID.randomUUID() + "/resubmission", "{}",
                    residentOnly(404)),
            new Row("PUT", "/api/v1/intakes/" + UUID.randomUUID() + "/verification-consents/m2",
                    "{\"nationalId\":\"140105198805100020\"}", residentOnly(404)),
            new Row("GET", "/api/v1/cases", null, staff(200, 200)),
            new Row("GET", "/api/v1/cases/statistics", null, staff(200, 200)),
            new Row("GET", "/api/v1/cases/statistics?days=0", null, staff(422, 422)),
            new Row("GET", "/api/v1/cases/" + UUID.randomUUID(), null, staff(404, 404)),
            new Row("POST", "/api/v1/cases/" + UUID.randomUUID() + "/transitions", "{\"to\":\"ACCEPTED\"}", staff(428, 428)),
            new Row("POST", "/api/v1/cases/" + UUID.randomUUID() + "/verification", null, staff(404, 403)),
            new Row("GET", "/api/v1/cases/" + UUID.randomUUID() + "/decision/reproduction", null, staff(404, 404)),
            new Row("POST", "/api/v1/cases/" + UUID.randomUUID() + "/applicant/reveal", "{\"reason\":\"核实银行账户\"}",
                    staff(404, 404)),
            new Row("POST", "/api/v1/intakes/" + UUID.randomUUID() + "/delegations", DELEGATION, residentOnly(400)),
            new Row("GET", "/api/v1/intakes/" + UUID.randomUUID() + "/delegations", null, residentOnly(404)),
            new Row("DELETE", "/api/v1/intakes/" + UUID.randomUUID() + "/delegations/" + UUID.randomUUID(), null, residentOnly(404)),
            new Row("GET", "/api/v1/delegations/received", null, residentOnly(200)),
            new Row("POST", "/api/v1/cases/" + UUID.randomUUID() + "/delegations", DELEGATION, staff(400, 403)),
            // the no-account status query is public; a malformed body is refused before anything is counted
            new Row("POST", "/api/v1/status-queries", "{\"intakeNumber\":\"JZ-1\",\"idLast6\":\"12\"}",
                    new int[] {422, 422, 422, 422, 422, 422, 422}),
            new Row("POST", "/api/v1/status-queries/" + UUID.randomUUID() + "/verification", "{\"code\":\"123456\"}",
                    new int[] {404, 404, 404, 404, 404, 404, 404}),
            new Row("GET", "/api/v1/public-notices?regionCode=140105", null, PUBLIC),
            new Row("DELETE", "/api/v1/intakes/" + UUID.randomUUID() + "/verification-consents/m2", null, residentOnly(404)),
            new Row("GET", "/api/v1/verification-consent-texts", null, PUBLIC),
            new Row("GET", "/api/v1/verification-consent-texts/current", null, PUBLIC),
            new Row("GET", "/api/v1/hotline/verification-questions", null, hotlineOnly(200)),
            new Row("POST", "/api/v1/hotline/calls", "{\"callReference\":\"12345-MATRIX-1\",\"line\":\"12345\"}", hotlineOnly(201)),
            new Row("GET", CALL, null, hotlineOnly(404)),
            new Row("POST", CALL + "/verification",
                    "{\"questionsAnswered\":[{\"question\":\"FULL_NAME\",\"correct\":true}],\"reason\":\"询问申请进度\"}",
                    hotlineOnly(404)),
            new Row("POST", CALL + "/searches", "{\"phone\":\"13812345678\"}", hotlineOnly(404)),
            new Row("GET", CALL_INTAKE + "/status", null, hotlineOnly(404)),
            new Row("POST", CALL + "/drafts", DRAFT, hotlineOnly(404)),
            new Row("POST", CALL + "/drafts/" + UUID.randomUUID() + "/verbal-submission",
                    "{\"consentTextVersion\":\"2026-01\",\"consentReadOut\":true,\"callerConsented\":true}", hotlineOnly(404)),
            new Row("PUT", CALL_INTAKE + "/verification-consents/m2",
                    "{\"nationalId\":\"140105198805100020\",\"consentTextVersion\":\"2026-01\"}", hotlineOnly(404)),
            new Row("POST", CALL + "/notes", "{\"text\":\"备注\"}", hotlineOnly(404)),
            new Row("POST", CALL_INTAKE + "/cases/" + UUID.randomUUID() + "/handoff", "{\"note\":\"请联系\"}", hotlineOnly(404)),
            new Row("GET", "/api/v1/audit/events?limit=1", null, AUDITOR_ONLY),
            new Row("GET", "/api/v1/audit/verification", null, AUDITOR_ONLY),
            new Row("GET", "/api/v1/inbox", null, residentOnly(200)),
            new Row("POST", "/api/v1/inbox/999999999/read", null, residentOnly(404)),
            new Row("GET", "/api/v1/me/notification-preferences", null, residentOnly(200)),
            new Row("PUT", "/api/v1/me/notification-preferences", "{\"channels\":[\"MINIPROGRAM\",\"SMS\"],\"callMeBack\":false}",
                    residentOnly(200)),
            new Row("GET", "/api/v1/me/subscribe-acceptances", null, residentOnly(200)),
            // a Keycloak resident's token carries no openid verified by the gateway: 403 even for a resident
            new Row("POST", "/api/v1/me/subscribe-acceptances", "{\"templateIds\":[\"local-application-progress\"]}",
                    residentOnly(403)),
            new Row("GET", "/api/v1/notify/dead-letters", null, ADMIN_ONLY_200),
            new Row("POST", "/api/v1/notify/dead-letters/999999999/retry", null, ADMIN_ONLY_404),
            new Row("GET", "/api/v1/hotline/callback-tasks", null, hotlineOnly(200)),
            new Row("POST", "/api/v1/hotline/callback-tasks/" + UUID.randomUUID() + "/completion", "{\"outcome\":\"REACHED\"}",
                    hotlineOnly(404)),
            new Row("POST", "/api/v1/hotline/callback-tasks/" + UUID.randomUUID() + "/phone-reveal", "{\"reason\":\"回拨告知结果\"}",
                    hotlineOnly(404)),
            new Row("POST", "/api/v1/public-notices/" + UUID.randomUUID() + "/objections", "{\"text\":\"有异议\"}",
                    new int[] {404, 404, 404, 404, 404, 404, 404}),
            new Row("POST", "/api/v1/monitoring/signal-batches", "{\"signals\":[]}", new int[] {401, 403, 403, 403, 403, 403, 403, 422}),
            new Row("POST", "/api/v1/monitoring/signal-imports", CSV, caseworkerOnly(422)),
            new Row("GET", "/api/v1/monitoring/warnings", null, caseworkerOnly(200)),
            new Row("GET", "/api/v1/monitoring/warnings?limit=0", null, caseworkerOnly(422)),
            new Row("GET", WARNING, null, caseworkerOnly(404)),
            new Row("POST", WARNING + "/visits", "{\"visitedOn\":\"" + java.time.LocalDate.now().minusDays(1)
                    + "\",\"outcome\":\"NOT_AT_HOME\"}", caseworkerOnly(404)),
            new Row("POST", WARNING + "/dismissal", "{\"reason\":\"入户核实不困难\"}", caseworkerOnly(404)),
            new Row("POST", WARNING + "/invitation", null, caseworkerOnly(404)),
            new Row("POST", "/api/v1/monitoring/direct-grants", "{\"program\":\"OLD_AGE_ALLOWANCE\",\"nationalId\":\"123\"}",
                    caseworkerOnly(422)),
            new Row("GET", "/api/v1/monitoring/dashboard", null, new int[] {401, 403, 403, 200, 200, 403, 403, 403}),
            new Row("GET", "/api/v1/me/invitations", null, residentOnly(200)),
            new Row("POST", "/api/v1/me/invitations/" + UUID.randomUUID() + "/opt-out", null, residentOnly(404)));

    @Test
    void everyCallerGetsExactlyTheExpectedStatus() {
        List<String> mismatches = new ArrayList<>();
        for (Row row : MATRIX) {
            for (int i = 0; i < CALLERS.length; i++) {
                RequestSpecification request = given();
                if (!CALLERS[i].equals("anonymous")) {
                    request = request.auth().oauth2(Tokens.of(CALLERS[i]));
                }
                if (CSV.equals(row.body())) {
                    request = request.contentType("text/csv").body("source,signalId\n");
                } else if (MULTIPART.equals(row.body())) {
                    request = request.multiPart("file", "a.pdf", "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII),
                            "application/pdf").multiPart("type", "OTHER");
                } else if (row.body() != null) {
                    request = request.contentType(ContentType.JSON).body(row.body());
                }
                int actual = request.when().request(row.method(), row.path()).then().extract().statusCode();
                if (actual != expected(row, i)) {
                    mismatches.add("%s %s as %s: expected %d, got %d".formatted(
                            row.method(), row.path(), CALLERS[i], expected(row, i), actual));
                }
            }
        }
        assertEquals(List.of(), mismatches);
    }
}

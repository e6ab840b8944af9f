package io.onestop.assistance.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.onestop.assistance.delegation.Family;
import io.onestop.assistance.delegation.Family.Person;
import io.onestop.assistance.documents.Applications;
import io.onestop.assistance.documents.TestFiles;
import io.onestop.assistance.testing.LocalStackResource;
import io.onestop.assistance.testing.OwnerSql;
import io.onestop.assistance.testing.TestData;
import io.onestop.assistance.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.onestop.assistance.cases.CaseFixtures;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Refusals are audited: a role refusal (403), a login reaching for someone else's intake (404), a family delegate
 * asking for more than its scope allows (404, the row naming the delegation and the scope), staff reaching for a case
 * outside their area (404), and a reveal there (with the reason given); one table of every other reach for someone
 * else's object (consents, resubmission, drafts, the decision reproduction, the hotline's intakes, monitoring warnings
 * and invitations), each a DENIED row, while the same reach for an unknown id leaves none.
 */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class DenialAuditTest {

    @Test
    void aRoleRefusalIsAnAuditedDenial() {
        String path = "/api/v1/audit/events";
        long before = denials("REQUEST", "GET " + path);
        given().auth().oauth2(Tokens.of("caseworker2")).when().get(path).then().statusCode(403);
        assertEquals(before + 1, denials("REQUEST", "GET " + path));
        assertEquals("caseworker", OwnerSql.queryString("select role from audit_event where action = 'REQUEST' "
                + "and reason = 'GET " + path + "' order by id desc limit 1"));
        given().auth().oauth2(Tokens.of("auditor1")).when().get("/api/v1/audit/verification")
                .then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void anotherResidentsIntakeIsADeniedAccessAndStill404() {
        String intakeId = Applications.intake("resident1");
        given().auth().oauth2(Tokens.of("resident2")).when().get("/api/v1/intakes/" + intakeId + "/status")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.of("caseworker2")).when().get("/api/v1/intakes/" + intakeId + "/checklist")
                .then().statusCode(404);
        assertEquals("2", OwnerSql.queryString("select count(*) from audit_event where action = 'ACCESS_INTAKE' "
                + "and result = 'DENIED' and object_id = '" + intakeId + "'"));
        // the owner's own reads are not denials
        given().auth().oauth2(Tokens.of("resident1")).when().get("/api/v1/intakes/" + intakeId + "/status")
                .then().statusCode(200);
        assertEquals("2", OwnerSql.queryString("select count(*) from audit_event where action = 'ACCESS_INTAKE' "
                + "and object_id = '" + intakeId + "'"));
    }

    @Test
    void aDelegateAskingBeyondItsScopeIsADeniedAccessNamingTheDelegationAndScope() {
        Person owner = Family.bound("张伟");
        String intakeId = Family.intake(owner, Family.freshPhone()).getString("id");
        String intake = "/api/v1/intakes/" + intakeId;
        Person viewer = Family.bound("张强");
        String delegationId = Family.grant(owner, intakeId, viewer, Family.freshPhone(), "VIEW_STATUS",
                LocalDate.now().plusMonths(1)).path("id");
        String document = given().auth().oauth2(owner.token())
                .multiPart("file", "p.pdf", TestFiles.pdf(), "application/pdf").multiPart("type", "INCOME_PROOF")
                .when().post(intake + "/documents").then().statusCode(201).extract().path("id");

        // within the scope: allowed, and no denial
        given().auth().oauth2(viewer.token()).when().get(intake + "/status").then().statusCode(200);
        assertEquals("0", OwnerSql.queryString("select count(*) from audit_event where result = 'DENIED' and object_id = '"
                + intakeId + "'"));
        // beyond it: the same 404 as a stranger, each one an audited denial with the delegation and its scope
        given().auth().oauth2(viewer.token()).multiPart("file", "q.pdf", TestFiles.pdf(), "application/pdf")
                .multiPart("type", "OTHER").when().post(intake + "/documents").then().statusCode(404);
        given().auth().oauth2(viewer.token()).when().get(intake + "/documents/" + document + "/download-url")
                .then().statusCode(404);
        given().auth().oauth2(viewer.token()).when().get(intake + "/checklist").then().statusCode(404);
        given().auth().oauth2(viewer.token()).when().post(intake + "/withdrawal").then().statusCode(404);
        given().auth().oauth2(viewer.token()).when().get(intake).then().statusCode(404);
        given().auth().oauth2(viewer.token()).when().get(intake + "/delegations").then().statusCode(404);
        given().auth().oauth2(viewer.token()).contentType("application/json")
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .body("{\"household\":" + TestData.HOUSEHOLD_A + "}").when().post(intake + "/revisions").then().statusCode(404);

        List<String> actions = List.of(OwnerSql.queryString("select string_agg(action || ' ' || role || ' ' || reason, "
                + "'|' order by id) from audit_event where result = 'DENIED' and object_type = 'INTAKE' and object_id = '"
                + intakeId + "'").split("\\|"));
        String scope = "delegate delegation " + delegationId + ", scope VIEW_STATUS does not allow ";
        assertEquals(List.of("DELEGATE_UPLOAD_DOCUMENT " + scope + "UPLOAD_DOCUMENTS",
                "DELEGATE_VIEW_DOCUMENT " + scope + "DOWNLOAD_DOCUMENTS",
                "DELEGATE_VIEW_DOCUMENT_DETAILS " + scope + "LIST_DOCUMENTS",
                "DELEGATE_WITHDRAW_INTAKE " + scope + "WITHDRAW",
                "DELEGATE_READ_APPLICATION " + scope + "READ_APPLICATION",
                "DELEGATE_MANAGE_DELEGATIONS " + scope + "MANAGE_DELEGATIONS",
                "DELEGATE_REVISE_INTAKE " + scope + "REVISE"), actions);
        // a denial is a row of the chain like any other
        given().auth().oauth2(Tokens.of("auditor1")).when().get("/api/v1/audit/verification")
                .then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void aRevealOutsideTheCallersScopeIsADeniedRevealWithTheReasonGiven() {
        String caseId = Family.intake(Family.bound("张伟"), Family.freshPhone())
                .getString("cases.find { it.agency == 'CIVIL_AFFAIRS' }.id");
        given().auth().oauth2(Tokens.of("caseworker2")).contentType("application/json")
                .body("{\"reason\":\"核实银行账户信息\"}").when().post("/api/v1/cases/" + caseId + "/applicant/reveal")
                .then().statusCode(404);
        assertEquals("caseworker DENIED 核实银行账户信息", OwnerSql.queryString("select role || ' ' || result || ' ' || reason "
                + "from audit_event where action = 'REVEAL_PERSONAL_DATA' and object_id = '" + caseId + "'"));
    }

    @Test
    void aCaseOutsideTheStaffMembersAreaIsADeniedAccessAnUnknownOneIsNot() {
        String caseId = Family.intake(Family.bound("张伟"), Family.freshPhone())
                .getString("cases.find { it.agency == 'CIVIL_AFFAIRS' }.id");
        given().auth().oauth2(Tokens.of("caseworker2")).when().get("/api/v1/cases/" + caseId).then().statusCode(404);
        given().auth().oauth2(Tokens.of("caseworker2")).contentType("application/json").header("If-Match", "\"1\"")
                .body("{\"to\":\"ACCEPTED\"}").when().post("/api/v1/cases/" + caseId + "/transitions").then().statusCode(404);
        assertEquals("2", OwnerSql.queryString("select count(*) from audit_event where action = 'ACCESS_CASE' "
                + "and result = 'DENIED' and role = 'caseworker' and object_id = '" + caseId + "'"));
        String unknown = java.util.UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.of("caseworker2")).when().get("/api/v1/cases/" + unknown).then().statusCode(404);
        assertEquals("0", OwnerSql.queryString("select count(*) from audit_event where object_id = '" + unknown + "'"));
        // in scope: read, not denied
        given().auth().oauth2(Tokens.of("caseworker1")).when().get("/api/v1/cases/" + caseId).then().statusCode(200);
        assertEquals("2", OwnerSql.queryString("select count(*) from audit_event where action = 'ACCESS_CASE' "
                + "and object_id = '" + caseId + "'"));
    }

    /**
     * One reach for an existing object that is not the caller's: the request, the audited action and role, and the
     * object the row names. Each must answer 404 (as for an unknown id) and leave exactly one DENIED row.
     */
    private record Reach(String label, Supplier<String> token, String method, String path, String body,
            Map<String, String> headers, String action, String role, String objectId) {

        Reach(String label, Supplier<String> token, String method, String path, String action, String role, String objectId) {
            this(label, token, method, path, null, Map.of(), action, role, objectId);
        }
    }

    @Test
    void everyReachForSomeoneElsesObjectIsADeniedRowAndStillTheStrangers404() {
        Person owner = Family.bound("张伟");
        JsonPath submitted = Family.intake(owner, Family.freshPhone());
        String intakeId = submitted.getString("id");
        String caseId = submitted.getString("cases.find { it.agency == 'CIVIL_AFFAIRS' }.id");
        String intake = "/api/v1/intakes/" + intakeId;
        Person actor = Family.bound("张强");
        assertEquals(201, Family.grant(owner, intakeId, actor, Family.freshPhone(), "ACT_FOR_ME", LocalDate.now().plusMonths(1))
                .statusCode());
        String draftId = given().auth().oauth2(owner.token()).contentType(ContentType.JSON)
                .body(TestData.draft(TestData.HOUSEHOLD_A, TestData.nationalId())).when().post("/api/v1/drafts")
                .then().statusCode(201).extract().path("id");
        String draft = "/api/v1/drafts/" + draftId;
        // an intake in another city (Hangzhou), and a verified call of the Taiyuan hotline that found nothing
        String elsewhere = CaseFixtures.submit("resident1", TestData.HOUSEHOLD_A.replace("140105", "330106")).path("id");
        String call = "/api/v1/hotline/calls/" + verifiedCall();
        // a warning of caseworker1's township, with an invitation to its person
        String signalKey = "DAT-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.of("exchange1")).contentType(ContentType.JSON)
                .body("{\"signals\":[{\"signalId\":\"" + signalKey + "\",\"type\":\"MEDICAL_BILL\",\"nationalId\":\""
                        + TestData.nationalId() + "\",\"name\":\"王秀英\",\"regionCode\":\"140105001\","
                        + "\"occurredOn\":\"" + LocalDate.now().minusDays(2) + "\",\"amount\":50000}]}")
                .when().post("/api/v1/monitoring/signal-batches").then().statusCode(200);
        String warningId = OwnerSql.queryString("select w.id::text from monitoring_warning w join monitoring_signal s "
                + "on s.id = w.signal_id where s.signal_key = '" + signalKey + "'");
        String warning = "/api/v1/monitoring/warnings/" + warningId;
        given().auth().oauth2(Tokens.of("caseworker1")).when().post(warning + "/invitation").then().statusCode(201);
        String invitationId = OwnerSql.queryString("select id::text from monitoring_invitation where warning_id = '"
                + warningId + "'");
        // a call-back the Taiyuan hotline owes the applicant (as the delivery worker writes one for "call me back")
        String callbackTask = OwnerSql.queryString("""
                with e as (insert into outbox_event (aggregate_type, aggregate_id, event_type, payload, created_at,
                             published_at, delivered_at)
                           values ('INTAKE', '%1$s', 'TEST_CALLBACK', '{}', now(), now(), now()) returning id)
                insert into callback_task (id, outbox_id, owner_key, intake_id, intake_number, region_code, reason, title,
                  body, created_at)
                select gen_random_uuid(), e.id, i.owner_subject, i.id, i.intake_number, i.region_code, 'CALL_ME_BACK',
                       '测试', '测试', now()
                from e, intake i where i.id = '%1$s' returning id::text""".formatted(intakeId));

        Supplier<String> otherResident = () -> Tokens.of("resident2");
        Supplier<String> otherRegion = () -> Tokens.of("caseworker2"); // civil affairs, county 140106
        Supplier<String> hotline = () -> Tokens.of("hotline1");
        String consent = "{\"nationalId\":\"140105198805100020\"}";
        List<Reach> reaches = List.of(
                new Reach("consent signed by another resident", otherResident, "PUT", intake + "/verification-consents/m2",
                        consent, Map.of(), "ACCESS_INTAKE", "resident", intakeId),
                new Reach("consent signed by a delegate acting for the applicant", actor::token, "PUT",
                        intake + "/verification-consents/m2", consent, Map.of(), "DELEGATE_VERIFICATION_CONSENT", "delegate", intakeId),
                new Reach("consent revoked by another resident", otherResident, "DELETE", intake + "/verification-consents/m2",
                        "ACCESS_INTAKE", "resident", intakeId),
                new Reach("resubmission by another resident", otherResident, "POST",
                        intake + "/cases/" + caseId + "/resubmission", "{}", Map.of(), "ACCESS_INTAKE", "resident", intakeId),
                new Reach("resubmission by a delegate", actor::token, "POST", intake + "/cases/" + caseId + "/resubmission",
                        "{}", Map.of(), "DELEGATE_RESUBMIT_CASE", "delegate", intakeId),
                new Reach("draft read", otherResident, "GET", draft, "ACCESS_DRAFT", "resident", draftId),
                new Reach("draft replaced", otherResident, "PUT", draft, TestData.draft(TestData.HOUSEHOLD_A, TestData.nationalId()),
                        Map.of("If-Match", "\"1\""), "ACCESS_DRAFT", "resident", draftId),
                new Reach("draft screened", otherResident, "POST", draft + "/screening", "ACCESS_DRAFT", "resident", draftId),
                new Reach("draft checklist", otherResident, "GET", draft + "/checklist", "ACCESS_DRAFT", "resident", draftId),
                new Reach("draft submitted", otherResident, "POST", "/api/v1/intakes", "{\"draftId\":\"" + draftId
                        + "\",\"consent\":true}", Map.of("Idempotency-Key", UUID.randomUUID().toString()), "ACCESS_DRAFT",
                        "resident", draftId),
                new Reach("draft deleted", otherResident, "DELETE", draft, "ACCESS_DRAFT", "resident", draftId),
                new Reach("decision reproduced outside the area", otherRegion, "GET",
                        "/api/v1/cases/" + caseId + "/decision/reproduction", "ACCESS_CASE", "caseworker", caseId),
                new Reach("hotline status outside the city", hotline, "GET", call + "/intakes/" + elsewhere + "/status",
                        "HOTLINE_VIEW_STATUS", "hotline", elsewhere),
                new Reach("hotline status not found in the call", hotline, "GET", call + "/intakes/" + intakeId + "/status",
                        "HOTLINE_VIEW_STATUS", "hotline", intakeId),
                new Reach("hotline hand-off not found in the call", hotline, "POST", call + "/intakes/" + intakeId + "/cases/"
                        + caseId + "/handoff", "{}", Map.of(), "HOTLINE_HANDOFF", "hotline", intakeId),
                new Reach("warning outside the region", otherRegion, "GET", warning, "MONITORING_WARNING_VIEW", "caseworker",
                        warningId),
                new Reach("warning dismissed outside the region", otherRegion, "POST", warning + "/dismissal",
                        "{\"reason\":\"走访核实无困难\"}", Map.of(), "MONITORING_WARNING_DISMISS", "caseworker", warningId),
                new Reach("invitation outside the region", otherRegion, "POST", warning + "/invitation",
                        "MONITORING_INVITE", "caseworker", warningId),
                new Reach("someone else's invitation opted out", actor::token, "POST",
                        "/api/v1/me/invitations/" + invitationId + "/opt-out", "MONITORING_OPT_OUT", "resident", invitationId),
                new Reach("call-back number revealed outside the region", () -> Tokens.newStaff("hotline", "CIVIL_AFFAIRS", "150102"),
                        "POST", "/api/v1/hotline/callback-tasks/" + callbackTask + "/phone-reveal", "{\"reason\":\"回拨告知受理结果\"}",
                        Map.of(), "REVEAL_PERSONAL_DATA", "hotline", callbackTask));

        List<String> mismatches = new ArrayList<>();
        for (Reach reach : reaches) {
            String rows = "select count(*) from audit_event where result = 'DENIED' and action = '" + reach.action()
                    + "' and role = '" + reach.role() + "' and object_id = '" + reach.objectId() + "'";
            long before = Long.parseLong(OwnerSql.queryString(rows));
            int status = send(reach.token().get(), reach.method(), reach.path(), reach.body(), reach.headers());
            long after = Long.parseLong(OwnerSql.queryString(rows));
            if (status != 404 || after != before + 1) {
                mismatches.add("%s (%s %s): %d, %d new %s rows".formatted(reach.label(), reach.method(), reach.path(), status,
                        after - before, reach.action()));
            }
        }
        // the same reaches for ids nobody has: the same 404, and no row (there is nothing to deny)
        for (Reach reach : reaches) {
            String unknown = UUID.randomUUID().toString();
            String path = reach.path().replace(reach.objectId(), unknown);
            String body = reach.body() == null ? null : reach.body().replace(reach.objectId(), unknown);
            Map<String, String> headers = new java.util.HashMap<>(reach.headers());
            headers.computeIfPresent("Idempotency-Key", (k, v) -> UUID.randomUUID().toString());
            int status = send(reach.token().get(), reach.method(), path, body, headers);
            String rows = OwnerSql.queryString("select count(*) from audit_event where object_id = '" + unknown + "'");
            if (status != 404 || !rows.equals("0")) {
                mismatches.add("unknown: %s (%s %s): %d, %s rows".formatted(reach.label(), reach.method(), path, status, rows));
            }
        }
        assertEquals(List.of(), mismatches);
        // the owner's own reads are no denials, and the chain stays intact
        given().auth().oauth2(owner.token()).when().get(draft).then().statusCode(200);
        given().auth().oauth2(Tokens.of("auditor1")).when().get("/api/v1/audit/verification")
                .then().statusCode(200).body("intact", equalTo(true));
        assertEquals("0", OwnerSql.queryString("select count(*) from audit_event where result = 'DENIED' and subject = "
                + "(select subject from audit_event where action = 'INTAKE_SUBMIT' and object_id = '" + intakeId + "')"));
    }

    private static int send(String token, String method, String path, String body, Map<String, String> headers) {
        RequestSpecification request = given().auth().oauth2(token).headers(headers);
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8));
        }
        return request.when().request(method, path).then().extract().statusCode();
    }

    /** A call of hotline1 with the caller verification recorded, which has searched for nothing. */
    private static String verifiedCall() {
        String callId = given().auth().oauth2(Tokens.of("hotline1")).contentType(ContentType.JSON)
                .body("{\"callReference\":\"12345-DAT-" + UUID.randomUUID().toString().substring(0, 8) + "\",\"line\":\"12345\"}")
                .when().post("/api/v1/hotline/calls").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.of("hotline1")).contentType(ContentType.JSON).body("""
                        {"questionsAnswered":[{"question":"FULL_NAME","correct":true},{"question":"BIRTH_DATE","correct":true}],
                         "reason":"来电人询问申请进度"}""")
                .when().post("/api/v1/hotline/calls/" + callId + "/verification").then().statusCode(200);
        return callId;
    }

    private static long denials(String action, String reason) {
        return Long.parseLong(OwnerSql.queryString("select count(*) from audit_event where action = '" + action
                + "' and result = 'DENIED' and reason = '" + reason + "'"));
    }
}

package io.onestop.assistance;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.onestop.assistance.delegation.Family;
import io.onestop.assistance.delegation.Family.Person;
import io.onestop.assistance.documents.TestFiles;
import io.onestop.assistance.testing.LocalStackResource;
import io.onestop.assistance.testing.OwnerSql;
import io.onestop.assistance.testing.TestData;
import io.onestop.assistance.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every endpoint that names one real object (a real-name bound applicant's intake in county 140105, its
 * minimum-living-allowance case handled by civil affairs, one of its documents) against every caller by relation to
 * that object: owner, another resident, family delegates per scope and one whose delegation ended, hotline, staff in
 * and out of the agency and the region, admin, auditor. {@link AuthorizationMatrixTest} covers roles against unknown
 * objects; this one covers who may see whose object. One declarative table, exact statuses, every mismatch listed.
 */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObjectAccessMatrixTest {

    /** Callers by relation, in the column order of the expected statuses. */
    private static final List<String> CALLERS = List.of("anonymous", "owner", "other resident", "delegate VIEW_STATUS",
            "delegate UPLOAD_DOCUMENTS", "delegate ACT_FOR_ME", "delegate expired", "hotline", "caseworker in scope",
            "caseworker other region", "caseworker other agency", "approver in scope", "admin", "auditor");
    private final Map<String, Supplier<String>> tokens = new LinkedHashMap<>();

    //                                             anon own  oth  dVw  dUp  dAct dExp hotl cwIn cwRg cwAg appr admn audt
    private static final int[] OWNER_ONLY =          {401, 200, 404, 404, 404, 404, 404, 403, 403, 403, 403, 403, 403, 403};
    private static final int[] STATUS =              {401, 200, 404, 200, 200, 200, 404, 403, 403, 403, 403, 403, 403, 403};
    private static final int[] DOCUMENT_DETAILS =    {401, 200, 404, 404, 200, 200, 404, 403, 200, 404, 404, 200, 403, 403};
    private static final int[] DOCUMENT_BYTES =      {401, 200, 404, 404, 404, 200, 404, 403, 200, 404, 404, 200, 403, 403};
    private static final int[] UPLOAD =              {401, 201, 404, 404, 201, 201, 404, 403, 403, 403, 403, 403, 403, 403};
    private static final int[] CASE_STAFF =          {401, 403, 403, 403, 403, 403, 403, 403, 200, 404, 404, 200, 403, 403};
    private static final int[] CASE_STALE_VERSION =  {401, 403, 403, 403, 403, 403, 403, 403, 412, 404, 404, 412, 403, 403};
    // an unregistered delegate: the owner gets as far as the look-up (409), nobody else past the intake
    private static final int[] OWNER_GRANTS =        {401, 409, 404, 404, 404, 404, 404, 403, 403, 403, 403, 403, 403, 403};
    private static final int[] OWNER_REVOKES =       {401, 204, 404, 404, 404, 404, 404, 403, 403, 403, 403, 403, 403, 403};
    // no decision yet: in scope 404 for the decision, out of scope 404 for the case
    private static final int[] CASE_NO_DECISION =    {401, 403, 403, 403, 403, 403, 403, 403, 404, 404, 404, 404, 403, 403};
    // caseworkers only; in scope the applicant is elderly without a phone, and the delegate unregistered (409)
    private static final int[] CASEWORKER_GRANTS =   {401, 403, 403, 403, 403, 403, 403, 403, 409, 404, 404, 403, 403, 403};
    private static final int[] WITHDRAW =            {401, 200, 404, 404, 404, 200, 404, 403, 403, 403, 403, 403, 403, 403};
    /** A monitoring warning of the township: civil affairs' caseworkers of that region only (approvers do not visit). */
    private static final int[] WARNING =             {401, 403, 403, 403, 403, 403, 403, 403, 200, 404, 404, 403, 403, 403};
    /** The number to call back for a task of the intake (region 140105): the hotline of that region only. */
    private static final int[] CALLBACK_REVEAL =     {401, 403, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403, 403};

    private record Row(String method, String path, String body, Map<String, String> headers, int... expected) {
    }

    private String intake;
    private String mlaCase;
    private String document;
    private String endedDelegation;
    private String warning;
    private String callbackTask;

    /** Once per class; in @BeforeEach because RestAssured learns the test port only then. */
    @BeforeEach
    void anApplicationWithADocumentAndItsFamily() {
        if (intake != null) {
            return;
        }
        // aged 70 and no phone of their own: a caseworker in scope may give them a delegate
        Person owner = Family.bound("张伟", TestData.nationalIdBornOn(LocalDate.now().minusYears(70)));
        String intakeId = Family.intake(owner, Family.freshPhone()).getString("id");
        intake = "/api/v1/intakes/" + intakeId;
        endedDelegation = family(owner, intakeId, tokens);

        mlaCase = "/api/v1/cases/" + given().auth().oauth2(owner.token()).when().get(intake)
                .then().statusCode(200).extract().path("cases.find { it.program == 'MINIMUM_LIVING_ALLOWANCE' }.id");
        document = intake + "/documents/" + given().auth().oauth2(owner.token())
                .multiPart("file", "p.pdf", TestFiles.pdf(), "application/pdf").multiPart("type", "INCOME_PROOF")
                .when().post(intake + "/documents").then().statusCode(201).extract().path("id");

        // a signal from medical insurance about a person of caseworker1's township raises a warning there
        String signalKey = "OAM-" + java.util.UUID.randomUUID();
        given().auth().oauth2(Tokens.of("exchange1")).contentType(ContentType.JSON)
                .body("{\"signals\":[{\"signalId\":\"" + signalKey + "\",\"type\":\"MEDICAL_BILL\",\"nationalId\":\""
                        + io.onestop.assistance.testing.TestData.nationalId() + "\",\"name\":\"王秀英\",\"regionCode\":\"140105001\","
                        + "\"occurredOn\":\"" + LocalDate.now().minusDays(2) + "\",\"amount\":50000}]}")
                .when().post("/api/v1/monitoring/signal-batches").then().statusCode(200);
        // a call-back the hotline owes the applicant (as the delivery worker writes one for "call me back")
        callbackTask = "/api/v1/hotline/callback-tasks/" + OwnerSql.queryString("""
                with e as (insert into outbox_event (aggregate_type, aggregate_id, event_type, payload, created_at,
                             published_at, delivered_at)
                           values ('INTAKE', '%1$s', 'TEST_CALLBACK', '{}', now(), now(), now()) returning id)
                insert into callback_task (id, outbox_id, owner_key, intake_id, intake_number, region_code, reason, title,
                  body, created_at)
                select gen_random_uuid(), e.id, i.owner_subject, i.id, i.intake_number, i.region_code, 'CALL_ME_BACK',
                       '测试', '测试', now()
                from e, intake i where i.id = '%1$s' returning id::text""".formatted(intakeId));
        warning = "/api/v1/monitoring/warnings/" + OwnerSql.queryString("select w.id::text from monitoring_warning w "
                + "join monitoring_signal s on s.id = w.signal_id where s.signal_key = '" + signalKey + "'");
    }

    /**
     * The callers by relation to the owner's intake into {@code callers}: delegates per scope and one whose delegation
     * ended (its id is answered), other residents, staff in and out of scope.
     */
    private static String family(Person owner, String intakeId, Map<String, Supplier<String>> callers) {
        callers.put("owner", owner::token);
        callers.put("other resident", () -> Tokens.of("resident2"));
        for (String scope : List.of("VIEW_STATUS", "UPLOAD_DOCUMENTS", "ACT_FOR_ME")) {
            Person delegate = Family.bound("张强");
            assertEquals(201, Family.grant(owner, intakeId, delegate, Family.freshPhone(), scope, LocalDate.now().plusMonths(1))
                    .statusCode());
            callers.put("delegate " + scope, delegate::token);
        }
        Person former = Family.bound("张丽");
        String ended = Family.grant(owner, intakeId, former, Family.freshPhone(), "ACT_FOR_ME", LocalDate.now().plusMonths(1))
                .path("id");
        OwnerSql.run("update delegation set ends_on = current_date - 1 where id = '" + ended + "'");
        callers.put("delegate expired", former::token);
        callers.put("hotline", () -> Tokens.of("hotline1"));
        callers.put("caseworker in scope", () -> Tokens.of("caseworker1"));      // civil affairs, township 140105001
        callers.put("caseworker other region", () -> Tokens.of("caseworker2"));  // civil affairs, county 140106
        // housing has no case in this intake, in the same township as caseworker1
        callers.put("caseworker other agency", () -> Tokens.newStaff("caseworker", "HOUSING", "140105001"));
        callers.put("approver in scope", () -> Tokens.of("approver1"));         // civil affairs, county 140105
        callers.put("admin", () -> Tokens.of("admin1"));
        callers.put("auditor", () -> Tokens.of("auditor1"));
        return ended;
    }

    private List<Row> matrix() {
        return List.of(
                new Row("GET", intake, null, Map.of(), OWNER_ONLY),
                new Row("GET", intake + "/delegations", null, Map.of(), OWNER_ONLY),
                new Row("GET", intake + "/status", null, Map.of(), STATUS),
                new Row("GET", intake + "/checklist", null, Map.of(), DOCUMENT_DETAILS),
                new Row("GET", document, null, Map.of(), DOCUMENT_DETAILS),
                new Row("GET", document + "/download-url", null, Map.of(), DOCUMENT_BYTES),
                // a request for an upload URL changes nothing until something is PUT and confirmed
                new Row("POST", intake + "/document-uploads",
                        "{\"type\":\"OTHER\",\"size\":1000,\"contentType\":\"application/pdf\"}", Map.of(), UPLOAD),
                new Row("GET", mlaCase, null, Map.of(), CASE_STAFF),
                // a stale version: in scope the case exists (412), out of scope it does not (404); nothing changes
                new Row("POST", mlaCase + "/transitions", "{\"to\":\"ACCEPTED\"}", Map.of("If-Match", "\"999\""),
                        CASE_STALE_VERSION),
                new Row("POST", mlaCase + "/applicant/reveal", "{\"reason\":\"核实银行账户信息\"}", Map.of(), CASE_STAFF),
                new Row("GET", mlaCase + "/decision/reproduction", null, Map.of(), CASE_NO_DECISION),
                new Row("POST", intake + "/delegations", Family.request(TestData.nationalId(), "13900000011", "VIEW_STATUS",
                        LocalDate.now().plusMonths(1), null), Map.of("Idempotency-Key", UUID.randomUUID().toString()), OWNER_GRANTS),
                new Row("POST", mlaCase + "/delegations", Family.request(TestData.nationalId(), "13900000012", "VIEW_STATUS",
                        LocalDate.now().plusMonths(1), "申请人独居无手机"), Map.of("Idempotency-Key", UUID.randomUUID().toString()),
                        CASEWORKER_GRANTS),
                // revoking the ended delegation: the owner may (again and again), nobody else finds it
                new Row("DELETE", intake + "/delegations/" + endedDelegation, null, Map.of(), OWNER_REVOKES),
                new Row("GET", warning, null, Map.of(), WARNING),
                new Row("POST", callbackTask + "/phone-reveal", "{\"reason\":\"回拨告知受理结果\"}", Map.of(), CALLBACK_REVEAL));
    }

    @Test
    void onlyTheOwnerAndADelegateActingForThemWithdraw() {
        // an application of its own: withdrawing ends its cases, which the other rows and the queue test look at
        Map<String, Supplier<String>> callers = new LinkedHashMap<>();
        Person owner = Family.bound("王芳");
        String intakeId = Family.intake(owner, Family.freshPhone()).getString("id");
        family(owner, intakeId, callers);
        // the owner first (200), then the acting delegate repeats it (200, harmless); the rest never get that far
        assertEquals(List.of(), mismatches(List.of(new Row("POST", "/api/v1/intakes/" + intakeId + "/withdrawal", null,
                Map.of(), WITHDRAW)), callers));
        given().auth().oauth2(owner.token()).when().get("/api/v1/intakes/" + intakeId).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("WITHDRAWN"));
    }

    @Test
    void everyCallerGetsExactlyTheExpectedStatusForThisObject() {
        assertEquals(List.of(), mismatches(matrix(), tokens));
    }

    private static List<String> mismatches(List<Row> rows, Map<String, Supplier<String>> tokens) {
        List<String> mismatches = new ArrayList<>();
        for (Row row : rows) {
            for (int i = 0; i < CALLERS.size(); i++) {
                String caller = CALLERS.get(i);
                RequestSpecification request = given().headers(row.headers());
                if (tokens.containsKey(caller)) {
                    request = request.auth().oauth2(tokens.get(caller).get());
                }
                if (row.body() != null) {
                    request = request.contentType(ContentType.JSON).body(row.body().getBytes(StandardCharsets.UTF_8));
                }
                int actual = request.when().request(row.method(), row.path()).then().extract().statusCode();
                if (actual != row.expected()[i]) {
                    mismatches.add("%s %s as %s: expected %d, got %d".formatted(
                            row.method(), row.path(), caller, row.expected()[i], actual));
                }
            }
        }
        return mismatches;
    }

    @Test
    void theCaseIsInTheQueueOfStaffInScopeOnly() {
        String caseId = mlaCase.substring(mlaCase.lastIndexOf('/') + 1);
        Map<String, Boolean> expected = new LinkedHashMap<>();
        expected.put("caseworker in scope", true);
        expected.put("approver in scope", true);
        expected.put("caseworker other region", false);
        expected.put("caseworker other agency", false);
        List<String> mismatches = new ArrayList<>();
        expected.forEach((caller, visible) -> {
            if (inQueue(tokens.get(caller).get(), caseId) != visible) {
                mismatches.add(caller + (visible ? " does not see" : " sees") + " the case");
            }
        });
        assertEquals(List.of(), mismatches);
    }

    /** Pages through the caller's queue of submitted cases (other tests leave many behind). */
    private static boolean inQueue(String token, String caseId) {
        String after = null;
        do {
            RequestSpecification request = given().auth().oauth2(token).queryParam("step", "SUBMITTED").queryParam("limit", 100);
            if (after != null) {
                request = request.queryParam("after", after);
            }
            var page = request.when().get("/api/v1/cases").then().statusCode(200).extract();
            List<String> ids = page.path("items.id");
            if (ids.contains(caseId)) {
                return true;
            }
            after = page.path("next");
        } while (after != null);
        return false;
    }
}

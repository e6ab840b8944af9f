package io.onestop.assistance.delegation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.onestop.assistance.access.PersonalDataProtector;
import io.onestop.assistance.common.idempotency.IdempotencyPurge;
import io.onestop.assistance.delegation.Family.Person;
import io.onestop.assistance.documents.TestFiles;
import io.onestop.assistance.testing.LocalStackResource;
import io.onestop.assistance.testing.OnVertx;
import io.onestop.assistance.testing.OwnerSql;
import io.onestop.assistance.testing.TestData;
import io.onestop.assistance.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Family delegation against the real stack: the applicant grants, lists and revokes; each scope allows exactly its
 * acts and everything else answers 404 like a stranger; an expired delegation is no delegation; delegate answers hold
 * no id number, address or bank details; a caseworker in scope grants one with a reason.
 */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class DelegationTest {

    private static final LocalDate IN_A_MONTH = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(1);

    @Inject
    PersonalDataProtector protector;

    @Inject
    IdempotencyPurge purge;

    @Inject
    Vertx vertx;

    @Test
    void applicantGrantsListsAndRevokesAndTheDelegateSeesOnlyWhileItHolds() {
        Person applicant = Family.bound("张伟");
        Person daughter = Family.bound("张小红");
        JsonPath intake = Family.intake(applicant, Family.freshPhone());
        String intakeId = intake.getString("id");

        var granted = Family.grant(applicant, intakeId, daughter, "13900000001", "VIEW_STATUS", IN_A_MONTH);
        assertEquals(201, granted.statusCode(), granted.asString());
        String delegationId = granted.path("id");
        assertEquals("/api/v1/intakes/" + intakeId + "/delegations/" + delegationId,
                java.net.URI.create(granted.header("Location")).getPath());
        assertEquals("ACTIVE", granted.path("status"));
        assertEquals("张**", granted.path("delegateName"));
        assertEquals(daughter.nationalId().substring(0, 4) + "**********" + daughter.nationalId().substring(14),
                granted.path("delegateNationalId"));

        given().auth().oauth2(applicant.token()).when().get("/api/v1/intakes/" + intakeId + "/delegations")
                .then().statusCode(200).body("id", hasItem(delegationId)).body("[0].scope", equalTo("VIEW_STATUS"));
        given().auth().oauth2(daughter.token()).when().get("/api/v1/delegations/received")
                .then().statusCode(200)
                .body("intakeNumber", hasItem(intake.getString("intakeNumber")))
                .body("applicantName", hasItem("张*"));
        given().auth().oauth2(daughter.token()).when().get("/api/v1/intakes/" + intakeId + "/status")
                .then().statusCode(200)
                .body("intakeNumber", equalTo(intake.getString("intakeNumber")))
                .body("applicantName", equalTo("张*"));
        assertEquals("1", OwnerSql.queryString("select count(*) from audit_event where action = 'DELEGATION_GRANT' "
                + "and object_id = '" + delegationId + "'"));
        assertEquals("1", OwnerSql.queryString("select count(*) from audit_event where action = 'DELEGATE_READ_STATUS' "
                + "and object_id = '" + intakeId + "' and reason = 'delegation " + delegationId + "'"));

        given().auth().oauth2(applicant.token()).when().delete("/api/v1/intakes/" + intakeId + "/delegations/" + delegationId)
                .then().statusCode(204);
        given().auth().oauth2(applicant.token()).when().delete("/api/v1/intakes/" + intakeId + "/delegations/" + delegationId)
                .then().statusCode(204);
        assertEquals("1", OwnerSql.queryString("select count(*) from audit_event where action = 'DELEGATION_REVOKE' "
                + "and object_id = '" + delegationId + "'"));
        given().auth().oauth2(applicant.token()).when().get("/api/v1/intakes/" + intakeId + "/delegations")
                .then().statusCode(200).body("[0].status", equalTo("REVOKED")).body("[0].revokedAt", not(nullValue()));
        given().auth().oauth2(daughter.token()).when().get("/api/v1/intakes/" + intakeId + "/status")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(daughter.token()).when().get("/api/v1/delegations/received")
                .then().statusCode(200).body("intakeNumber", not(hasItem(intake.getString("intakeNumber"))));
        // a stranger cannot revoke, list or grant on someone else's intake
        Person stranger = Family.bound("王五");
        given().auth().oauth2(stranger.token()).when().get("/api/v1/intakes/" + intakeId + "/delegations").then().statusCode(404);
        given().auth().oauth2(stranger.token()).when().delete("/api/v1/intakes/" + intakeId + "/delegations/" + delegationId)
                .then().statusCode(404);
        assertEquals(404, Family.grant(stranger, intakeId, daughter, "13900000001", "VIEW_STATUS", IN_A_MONTH).statusCode());
    }

    @Test
    void viewStatusReadsTheStatusButMayNotUploadListDocumentsOrWithdraw() {
        Person applicant = Family.bound("张伟");
        Person son = Family.bound("张强");
        String intakeId = Family.intake(applicant, Family.freshPhone()).getString("id");
        assertEquals(201, Family.grant(applicant, intakeId, son, "13900000002", "VIEW_STATUS", IN_A_MONTH).statusCode());

        given().auth().oauth2(son.token()).when().get("/api/v1/intakes/" + intakeId + "/status").then().statusCode(200);
        upload(son, intakeId).then().statusCode(404);
        given().auth().oauth2(son.token()).when().get("/api/v1/intakes/" + intakeId + "/checklist").then().statusCode(404);
        given().auth().oauth2(son.token()).when().post("/api/v1/intakes/" + intakeId + "/withdrawal").then().statusCode(404);
        given().auth().oauth2(son.token()).when().get("/api/v1/intakes/" + intakeId).then().statusCode(404);
        given().auth().oauth2(son.token()).when().get("/api/v1/intakes/" + intakeId + "/delegations").then().statusCode(404);
    }

    @Test
    void uploadDocumentsUploadsButMayNotDownloadOrWithdraw() {
        Person applicant = Family.bound("张伟");
        Person son = Family.bound("张强");
        String intakeId = Family.intake(applicant, Family.freshPhone()).getString("id");
        assertEquals(201, Family.grant(applicant, intakeId, son, "13900000003", "UPLOAD_DOCUMENTS", IN_A_MONTH).statusCode());

        String documentId = upload(son, intakeId).then().statusCode(201).extract().path("id");
        given().auth().oauth2(son.token()).when().get("/api/v1/intakes/" + intakeId + "/checklist").then().statusCode(200);
        given().auth().oauth2(son.token()).when().get("/api/v1/intakes/" + intakeId + "/documents/" + documentId + "/download-url")
                .then().statusCode(404);
        given().auth().oauth2(son.token()).when().post("/api/v1/intakes/" + intakeId + "/withdrawal").then().statusCode(404);
        // the document is the applicant's: they download it
        given().auth().oauth2(applicant.token()).when().get("/api/v1/intakes/" + intakeId + "/documents/" + documentId + "/download-url")
                .then().statusCode(200);
        assertEquals("1", OwnerSql.queryString("select count(*) from audit_event where action = 'DELEGATE_UPLOAD_DOCUMENT' "
                + "and object_id = '" + documentId + "'"));
    }

    @Test
    void actForMeWithdrawsTheIntakeAndTheAnswerNamesNobody() {
        Person applicant = Family.bound("张伟");
        Person son = Family.bound("张强");
        String intakeId = Family.intake(applicant, Family.freshPhone()).getString("id");
        assertEquals(201, Family.grant(applicant, intakeId, son, "13900000004", "ACT_FOR_ME", IN_A_MONTH).statusCode());

        String documentId = upload(son, intakeId).then().statusCode(201).extract().path("id");
        given().auth().oauth2(son.token()).when().get("/api/v1/intakes/" + intakeId + "/documents/" + documentId + "/download-url")
                .then().statusCode(200);
        assertEquals("1", OwnerSql.queryString("select count(*) from audit_event where action = 'DELEGATE_VIEW_DOCUMENT' "
                + "and object_id = '" + documentId + "'"));
        String answer = given().auth().oauth2(son.token()).when().post("/api/v1/intakes/" + intakeId + "/withdrawal")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN")).body("applicant", nullValue())
                .body("evaluation", nullValue()).extract().asString();
        assertFalse(answer.contains("monthlyIncome"), answer);
        given().auth().oauth2(applicant.token()).when().get("/api/v1/intakes/" + intakeId)
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        assertEquals("1", OwnerSql.queryString("select count(*) from audit_event where action = 'DELEGATE_WITHDRAW_INTAKE' "
                + "and object_id = '" + intakeId + "'"));
    }

    @Test
    void anExpiredDelegationIsTreatedLikeAStranger() {
        Person applicant = Family.bound("张伟");
        Person son = Family.bound("张强");
        String intakeId = Family.intake(applicant, Family.freshPhone()).getString("id");
        String delegationId = Family.grant(applicant, intakeId, son, "13900000005", "ACT_FOR_ME", IN_A_MONTH)
                .path("id");
        given().auth().oauth2(son.token()).when().get("/api/v1/intakes/" + intakeId + "/status").then().statusCode(200);

        OwnerSql.run("update delegation set ends_on = current_date - 1 where id = '" + delegationId + "'");

        given().auth().oauth2(son.token()).when().get("/api/v1/intakes/" + intakeId + "/status").then().statusCode(404);
        upload(son, intakeId).then().statusCode(404);
        given().auth().oauth2(son.token()).when().post("/api/v1/intakes/" + intakeId + "/withdrawal").then().statusCode(404);
        given().auth().oauth2(son.token()).when().get("/api/v1/delegations/received")
                .then().statusCode(200).body("id", not(hasItem(delegationId)));
        given().auth().oauth2(applicant.token()).when().get("/api/v1/intakes/" + intakeId + "/delegations")
                .then().statusCode(200).body("[0].status", equalTo("EXPIRED"));
        // expired, it no longer blocks a new grant to the same person
        assertEquals(201, Family.grant(applicant, intakeId, son, "13900000005", "VIEW_STATUS", IN_A_MONTH).statusCode());
    }

    @Test
    void delegateAnswersHoldNoIdNumberAddressPhoneOrBankDetails() {
        Person applicant = Family.bound("张伟");
        Person son = Family.bound("张强");
        String phone = Family.freshPhone();
        String intakeId = Family.intake(applicant, phone).getString("id");
        assertEquals(201, Family.grant(applicant, intakeId, son, "13900000006", "ACT_FOR_ME", IN_A_MONTH).statusCode());

        String status = given().auth().oauth2(son.token()).when().get("/api/v1/intakes/" + intakeId + "/status")
                .then().statusCode(200).extract().asString();
        String received = given().auth().oauth2(son.token()).when().get("/api/v1/delegations/received")
                .then().statusCode(200).extract().asString();
        String checklist = given().auth().oauth2(son.token()).when().get("/api/v1/intakes/" + intakeId + "/checklist")
                .then().statusCode(200).extract().asString();
        for (String answer : new String[] {status, received, checklist}) {
            String id = applicant.nationalId();
            assertFalse(answer.contains(id.substring(6, 14)), answer); // not even the birth date part of the id
            assertFalse(answer.contains(id.substring(14)) && answer.contains(id.substring(0, 4) + "*"), answer); // nor its mask
            assertFalse(answer.contains("nationalId"), answer);
            assertFalse(answer.contains("北营街道") || answer.contains("address"), answer);
            assertFalse(answer.contains(phone) || answer.contains(phone.substring(7)), answer);
            assertFalse(answer.toLowerCase().contains("bank"), answer);
            assertFalse(answer.contains("张伟"), answer);
        }
        given().auth().oauth2(son.token()).when().get("/api/v1/intakes/" + intakeId + "/status")
                .then().body("timeline.note", org.hamcrest.Matchers.everyItem(nullValue()));
    }

    @Test
    void grantsAreRefusedWithProblemsThatSayWhy() {
        Person applicant = Family.bound("张伟");
        Person son = Family.bound("张强");
        String intakeId = Family.intake(applicant, Family.freshPhone()).getString("id");
        String path = "/api/v1/intakes/" + intakeId + "/delegations";

        String badChecksum = son.nationalId().substring(0, 17) + (son.nationalId().charAt(17) == '1' ? "2" : "1");
        given().auth().oauth2(applicant.token()).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Family.request(badChecksum, "13900000007", "VIEW_STATUS", IN_A_MONTH, null))
                .when().post(path).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("nationalId"));
        given().auth().oauth2(applicant.token()).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Family.request(io.onestop.assistance.testing.TestData.nationalId(), "13900000007", "VIEW_STATUS", IN_A_MONTH, null))
                .when().post(path).then().statusCode(409).contentType("application/problem+json")
                .body("type", startsWith("urn:assistance:problem:delegate-not-registered"));
        given().auth().oauth2(applicant.token()).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Family.request(son.nationalId(), "13900000007", "VIEW_STATUS", IN_A_MONTH.plusMonths(6), null))
                .when().post(path).then().statusCode(422).body("errors.field", hasItem("endsOn"));
        given().auth().oauth2(applicant.token()).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Family.request(son.nationalId(), "13900000007", "EVERYTHING", IN_A_MONTH, null))
                .when().post(path).then().statusCode(422).body("errors.field", hasItem("scope"));
        given().auth().oauth2(applicant.token()).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Family.request(applicant.nationalId(), "13900000007", "VIEW_STATUS", IN_A_MONTH, null))
                .when().post(path).then().statusCode(422).body("errors.field", hasItem("nationalId"));

        // with a phone on record, the phone given must be that one; a wrong phone reads like an unknown person
        String sonPhone = Family.freshPhone();
        OwnerSql.run("update resident set phone_enc = '" + protector.encrypt(sonPhone) + "', phone_hash = '"
                + protector.lookupHash(sonPhone) + "' where national_id_hash = '" + protector.lookupHash(son.nationalId()) + "'");
        given().auth().oauth2(applicant.token()).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Family.request(son.nationalId(), "13900000007", "VIEW_STATUS", IN_A_MONTH, null))
                .when().post(path).then().statusCode(409).body("type", startsWith("urn:assistance:problem:delegate-not-registered"));
        assertEquals(201, Family.grant(applicant, intakeId, son, sonPhone, "VIEW_STATUS", IN_A_MONTH).statusCode());
        given().auth().oauth2(applicant.token()).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Family.request(son.nationalId(), sonPhone, "ACT_FOR_ME", IN_A_MONTH, null))
                .when().post(path).then().statusCode(409).body("type", startsWith("urn:assistance:problem:already-delegated"));
        given().auth().oauth2(applicant.token()).when().get(path).then().body("$", hasSize(1));
    }

    @Test
    void aCaseworkerInScopeGrantsForAnElderlyApplicantWithTheReasonRecorded() {
        Person applicant = Family.bound("张伟", TestData.nationalIdBornOn(LocalDate.now().minusYears(82)));
        Person niece = Family.bound("李梅");
        JsonPath intake = Family.intake(applicant, Family.freshPhone());
        String intakeId = intake.getString("id");
        String caseId = intake.getString("cases.find { it.agency == 'CIVIL_AFFAIRS' }.id");
        String path = "/api/v1/cases/" + caseId + "/delegations";
        String reason = "申请人82岁独居无手机，由侄女代为查询进度";

        given().auth().oauth2(Tokens.of("caseworker1")).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Family.request(niece.nationalId(), "13900000008", "UPLOAD_DOCUMENTS", IN_A_MONTH, null))
                .when().post(path).then().statusCode(422).body("errors.field", hasItem("reason"));
        given().auth().oauth2(Tokens.of("caseworker2")).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Family.request(niece.nationalId(), "13900000008", "UPLOAD_DOCUMENTS", IN_A_MONTH, reason))
                .when().post(path).then().statusCode(404);
        given().auth().oauth2(Tokens.of("caseworker1")).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Family.request(niece.nationalId(), "13900000008", "UPLOAD_DOCUMENTS", IN_A_MONTH, reason))
                .when().post("/api/v1/cases/" + UUID.randomUUID() + "/delegations").then().statusCode(404);
        String delegationId = given().auth().oauth2(Tokens.of("caseworker1")).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Family.request(niece.nationalId(), "13900000008", "UPLOAD_DOCUMENTS", IN_A_MONTH, reason))
                .when().post(path).then().statusCode(201)
                .body("grantedByRole", equalTo("caseworker")).body("reason", equalTo(reason))
                .extract().path("id");

        assertEquals("caseworker", OwnerSql.queryString("select role from audit_event where action = 'DELEGATION_GRANT' "
                + "and object_id = '" + delegationId + "'"));
        String audited = OwnerSql.queryString("select reason from audit_event where action = 'DELEGATION_GRANT' "
                + "and object_id = '" + delegationId + "'");
        assertEquals(true, audited.contains(reason), audited);
        given().auth().oauth2(niece.token()).when().get("/api/v1/intakes/" + intakeId + "/status").then().statusCode(200);
        upload(niece, intakeId).then().statusCode(201);
        // the applicant sees it among their own and may revoke it
        given().auth().oauth2(applicant.token()).when().get("/api/v1/intakes/" + intakeId + "/delegations")
                .then().statusCode(200).body("[0].grantedByRole", equalTo("caseworker"));
        given().auth().oauth2(applicant.token()).when().delete("/api/v1/intakes/" + intakeId + "/delegations/" + delegationId)
                .then().statusCode(204);
        given().auth().oauth2(niece.token()).when().get("/api/v1/intakes/" + intakeId + "/status").then().statusCode(404);
    }

    @Test
    void aCaseworkerGrantsOnlyForAnApplicantAged60OrMoreWithoutAPhoneOfTheirOwnAndSaysWhatWouldChangeIt() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Person young = Family.bound("张伟", TestData.nationalIdBornOn(today.minusYears(60).plusDays(2)));
        Person sixty = Family.bound("张伟", TestData.nationalIdBornOn(today.minusYears(60).minusDays(2)));
        Person withPhone = Family.bound("张伟", TestData.nationalIdBornOn(today.minusYears(75)));
        String ownPhone = Family.freshPhone();
        OwnerSql.run("update resident set phone_enc = '" + protector.encrypt(ownPhone) + "', phone_hash = '"
                + protector.lookupHash(ownPhone) + "', phone_verified_at = now() where national_id_hash = '"
                + protector.lookupHash(withPhone.nationalId()) + "'");
        Person niece = Family.bound("李梅");
        String nieceBody = Family.request(niece.nationalId(), "13900000008", "VIEW_STATUS", IN_A_MONTH, "申请人独居无手机，由侄女代为查询");

        // two days short of 60 by the id's birth date: the applicant can grant it themselves
        caseworkerGrant(caseOf(young), nieceBody).then().statusCode(422).contentType("application/problem+json")
                .body("type", startsWith("urn:assistance:problem:applicant-not-elderly"))
                .body("detail", containsString("59")).body("detail", containsString("60th birthday"));
        // a phone verified as their own: they can sign in with it; the detail says what would change that
        String withPhoneCase = caseOf(withPhone);
        caseworkerGrant(withPhoneCase, nieceBody).then().statusCode(422)
                .body("type", startsWith("urn:assistance:problem:applicant-has-phone"))
                .body("detail", containsString(ownPhone.substring(0, 3) + "****" + ownPhone.substring(7)))
                .body("detail", containsString("DELETE /api/v1/me/phone"))
                .body("detail", not(containsString(ownPhone)));
        // the applicant, signed in, removes the number they no longer use (audited once; again changes nothing) ...
        given().auth().oauth2(withPhone.token()).when().delete("/api/v1/me/phone").then().statusCode(204);
        given().auth().oauth2(withPhone.token()).when().delete("/api/v1/me/phone").then().statusCode(204);
        assertEquals("1", OwnerSql.queryString("select count(*) from audit_event where action = 'PHONE_REMOVE' and result = 'OK' "
                + "and object_id = (select id::text from resident where national_id_hash = '"
                + protector.lookupHash(withPhone.nationalId()) + "')"));
        // ... and then the caseworker may give them a delegate
        caseworkerGrant(withPhoneCase, nieceBody).then().statusCode(201).body("grantedByRole", equalTo("caseworker"));
        // 60 and no phone of their own (the application's contact phone is a relative's): granted
        caseworkerGrant(caseOf(sixty), nieceBody).then().statusCode(201).body("grantedByRole", equalTo("caseworker"));
    }

    private static String caseOf(Person applicant) {
        return Family.intake(applicant, Family.freshPhone()).getString("cases.find { it.agency == 'CIVIL_AFFAIRS' }.id");
    }

    private static io.restassured.response.Response caseworkerGrant(String caseId, String body) {
        return given().auth().oauth2(Tokens.of("caseworker1")).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                .when().post("/api/v1/cases/" + caseId + "/delegations");
    }

    @Test
    void aRetriedGrantWithTheSameKeyReplaysTheFirstAnswerAndAnotherBodyIsRefused() {
        Person applicant = Family.bound("张伟");
        Person son = Family.bound("张强");
        String intakeId = Family.intake(applicant, Family.freshPhone()).getString("id");
        String path = "/api/v1/intakes/" + intakeId + "/delegations";
        String key = UUID.randomUUID().toString();
        String body = Family.request(son.nationalId(), "13900000009", "VIEW_STATUS", IN_A_MONTH, null);

        String first = ownerGrant(applicant, path, key, body).then().statusCode(201).extract().path("id");
        ownerGrant(applicant, path, key, body).then().statusCode(201).body("id", equalTo(first));
        ownerGrant(applicant, path, key, Family.request(son.nationalId(), "13900000009", "ACT_FOR_ME", IN_A_MONTH, null))
                .then().statusCode(422);
        given().auth().oauth2(applicant.token()).contentType(ContentType.JSON)
                .body(body).when().post(path).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(applicant.token()).when().get(path).then().body("$", hasSize(1));
    }

    /** Idempotency records expire (7 days): a grant retried after that is refused while the first one holds. */
    @Test
    void aGrantRetriedAfterItsKeyExpiredMakesNoSecondDelegationWhileTheFirstHolds() {
        Person applicant = Family.bound("张伟");
        Person son = Family.bound("张强");
        String intakeId = Family.intake(applicant, Family.freshPhone()).getString("id");
        String path = "/api/v1/intakes/" + intakeId + "/delegations";
        String key = UUID.randomUUID().toString();
        String body = Family.request(son.nationalId(), "13900000009", "VIEW_STATUS", IN_A_MONTH, null);
        ownerGrant(applicant, path, key, body).then().statusCode(201);

        OwnerSql.run("update idempotency_record set created_at = created_at - interval '8 days' where idempotency_key = '"
                + key + "'");
        OnVertx.await(vertx, purge::purge);
        assertEquals("0", OwnerSql.queryString("select count(*) from idempotency_record where idempotency_key = '" + key + "'"));

        ownerGrant(applicant, path, key, body).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:assistance:problem:already-delegated"));
        given().auth().oauth2(applicant.token()).when().get(path).then().body("$", hasSize(1));
    }

    @Test
    void aResidentWithoutRealNameBindingHasReceivedNothing() {
        given().auth().oauth2(Tokens.newResident()).when().get("/api/v1/delegations/received")
                .then().statusCode(200).body("$", empty());
    }

    private static io.restassured.response.Response ownerGrant(Person owner, String path, String key, String body) {
        return given().auth().oauth2(owner.token()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).when().post(path);
    }

    private static io.restassured.response.Response upload(Person person, String intakeId) {
        return given().auth().oauth2(person.token())
                .multiPart("file", "proof.png", TestFiles.png(40, 30), "image/png")
                .multiPart("type", "OTHER")
                .when().post("/api/v1/intakes/" + intakeId + "/documents");
    }
}

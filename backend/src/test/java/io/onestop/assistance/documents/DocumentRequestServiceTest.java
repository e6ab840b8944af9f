package io.onestop.assistance.documents;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.onestop.assistance.common.ProblemException;
import io.onestop.assistance.programs.DocumentType;
import io.onestop.assistance.testing.LocalStackResource;
import io.onestop.assistance.testing.OnVertx;
import io.onestop.assistance.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** 补正材料: a request puts an item back on the resident's checklist; the matching upload fulfils it. */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class DocumentRequestServiceTest {

    @Inject
    DocumentService documents;

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Test
    void requestedDocumentIsMissingAgainUntilAnUploadOfThatTypeAndMemberFulfilsIt() {
        String intakeId = Applications.intake("resident1");
        String base = "/api/v1/intakes/" + intakeId;
        Applications.upload("resident1", base, "INCOME_PROOF", "a.pdf", TestFiles.pdf(), "application/pdf");
        UUID caseId = caseOf(intakeId, "MINIMUM_LIVING_ALLOWANCE");

        List<UUID> ids = OnVertx.await(vertx, () -> documents.requestDocuments(UUID.fromString(intakeId), caseId,
                List.of(DocumentType.INCOME_PROOF), "m2", "请补充配偶近 6 个月工资流水", "Add the spouse's last 6 months of pay slips",
                "caseworker-subject"));
        assertEquals(1, ids.size());

        given().auth().oauth2(Tokens.of("resident1")).when().get(base + "/checklist").then().statusCode(200)
                .body("items.find { it.type == 'INCOME_PROOF' }.status", equalTo("MISSING"))
                .body("items.find { it.type == 'INCOME_PROOF' }.requests[0].reason.zh", equalTo("请补充配偶近 6 个月工资流水"))
                .body("items.find { it.type == 'INCOME_PROOF' }.requests[0].caseId", equalTo(caseId.toString()));

        // another member's document does not answer a request for m2
        given().auth().oauth2(Tokens.of("resident1")).multiPart("file", "x.pdf", TestFiles.pdf(), "application/pdf")
                .multiPart("type", "INCOME_PROOF").multiPart("memberId", "m1").when().post(base + "/documents")
                .then().statusCode(201);
        given().auth().oauth2(Tokens.of("resident1")).when().get(base + "/checklist").then()
                .body("items.find { it.type == 'INCOME_PROOF' }.requests", hasSize(1));

        String documentId = given().auth().oauth2(Tokens.of("resident1"))
                .multiPart("file", "pay.pdf", TestFiles.pdf(), "application/pdf")
                .multiPart("type", "INCOME_PROOF").multiPart("memberId", "m2").when().post(base + "/documents")
                .then().statusCode(201).extract().path("id");

        given().auth().oauth2(Tokens.of("resident1")).when().get(base + "/checklist").then()
                .body("items.find { it.type == 'INCOME_PROOF' }.status", equalTo("UPLOADED"))
                .body("items.find { it.type == 'INCOME_PROOF' }.requests", empty());
        assertEquals(documentId, OnVertx.await(vertx, () -> pool.preparedQuery(
                        "select fulfilled_by from document_request where id = $1").execute(Tuple.of(ids.get(0)))
                .map(rows -> rows.iterator().next().getUUID(0).toString())));
        long fulfilledEvents = OnVertx.await(vertx, () -> pool.preparedQuery("""
                        select count(*) from outbox_event where aggregate_id = $1 and event_type = 'DOCUMENT_REQUEST_FULFILLED'
                          and payload ->> 'caseId' = $2""")
                .execute(Tuple.of(UUID.fromString(intakeId), caseId.toString())).map(rows -> rows.iterator().next().getLong(0)));
        assertEquals(1L, fulfilledEvents);
    }

    @Test
    void refusesARequestForACaseOfAnotherIntake() {
        String intakeId = Applications.intake("resident1");
        UUID foreignCase = caseOf(Applications.intake("resident2"), "MINIMUM_LIVING_ALLOWANCE");
        ProblemException refused = assertThrows(ProblemException.class, () -> OnVertx.await(vertx,
                () -> documents.requestDocuments(UUID.fromString(intakeId), foreignCase, List.of(DocumentType.ID_CARD),
                        null, "请补充", "Please add", "caseworker-subject")));
        assertEquals(404, refused.status());
    }

    private UUID caseOf(String intakeId, String program) {
        return OnVertx.await(vertx, () -> pool.preparedQuery("select id from program_case where intake_id = $1 and program = $2")
                .execute(Tuple.of(UUID.fromString(intakeId), program)).map(rows -> rows.iterator().next().getUUID(0)));
    }
}

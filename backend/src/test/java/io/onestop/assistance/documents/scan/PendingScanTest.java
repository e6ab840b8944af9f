package io.onestop.assistance.documents.scan;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.onestop.assistance.documents.Applications;
import io.onestop.assistance.documents.DocumentHousekeeping;
import io.onestop.assistance.documents.TestFiles;
import io.onestop.assistance.documents.storage.ObjectStorage;
import io.onestop.assistance.testing.LocalStackResource;
import io.onestop.assistance.testing.OnVertx;
import io.onestop.assistance.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** With a scanner configured, a document is invisible to staff until it is scanned clean (fail closed). */
@QuarkusTest
@TestProfile(WithScanner.class)
@QuarkusTestResource(LocalStackResource.class)
class PendingScanTest {

    @Inject
    FakeVirusScanner scanner;

    @Inject
    DocumentHousekeeping housekeeping;

    @Inject
    ObjectStorage storage;

    @Inject
    Vertx vertx;

    @Inject
    Pool pool;

    @Test
    void aDocumentStaysInvisibleToStaffWhileTheScannerIsDownAndAppearsOnceClean() {
        String intakeId = Applications.intake("resident1");
        String base = "/api/v1/intakes/" + intakeId;
        String documentId = Applications.upload("resident1", base, "INCOME_PROOF", "p.pdf", TestFiles.pdf(),
                "application/pdf").path("id");

        given().auth().oauth2(Tokens.of("resident1")).when().get(base + "/documents/" + documentId)
                .then().statusCode(200).body("status", equalTo("PENDING_SCAN"));
        staffSeeNothing(base, documentId);

        scanner.answer(null); // scanner down: no verdict, nothing let through
        assertEquals(0, OnVertx.await(vertx, housekeeping::scanPending));
        staffSeeNothing(base, documentId);

        scanner.answer(VirusScanner.Verdict.CLEAN);
        expireLease(documentId);
        OnVertx.await(vertx, housekeeping::scanPending);
        given().auth().oauth2(Tokens.of("caseworker1")).when().get(base + "/documents/" + documentId + "/download-url")
                .then().statusCode(200);
        given().auth().oauth2(Tokens.of("caseworker1")).when().get(base + "/checklist").then()
                .body("items.find { it.type == 'INCOME_PROOF' }.documents", hasSize(1));
    }

    @Test
    void anInfectedDocumentIsRemovedAndShownToTheOwnerAsRejected() {
        String draftId = Applications.draft("resident1");
        String base = "/api/v1/drafts/" + draftId;
        String documentId = Applications.upload("resident1", base, "ID_CARD", "id.pdf", TestFiles.pdf(),
                "application/pdf").path("id");

        scanner.answer(VirusScanner.Verdict.INFECTED);
        OnVertx.await(vertx, housekeeping::scanPending);

        given().auth().oauth2(Tokens.of("resident1")).when().get(base + "/checklist").then()
                .body("items.find { it.type == 'ID_CARD' }.status", equalTo("REJECTED"))
                .body("items.find { it.type == 'ID_CARD' }.documents[0].status", equalTo("INFECTED"));
        given().auth().oauth2(Tokens.of("resident1")).when().get(base + "/documents/" + documentId + "/download-url")
                .then().statusCode(410);
        assertThrows(ObjectStorage.ObjectMissingException.class,
                () -> storage.stat("documents/" + draftId + "/" + documentId).await().atMost(Duration.ofSeconds(20)));
    }

    private static void staffSeeNothing(String base, String documentId) {
        given().auth().oauth2(Tokens.of("caseworker1")).when().get(base + "/documents/" + documentId + "/download-url")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.of("caseworker1")).when().get(base + "/checklist").then().statusCode(200)
                .body("items.find { it.type == 'INCOME_PROOF' }.documents", empty())
                .body("items.find { it.type == 'INCOME_PROOF' }.status", equalTo("MISSING"));
    }

    /** The failed attempt holds a lease; a later run (or another instance) takes the document after it. */
    private void expireLease(String documentId) {
        OnVertx.await(vertx, () -> pool.preparedQuery("update document set scan_claimed_until = null where id = $1")
                .execute(Tuple.of(UUID.fromString(documentId))));
    }
}

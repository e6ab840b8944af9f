package io.onestop.assistance.documents.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.onestop.assistance.documents.Applications;
import io.onestop.assistance.documents.TestFiles;
import io.onestop.assistance.testing.LocalStackResource;
import io.onestop.assistance.testing.OnVertx;
import io.onestop.assistance.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who gets a download URL for a document of resident1's intake (region 140105; its MLA case is civil affairs').
 * Family members with and without delegated scope come with delegation (issue 6).
 */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class DocumentDownloadAccessTest {

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    private String intakeId;
    private String documentId;
    private byte[] content;

    @BeforeEach
    void intakeWithOneDocument() {
        intakeId = Applications.intake("resident1");
        content = TestFiles.pdf();
        documentId = Applications.upload("resident1", "/api/v1/intakes/" + intakeId, "INCOME_PROOF", "p.pdf", content,
                "application/pdf").path("id");
    }

    @Test
    void onlyTheOwnerAndStaffInScopeGetADownloadUrl() {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("resident1", 200);   // owner
        expected.put("resident2", 404);   // another resident: the intake does not exist for them
        expected.put("caseworker1", 200); // civil affairs, township 140105001 of the intake's county
        expected.put("approver1", 200);   // civil affairs, county 140105
        expected.put("caseworker2", 404); // civil affairs, but county 140106
        expected.put("hotline1", 403);
        expected.put("admin1", 403);
        expected.put("auditor1", 403);
        List<String> mismatches = new ArrayList<>();
        expected.forEach((user, status) -> {
            int actual = downloadUrl(user).statusCode();
            if (actual != status) {
                mismatches.add("%s: expected %d, got %d".formatted(user, status, actual));
            }
        });
        assertEquals(List.of(), mismatches);
    }

    @Test
    void theUrlFetchesTheStoredBytes() throws Exception {
        String url = downloadUrl("resident1").path("url");
        HttpResponse<byte[]> fetched = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, fetched.statusCode());
        assertArrayEquals(content, fetched.body());
    }

    @Test
    void everyStaffViewIsAuditedAndTheOwnersIsNot() {
        downloadUrl("resident1");
        assertEquals(0, audits("VIEW_DOCUMENT"));
        downloadUrl("caseworker1");
        downloadUrl("caseworker1");
        assertEquals(2, audits("VIEW_DOCUMENT"));
        downloadUrl("caseworker2"); // out of scope: nothing shown, nothing to audit
        assertEquals(2, audits("VIEW_DOCUMENT"));
    }

    @Test
    void staffInScopeSeeTheChecklistAndOthersDoNot() {
        given().auth().oauth2(Tokens.of("caseworker1")).when().get("/api/v1/intakes/" + intakeId + "/checklist")
                .then().statusCode(200);
        given().auth().oauth2(Tokens.of("caseworker2")).when().get("/api/v1/intakes/" + intakeId + "/checklist")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.of("resident2")).when().get("/api/v1/intakes/" + intakeId + "/checklist")
                .then().statusCode(404);
    }

    private ExtractableResponse<Response> downloadUrl(String user) {
        return given().auth().oauth2(Tokens.of(user))
                .when().get("/api/v1/intakes/" + intakeId + "/documents/" + documentId + "/download-url").then().extract();
    }

    private long audits(String action) {
        return OnVertx.await(vertx, () -> pool.preparedQuery(
                        "select count(*) from audit_event where action = $1 and object_type = 'DOCUMENT' and object_id = $2")
                .execute(Tuple.of(action, documentId)).map(rows -> rows.iterator().next().getLong(0)));
    }
}

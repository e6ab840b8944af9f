package io.onestop.assistance.intake.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onestop.assistance.testing.LocalStackResource;
import io.onestop.assistance.testing.TestData;
import io.onestop.assistance.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** GET /api/v1/drafts and /api/v1/intakes a page at a time: the array shape stays, the next page is in Link. */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class ListPaginationTest {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

    @Test
    void walksFiveDraftsTwoAtATimeNewestFirstWithoutRepeatsOrGaps() {
        String token = Tokens.newResident();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(0, given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(TestData.draft(TestData.HOUSEHOLD_A, TestData.nationalId()))
                    .when().post("/api/v1/drafts").then().statusCode(201).extract().path("id"));
        }
        // Editing the oldest draft must not move it between pages: the key is the creation time, not the update.
        String oldest = created.get(4);
        String version = given().auth().oauth2(token).when().get("/api/v1/drafts/" + oldest).getHeader("ETag");
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", version)
                .body(TestData.draft(TestData.HOUSEHOLD_A, TestData.nationalId()))
                .when().put("/api/v1/drafts/" + oldest).then().statusCode(200);

        assertEquals(created, walk(token, "/api/v1/drafts?limit=2", List.of(2, 2, 1)));
    }

    @Test
    void walksThreeIntakesTwoAtATime() {
        String token = Tokens.newResident();
        List<String> submitted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String draftId = given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(TestData.draft(TestData.HOUSEHOLD_A, TestData.nationalId()))
                    .when().post("/api/v1/drafts").then().statusCode(201).extract().path("id");
            submitted.add(0, given().auth().oauth2(token).contentType(ContentType.JSON)
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .body("{\"draftId\":\"" + draftId + "\",\"consent\":true}")
                    .when().post("/api/v1/intakes").then().statusCode(201).extract().path("id"));
        }
        assertEquals(submitted, walk(token, "/api/v1/intakes?limit=2", List.of(2, 1)));
    }

    @Test
    void withoutParametersAnswersTheWholeShortListAsAnArrayWithoutLink() {
        String token = Tokens.newResident();
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(TestData.draft(TestData.HOUSEHOLD_A, TestData.nationalId()))
                .when().post("/api/v1/drafts").then().statusCode(201);
        Response answer = given().auth().oauth2(token).when().get("/api/v1/drafts");
        answer.then().statusCode(200).body("$", hasSize(1));
        assertNull(answer.getHeader("Link"));
    }

    @Test
    void refusesALimitOutOfRangeAndAForeignCursor() {
        String token = Tokens.of("resident1");
        for (String path : List.of("/api/v1/drafts", "/api/v1/intakes")) {
            for (String query : List.of("?limit=0", "?limit=101", "?limit=-1")) {
                given().auth().oauth2(token).when().get(path + query)
                        .then().statusCode(422).contentType("application/problem+json")
                        .body("errors[0].field", equalTo("limit"));
            }
            for (String cursor : List.of("not-a-cursor", "MjAyNi0xMi0wNVQwMDowMDowMFo", "%3Cscript%3E")) {
                given().auth().oauth2(token).urlEncodingEnabled(false).when().get(path + "?cursor=" + cursor)
                        .then().statusCode(422).body("errors[0].field", equalTo("cursor"));
            }
        }
    }

    /** Follows the next links from {@code first}; checks each page's size and answers the ids in order. */
    private static List<String> walk(String token, String first, List<Integer> sizes) {
        List<String> ids = new ArrayList<>();
        String url = first;
        for (int i = 0; i < sizes.size(); i++) {
            assertTrue(url != null, "page " + (i + 1) + " has no next link");
            Response page = given().auth().oauth2(token).urlEncodingEnabled(false).when().get(url);
            page.then().statusCode(200).body("$", hasSize(sizes.get(i)));
            ids.addAll(page.jsonPath().getList("id", String.class));
            String link = page.getHeader("Link");
            if (link == null) {
                url = null;
            } else {
                Matcher next = NEXT.matcher(link);
                assertTrue(next.find(), link);
                url = next.group(1);
            }
        }
        assertNull(url, "a page after the last one");
        return ids;
    }
}

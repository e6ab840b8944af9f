package io.onestop.assistance.programs.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.onestop.assistance.programs.Program;
import io.onestop.assistance.testing.LocalStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** GET /api/v1/programs: the public catalog, without login. */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class ProgramCatalogResourceTest {

    @Test
    void listsTheThirteenProgramsWithAgencyDocumentsStepsAndDeadline() {
        given().when().get("/api/v1/programs")
                .then().statusCode(200).contentType(ContentType.JSON)
                .header("Cache-Control", containsString("max-age"))
                .body("code", contains(Arrays.stream(Program.values()).map(Enum::name).toArray()))
                .body("[0].name.zh", equalTo("最低生活保障"))
                .body("[0].name.en", equalTo("Minimum living allowance"))
                .body("[0].agency.code", equalTo("CIVIL_AFFAIRS"))
                .body("[0].agency.name.zh", equalTo("民政局"))
                .body("[0].estimatePeriod", equalTo("MONTH"))
                .body("[0].documents.code", contains("ID_CARD", "HOUSEHOLD_REGISTER", "INCOME_PROOF"))
                .body("[0].workflow.code", hasItem("PUBLIC_NOTICE"))
                .body("[0].legalDeadlineWorkingDays", equalTo(30))
                .body("find { it.code == 'MEDICAL_ASSISTANCE' }.agency.code", equalTo("MEDICAL_INSURANCE"))
                .body("find { it.code == 'OLD_AGE_ALLOWANCE' }.workflow.code", contains("SUBMITTED", "ACCEPTED", "APPROVED"));
    }
}

package io.onestop.assistance.cases.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.onestop.assistance.cases.CaseFixtures;
import io.onestop.assistance.common.ClockProducer;
import io.onestop.assistance.testing.LocalStackResource;
import io.onestop.assistance.testing.TestData;
import io.onestop.assistance.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dashboard figures: counts within the caller's agency and region only, every day and step listed, no personal data. */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class CaseStatisticsTest {

    private static JsonPath figures(String user) {
        return given().auth().oauth2(Tokens.of(user)).when().get("/api/v1/cases/statistics?days=7")
                .then().statusCode(200).extract().jsonPath();
    }

    private static long today(JsonPath figures) {
        List<Map<String, Object>> days = figures.getList("intakesPerDay");
        Map<String, Object> last = days.get(days.size() - 1);
        assertEquals(LocalDate.now(ClockProducer.CHINA).toString(), last.get("date"));
        return ((Number) last.get("intakes")).longValue();
    }

    private static long submitted(JsonPath figures) {
        return ((Number) figures.getList("casesPerStep.findAll { it.step == 'SUBMITTED' }.cases").get(0)).longValue();
    }

    @Test
    void aNewIntakeCountsForTheStaffOfItsRegionOnly() {
        JsonPath township = figures("caseworker1");
        JsonPath county = figures("approver1");
        JsonPath otherCounty = figures("caseworker2");

        CaseFixtures.submit("resident1", TestData.HOUSEHOLD_A);

        JsonPath townshipAfter = figures("caseworker1");
        assertEquals(today(township) + 1, today(townshipAfter));
        assertEquals(submitted(township) + 1, submitted(townshipAfter));
        assertEquals(township.getLong("open") + 1, townshipAfter.getLong("open"));
        assertEquals(today(county) + 1, today(figures("approver1")));
        JsonPath otherAfter = figures("caseworker2");
        assertEquals(today(otherCounty), today(otherAfter));
        assertEquals(submitted(otherCounty), submitted(otherAfter));
    }

    @Test
    void everyDayAndEveryUnfinishedStepIsListedAndNothingPersonal() {
        String body = given().auth().oauth2(Tokens.of("caseworker1")).when().get("/api/v1/cases/statistics")
                .then().statusCode(200)
                .body("intakesPerDay", hasSize(30))
                .body("casesPerStep", hasSize(9))
                .body("casesPerStep.step", hasItem("PAYING"))
                .body("to", equalTo(LocalDate.now(ClockProducer.CHINA).toString()))
                .extract().asString();
        JsonPath figures = JsonPath.from(body);
        long perStep = figures.getList("casesPerStep.cases", Number.class).stream().mapToLong(Number::longValue).sum();
        assertEquals(figures.getLong("open"), perStep);
        assertFalse(body.contains("applicant") || body.contains("intakeNumber") || body.contains("JZ-"), body);
    }

    @Test
    void aDayCountOutsideOneToNinetyIsAFieldProblem() {
        for (String days : List.of("0", "91", "abc")) {
            given().auth().oauth2(Tokens.of("approver1")).when().get("/api/v1/cases/statistics?days=" + days)
                    .then().statusCode(422).body("errors[0].field", equalTo("days"));
        }
    }
}

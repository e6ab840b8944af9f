package io.onestop.assistance.programs.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.onestop.assistance.programs.Program;
import io.onestop.assistance.testing.LocalStackResource;
import io.onestop.assistance.testing.TestData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** POST /api/v1/screenings: the fixed screening contract of api-conventions.md, without login. */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class ScreeningResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void answersAllThirteenProgramsInSpecOrderWithTheContractShape() {
        given().contentType(ContentType.JSON).body(TestData.HOUSEHOLD_A)
                .when().post("/api/v1/screenings")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("regionCode", equalTo("140105"))
                .body("asOf", equalTo("2026-11-22"))
                .body("parameterVersion", equalTo("140105@2025-01-01"))
                .body("programs.program", contains(Arrays.stream(Program.values()).map(Enum::name).toArray()))
                .body("programs[0].verdict", equalTo("ELIGIBLE"))
                .body("programs[0].urgent", equalTo(false))
                .body("programs[0].members", contains("m1", "m2", "m3"))
                .body("programs[0].estimate.amount", equalTo(1107))
                .body("programs[0].estimate.period", equalTo("MONTH"))
                .body("programs[0].reasons[0].code", equalTo("PCI_BELOW_STANDARD"))
                .body("programs[0].reasons[0].met", equalTo(true))
                .body("programs[0].reasons[0].actual", equalTo(300))
                .body("programs[0].reasons[0].threshold", equalTo(669))
                .body("programs[0].reasons[0].message.zh", startsWith("家庭人均月收入 300 元"))
                .body("programs[0].reasons[0].message.en", startsWith("household income per person is 300 yuan"))
                .body("programs[0].whatWouldChange", equalTo(java.util.List.of()))
                .body("programs[0].documents", contains("ID_CARD", "HOUSEHOLD_REGISTER", "INCOME_PROOF"))
                .body("programs.find { it.program == 'EDUCATION_ASSISTANCE' }.estimate.amount", equalTo(100))
                .body("programs.find { it.program == 'EMPLOYMENT_ASSISTANCE' }.members", contains("m1"))
                .body("programs.find { it.program == 'OLD_AGE_ALLOWANCE' }.verdict", equalTo("NOT_ELIGIBLE"))
                .body("programs.find { it.program == 'OLD_AGE_ALLOWANCE' }.whatWouldChange[0]", hasKey("message"))
                .body("programs.reasons.flatten().message.zh", everyItem(not(equalTo(""))));
    }

    @Test
    void evaluatesTodayInChinaWhenAsOfIsOmitted() {
        given().contentType(ContentType.JSON).body(TestData.HOUSEHOLD_WELL_OFF.replace("\"asOf\":\"2026-11-22\",", ""))
                .when().post("/api/v1/screenings")
                .then().statusCode(200)
                .body("asOf", equalTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString()));
    }

    @Test
    void namesTheMemberFieldOfABirthDateAfterAsOf() {
        given().contentType(ContentType.JSON)
                .body(TestData.HOUSEHOLD_A.replace("\"birthDate\":\"2016-09-01\"", "\"birthDate\":\"2026-11-23\""))
                .when().post("/api/v1/screenings")
                .then().statusCode(422).contentType(PROBLEM)
                .body("status", equalTo(422))
                .body("errors.field", hasItem("members[2].birthDate"));
    }

    @Test
    void namesMembersWhenThereIsNoApplicant() {
        given().contentType(ContentType.JSON)
                .body(TestData.HOUSEHOLD_A.replace("\"relationship\":\"APPLICANT\"", "\"relationship\":\"OTHER\""))
                .when().post("/api/v1/screenings")
                .then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", hasItem("members"));
    }

    @Test
    void namesTheIncomeOfANegativeIncome() {
        given().contentType(ContentType.JSON)
                .body(TestData.HOUSEHOLD_A.replace("\"monthlyIncome\":900", "\"monthlyIncome\":-900"))
                .when().post("/api/v1/screenings")
                .then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", hasItem("members[1].monthlyIncome"));
    }

    @Test
    void refusesARegionWithoutParameters() {
        given().contentType(ContentType.JSON)
                .body(TestData.HOUSEHOLD_A.replace("\"regionCode\":\"140105\"", "\"regionCode\":\"110101\""))
                .when().post("/api/v1/screenings")
                .then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", hasItem("regionCode"));
    }

    @Test
    void refusesBrokenJsonAsBadRequest() {
        given().contentType(ContentType.JSON).body("{\"regionCode\": \"140105\", \"members\": [")
                .when().post("/api/v1/screenings")
                .then().statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("$", not(hasKey("trace")));
    }

    @Test
    void refusesAnUnknownCodeWithoutAServerError() {
        given().contentType(ContentType.JSON)
                .body(TestData.HOUSEHOLD_A.replace("\"hukou\":\"URBAN\"", "\"hukou\":\"CITY\""))
                .when().post("/api/v1/screenings")
                .then().statusCode(anyOf(is(400), is(422))).contentType(PROBLEM);
    }

    @Test
    void refusesAnEmptyBodyWithoutAServerError() {
        given().contentType(ContentType.JSON).body("")
                .when().post("/api/v1/screenings")
                .then().statusCode(anyOf(is(400), is(422))).contentType(PROBLEM);
    }
}

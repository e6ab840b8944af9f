package io.onestop.assistance.miniprogram;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProgramsResourceTest {

    @Test
    void relaysTheBackendCatalogInTheEnvelope() {
        given().when().get("/mp/v1/programs")
                .then().statusCode(200)
                .body("errcode", equalTo(0))
                .body("errmsg", equalTo("ok"))
                .body("data", hasSize(13))
                .body("data[0].code", equalTo("MINIMUM_LIVING_ALLOWANCE"));
    }
}

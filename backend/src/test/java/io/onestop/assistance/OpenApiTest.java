package io.onestop.assistance;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.onestop.assistance.testing.LocalStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class OpenApiTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasASummaryAndEveryOperationWithInputItsErrorAnswers() {
        Map<String, Map<String, Map<String, Object>>> paths = given().queryParam("format", "json")
                .when().get("/q/openapi").then().statusCode(200).extract().path("paths");
        List<String> incomplete = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
            boolean takesInput = operation.containsKey("requestBody") || operation.containsKey("parameters");
            boolean documentsAnError = responses != null && responses.keySet().stream().anyMatch(code -> code.startsWith("4"));
            if (operation.get("summary") == null || takesInput && !documentsAnError) {
                incomplete.add(method.toUpperCase() + " " + path);
            }
        }));
        assertEquals(List.of(), incomplete);
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}

package io.onestop.assistance.miniprogram;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The mini-program developer builds the app from the OpenAPI document alone: every /mp/v1 operation has a summary
 * and an example of its answer (with the errcodes it can carry in the description).
 */
@QuarkusTest
class GatewayOpenApiTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasASummaryAndAnExampleAnswer() {
        Map<String, Map<String, Map<String, Object>>> paths = given().queryParam("format", "json")
                .when().get("/q/openapi").then().statusCode(200).extract().path("paths");
        List<String> incomplete = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (!path.startsWith("/mp/v1") || path.contains(".well-known")) {
                return;
            }
            checked.add(method.toUpperCase() + " " + path);
            Map<String, Object> ok = (Map<String, Object>) ((Map<String, Object>) operation.get("responses")).get("200");
            boolean example = ok != null && ok.get("content") instanceof Map<?, ?> content
                    && content.values().stream().anyMatch(media -> media instanceof Map<?, ?> m && m.get("examples") != null);
            if (operation.get("summary") == null || !example) {
                incomplete.add(method.toUpperCase() + " " + path);
            }
        }));
        assertEquals(List.of(), incomplete);
        assertTrue(checked.contains("GET /mp/v1/intakes/{id}/status") && checked.contains("PUT /mp/v1/me/real-name")
                && checked.size() > 20, checked::toString);
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}

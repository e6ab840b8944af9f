package io.onestop.assistance.miniprogram;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.onestop.assistance.miniprogram.session.ResidentTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Nothing listens where backend and the platform should be: every answer is 50300, never a hang or a 500. */
@QuarkusTest
@TestProfile(BackendDownTest.NothingUpstream.class)
class BackendDownTest {

    @Inject
    ResidentTokens tokens;

    @Test
    void unreachableBackendAnswers50300() {
        given().when().get("/mp/v1/programs")
                .then().statusCode(200).body("errcode", equalTo(50300));
        given().auth().oauth2(tokens.issue("o-down").token()).when().get("/mp/v1/drafts")
                .then().statusCode(200).body("errcode", equalTo(50300));
    }

    @Test
    void unreachablePlatformAnswers50300() {
        given().contentType(ContentType.JSON).body("{\"code\":\"alice.1\"}").when().post("/mp/v1/session")
                .then().statusCode(200).body("errcode", equalTo(50300));
    }

    public static class NothingUpstream implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            String nowhere = "http://127.0.0.1:" + closedPort();
            return Map.of("quarkus.rest-client.backend.url", nowhere, "assistance.platform.base-url", nowhere);
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

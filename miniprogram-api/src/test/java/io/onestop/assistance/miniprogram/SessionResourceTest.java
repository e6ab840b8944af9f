package io.onestop.assistance.miniprogram;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onestop.assistance.platformsim.PlatformSimulator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SessionResourceTest {

    private static final String SESSION = "/mp/v1/session";

    @Test
    void issuesAResidentTokenForAValidCodeWithoutOpenidOrSessionKey() {
        String body = login(Gateway.code("alice"))
                .body("errcode", equalTo(0))
                .body("data.tokenType", equalTo("Bearer"))
                .body("data.expiresIn", equalTo(7200))
                .body("data.session_key", nullValue())
                .extract().asString();
        assertFalse(body.contains("session_key") || body.contains("openid"), body);

        String claims = claimsOf(given().contentType(ContentType.JSON).body("{\"code\":\"" + Gateway.code("alice") + "\"}")
                .post(SESSION).then().extract().path("data.token"));
        assertTrue(claims.contains("\"sub\":\"mp:"), claims);
        assertTrue(claims.contains("\"groups\":[\"resident\"]"), claims);
        assertTrue(claims.contains("\"aud\":\"backend\""), claims);
        assertTrue(claims.contains("\"iss\":\"http://127.0.0.1:8081\""), claims);
    }

    @Test
    void sameUserGetsTheSameSubjectOnEveryLoginAndOtherUsersAnother() {
        String first = subjectOf(Gateway.login("bob"));
        assertEquals(first, subjectOf(Gateway.login("bob")));
        assertNotEquals(first, subjectOf(Gateway.login("carol")));
    }

    @Test
    void retriesWhileThePlatformIsBusyAndThenSucceeds() {
        PlatformSimulator platform = PlatformSimulatorResource.simulator();
        int before = platform.calls("/sns/jscode2session");
        login("flaky-2." + System.nanoTime()).body("errcode", equalTo(0)).body("data.token", notNullValue());
        assertEquals(3, platform.calls("/sns/jscode2session") - before, "two busy answers, then success");
    }

    @Test
    void givesUpAfterBoundedRetriesWhenThePlatformStaysBusy() {
        PlatformSimulator platform = PlatformSimulatorResource.simulator();
        int before = platform.calls("/sns/jscode2session");
        login("err--1").body("errcode", equalTo(50300)).body("data", nullValue());
        assertEquals(3, platform.calls("/sns/jscode2session") - before, "one call and two retries");
    }

    @Test
    void neverRetriesAnInvalidCode() {
        PlatformSimulator platform = PlatformSimulatorResource.simulator();
        int before = platform.calls("/sns/jscode2session");
        login("err-40029").body("errcode", equalTo(40101)).body("errmsg", not(equalTo("ok")));
        assertEquals(1, platform.calls("/sns/jscode2session") - before);
    }

    @Test
    void answersRateLimitedWhenThePlatformQuotaIsExhausted() {
        PlatformSimulator platform = PlatformSimulatorResource.simulator();
        int before = platform.calls("/sns/jscode2session");
        login("err-45011").body("errcode", equalTo(42900));
        assertEquals(1, platform.calls("/sns/jscode2session") - before);
    }

    @Test
    void refusesAUserThePlatformBlocked() {
        login("err-40226").body("errcode", equalTo(40300)).body("data", nullValue());
    }

    @Test
    void namesTheMissingCode() {
        given().contentType(ContentType.JSON).body("{}").when().post(SESSION)
                .then().statusCode(200).body("errcode", equalTo(40001)).body("errmsg", startsWith("code"));
        given().contentType(ContentType.JSON).body("not json").when().post(SESSION)
                .then().statusCode(200).body("errcode", equalTo(40001));
    }

    @Test
    void publishesTheSigningKeyAsJwks() {
        given().when().get("/mp/v1/.well-known/jwks.json")
                .then().statusCode(200)
                .body("keys", hasSize(1))
                .body("keys[0].kty", equalTo("RSA"))
                .body("keys[0].alg", equalTo("RS256"))
                .body("keys[0].kid", notNullValue())
                .body("keys[0].d", nullValue());
    }

    private static ValidatableResponse login(String code) {
        return given().contentType(ContentType.JSON).body("{\"code\":\"" + code + "\"}")
                .when().post(SESSION).then().statusCode(200);
    }

    static String claimsOf(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    private static String subjectOf(String token) {
        return claimsOf(token).replaceAll(".*\"sub\":\"([^\"]+)\".*", "$1");
    }
}

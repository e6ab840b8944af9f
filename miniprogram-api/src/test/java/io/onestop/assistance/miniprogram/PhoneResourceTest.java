package io.onestop.assistance.miniprogram;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.onestop.assistance.platformsim.PlatformSimulator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PhoneResourceTest {

    @Test
    void verifiesThePhoneNumberAndAnswersItMaskedReusingTheAccessToken() {
        String token = Gateway.login("phone-owner");
        PlatformSimulator platform = PlatformSimulatorResource.simulator();
        phone(token, "phone-13812345678").body("errcode", equalTo(0))
                .body("data.phone", equalTo("138****5678")).body("data.verified", equalTo(true));
        int tokenFetches = platform.calls("/cgi-bin/token");
        phone(token, "phone-13912345678").body("errcode", equalTo(0)).body("data.phone", equalTo("139****5678"));
        assertEquals(tokenFetches, platform.calls("/cgi-bin/token"), "the access token is cached");
    }

    @Test
    void fetchesANewAccessTokenWhenThePlatformRefusesTheCachedOne() {
        String token = Gateway.login("phone-owner");
        PlatformSimulator platform = PlatformSimulatorResource.simulator();
        phone(token, "phone-13812345678").body("errcode", equalTo(0));
        int tokenFetches = platform.calls("/cgi-bin/token");
        platform.revokeAccessTokens();
        phone(token, "phone-13812345678").body("errcode", equalTo(0)).body("data.phone", equalTo("138****5678"));
        assertEquals(tokenFetches + 1, platform.calls("/cgi-bin/token"));
    }

    @Test
    void refusedPhoneCodeAsksForItAgain() {
        phone(Gateway.login("phone-owner"), "err-40029").body("errcode", equalTo(40001)).body("errmsg", startsWith("code"));
    }

    @Test
    void retriesABusyPlatform() {
        phone(Gateway.login("phone-owner"), "flaky-1." + System.nanoTime()).body("errcode", equalTo(0));
    }

    @Test
    void needsALogin() {
        given().contentType(ContentType.JSON).body("{\"code\":\"phone-13812345678\"}").when().post("/mp/v1/phone")
                .then().statusCode(401).body("errcode", equalTo(40100));
    }

    private static io.restassured.response.ValidatableResponse phone(String token, String code) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"code\":\"" + code + "\"}")
                .when().post("/mp/v1/phone").then().statusCode(200);
    }
}

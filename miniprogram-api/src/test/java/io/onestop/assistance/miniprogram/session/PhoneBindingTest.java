package io.onestop.assistance.miniprogram.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.onestop.assistance.miniprogram.BackendProcess;
import io.onestop.assistance.testing.TestData;
import io.onestop.assistance.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * backend binds a phone number only from the gateway's phone assertion: a short-lived token of ours carrying the
 * verified number, after real-name binding. Called on backend directly, as the gateway does.
 */
@QuarkusTest
class PhoneBindingTest {

    private static final String PHONE = "/api/v1/me/phone";

    @Inject
    TokenConfig config;

    @Inject
    ResidentTokens tokens;

    private static String url(String path) {
        return BackendProcess.baseUrl() + path;
    }

    @Test
    void bindsTheAssertedNumberAfterRealNameBindingAndAnswersItMasked() {
        String openid = "o-phone-" + System.nanoTime();
        String resident = tokens.issue(openid).token();
        String assertion = tokens.phoneAssertion(resident, "13912340001", "86");

        given().auth().oauth2(assertion).when().put(url(PHONE))
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:assistance:problem:real-name-required"));

        String residentId = given().auth().oauth2(resident).contentType(ContentType.JSON)
                .body("{\"nationalId\":\"" + TestData.nationalId() + "\",\"name\":\"李娜\"}")
                .when().put(url("/api/v1/me/real-name")).then().statusCode(200).extract().path("residentId");
        given().auth().oauth2(assertion).when().put(url(PHONE))
                .then().statusCode(200).body("phone", equalTo("139****0001")).body("countryCode", equalTo("86"))
                .body(not(containsString("13912340001")));
        // Audited, without the number.
        given().auth().oauth2(Tokens.of("auditor1")).queryParam("action", "PHONE_BIND").queryParam("objectId", residentId)
                .when().get(url("/api/v1/audit/events"))
                .then().statusCode(200).body("items.size()", equalTo(1)).body("items[0].objectType", equalTo("RESIDENT"))
                .body(not(containsString("13912340001")));
        // The resident's ordinary token (another login of the same person would do too) sees it, masked.
        given().auth().oauth2(resident).when().get(url("/api/v1/me"))
                .then().statusCode(200).body("realName.phone", equalTo("139****0001"))
                .body(not(containsString("13912340001")));
        // Binding again replaces the number.
        given().auth().oauth2(tokens.phoneAssertion(resident, "13912340002", "86")).when().put(url(PHONE))
                .then().statusCode(200).body("phone", equalTo("139****0002"));
        given().auth().oauth2(resident).when().get(url("/api/v1/me"))
                .then().statusCode(200).body("realName.phone", equalTo("139****0002"));
    }

    @Test
    void refusesAResidentTokenWithoutTheVerifiedNumberEvenWithANumberInTheBody() {
        given().auth().oauth2(tokens.issue("o-nophone-" + System.nanoTime()).token()).contentType(ContentType.JSON)
                .body("{\"phone\":\"13912340003\",\"verified_phone\":\"13912340003\"}")
                .when().put(url(PHONE))
                .then().statusCode(403).body("type", equalTo("urn:assistance:problem:phone-not-verified"));
    }

    @Test
    void refusesAnExpiredAssertion() {
        String resident = tokens.issue("o-late-" + System.nanoTime()).token();
        ResidentTokens tenMinutesAgo = new ResidentTokens(config, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10)));
        String expired = tenMinutesAgo.phoneAssertion(tenMinutesAgo.issue("o-late").token(), "13912340004", "86");
        given().auth().oauth2(expired).when().put(url(PHONE)).then().statusCode(401);
        given().auth().oauth2(resident).when().get(url("/api/v1/me")).then().statusCode(200);
    }

    @Test
    void refusesAnAssertionSignedByAnotherKeyWithOurKeyId() throws NoSuchAlgorithmException {
        String kid = ((Map<?, ?>) ((List<?>) tokens.jwks().get("keys")).get(0)).get("kid").toString();
        String forged = Jwt.issuer(config.issuer()).subject("mp:forged").audience(config.audience())
                .groups(Set.of(ResidentTokens.RESIDENT)).claim(ResidentTokens.VERIFIED_PHONE, "13912340005")
                .expiresAt(Instant.now().plusSeconds(60))
                .jws().keyId(kid).algorithm(SignatureAlgorithm.RS256)
                .sign(KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate());
        given().auth().oauth2(forged).when().put(url(PHONE)).then().statusCode(401);
    }

    @Test
    void refusesAnAssertedNumberThatIsNotAPhoneNumber() {
        String resident = tokens.issue("o-badphone-" + System.nanoTime()).token();
        given().auth().oauth2(tokens.phoneAssertion(resident, "12345", "86")).when().put(url(PHONE))
                .then().statusCode(422).body("errors[0].field", equalTo("verified_phone"));
    }
}

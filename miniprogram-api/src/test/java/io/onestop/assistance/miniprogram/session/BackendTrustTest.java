package io.onestop.assistance.miniprogram.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.onestop.assistance.miniprogram.BackendProcess;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** backend trusts the gateway as a second OIDC issuer: its tokens open resident endpoints, until they expire. */
@QuarkusTest
class BackendTrustTest {

    @Inject
    TokenConfig config;

    @Inject
    ResidentTokens tokens;

    @Test
    void backendAcceptsAGatewayTokenAsAResident() {
        given().auth().oauth2(tokens.issue("o-trust-" + System.nanoTime()).token())
                .when().get(BackendProcess.baseUrl() + "/api/v1/drafts")
                .then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void backendRefusesAnExpiredGatewayToken() {
        Clock threeHoursAgo = Clock.offset(Clock.systemUTC(), Duration.ofHours(-3));
        String expired = new ResidentTokens(config, threeHoursAgo).issue("o-expired").token();
        given().auth().oauth2(expired).when().get(BackendProcess.baseUrl() + "/api/v1/drafts")
                .then().statusCode(401);
        given().auth().oauth2(expired).when().get("/mp/v1/drafts")
                .then().statusCode(401).body("errcode", equalTo(40100));
    }

    @Test
    void backendRefusesATokenSignedByAnotherKeyEvenWithOurKeyId() throws NoSuchAlgorithmException {
        PrivateKey otherKey = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
        String kid = ((java.util.Map<?, ?>) ((java.util.List<?>) tokens.jwks().get("keys")).get(0)).get("kid").toString();
        String forged = Jwt.issuer(config.issuer()).subject("mp:forged").audience(config.audience())
                .groups(Set.of(ResidentTokens.RESIDENT)).expiresAt(Instant.now().plusSeconds(600))
                .jws().keyId(kid).algorithm(SignatureAlgorithm.RS256).sign(otherKey);
        given().auth().oauth2(forged).when().get(BackendProcess.baseUrl() + "/api/v1/drafts")
                .then().statusCode(401);
        given().auth().oauth2(forged).when().get("/mp/v1/drafts")
                .then().statusCode(401).body("errcode", equalTo(40100));
    }

    @Test
    void backendStillAcceptsKeycloakTokens() {
        given().auth().oauth2(io.onestop.assistance.testing.Tokens.of("resident1"))
                .when().get(BackendProcess.baseUrl() + "/api/v1/drafts")
                .then().statusCode(200);
    }
}

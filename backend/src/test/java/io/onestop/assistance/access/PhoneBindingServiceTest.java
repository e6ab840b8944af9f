package io.onestop.assistance.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.onestop.assistance.cases.CaseFixtures;
import io.onestop.assistance.common.ProblemException;
import io.onestop.assistance.testing.LocalStackResource;
import io.onestop.assistance.testing.OnVertx;
import io.onestop.assistance.testing.TestData;
import io.onestop.assistance.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The phone number of a resident is sealed at rest with a keyed hash for look-up, and binding it needs the real
 * name first. (Gateway tokens carrying the number are tested end to end in miniprogram-api's PhoneBindingTest.)
 */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class PhoneBindingServiceTest {

    @Inject
    ResidentService residents;

    @Inject
    PersonalDataProtector protector;

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Test
    void sealsTheNumberAtRestAndAnswersItMasked() {
        String token = Tokens.newResident();
        UUID residentId = UUID.fromString(given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"nationalId\":\"" + TestData.nationalId() + "\",\"name\":\"王芳\"}")
                .when().put("/api/v1/me/real-name").then().statusCode(200).extract().path("residentId"));

        ResidentService.BoundPhone bound = OnVertx.await(vertx, () -> residents.bindPhone(residentId, "test-subject",
                "miniprogram", new VerifiedPhone("13700001111", "86")));
        assertEquals("137****1111", bound.phone());

        Row row = new CaseFixtures(pool, vertx).row(
                "select phone_enc, phone_hash, phone_verified_at from resident where id = $1", residentId);
        assertFalse(row.getString(0).contains("13700001111"), "sealed, not in clear");
        assertEquals("13700001111", protector.decrypt(row.getString(0)));
        assertEquals(protector.lookupHash("13700001111"), row.getString(1));
        assertNotNull(row.getValue(2));
        given().auth().oauth2(token).when().get("/api/v1/me")
                .then().statusCode(200).body("realName.phone", equalTo("137****1111"));
    }

    @Test
    void refusesALoginWithoutRealNameBinding() {
        ProblemException refused = assertThrows(ProblemException.class, () -> OnVertx.await(vertx,
                () -> residents.bindPhone(null, "test-subject", "miniprogram", new VerifiedPhone("13700002222", "86"))));
        assertEquals(409, refused.status());
        assertEquals("real-name-required", refused.type());
    }
}

package io.onestop.assistance.miniprogram.notify;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onestop.assistance.miniprogram.PlatformSimulatorResource;
import io.onestop.assistance.platformsim.PlatformSimulator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The errcodes of the subscription, inbox and delegation endpoints, and of the internal send endpoint. */
@QuarkusTest
class SubscribeErrorCodeTest {

    private static final String SECRET = "Bearer " + InternalConfig.DEV_SECRET;

    @Test
    void newResidentEndpointsNeedALogin() {
        for (String path : List.of("/mp/v1/subscriptions", "/mp/v1/inbox",
                "/mp/v1/intakes/" + UUID.randomUUID() + "/delegations")) {
            given().when().get(path).then().statusCode(401).body("errcode", equalTo(40100));
        }
        given().contentType(ContentType.JSON).body("{\"code\":\"x\",\"templateIds\":[\"t\"]}")
                .when().post("/mp/v1/subscriptions").then().statusCode(401).body("errcode", equalTo(40100));
    }

    @Test
    void subscriptionsValidateTheBodyAndTheCode() {
        String user = "sub-errors-" + System.nanoTime();
        String token = login(user);
        for (String body : List.of("{\"code\":\"" + user + ".9\",\"templateIds\":[]}",
                "{\"code\":\"" + user + ".9\",\"templateIds\":[\"a\",\"b\",\"c\",\"d\"]}",
                "{\"code\":\"" + user + ".9\",\"templateIds\":[\"not a template\"]}",
                "{\"templateIds\":[\"local-application-progress\"]}",
                "not json")) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/mp/v1/subscriptions")
                    .then().statusCode(200).body("errcode", equalTo(40001)).body("data", nullValue());
        }
        // a code of someone else: messages could be pointed at another account
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"code\":\"someone-else-" + System.nanoTime() + ".1\",\"templateIds\":[\"local-application-progress\"]}")
                .when().post("/mp/v1/subscriptions")
                .then().statusCode(200).body("errcode", equalTo(40001)).body("errmsg", startsWith("code"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"code\":\"err-40029\",\"templateIds\":[\"local-application-progress\"]}")
                .when().post("/mp/v1/subscriptions")
                .then().statusCode(200).body("errcode", equalTo(40101));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"code\":\"err--1\",\"templateIds\":[\"local-application-progress\"]}")
                .when().post("/mp/v1/subscriptions")
                .then().statusCode(200).body("errcode", equalTo(50300));
        // before real-name binding the acceptance is kept under the login and follows it to the resident later
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"code\":\"" + user + ".2\",\"templateIds\":[\"local-application-progress\",\"other-template\"]}")
                .when().post("/mp/v1/subscriptions")
                .then().statusCode(200).body("errcode", equalTo(0))
                .body("data.items.find { it.templateId == 'other-template' }.remaining", equalTo(1));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"nationalId\":\"" + io.onestop.assistance.testing.TestData.nationalId() + "\",\"name\":\"王芳\"}")
                .when().put("/mp/v1/me/real-name").then().statusCode(200).body("errcode", equalTo(0));
        given().auth().oauth2(token).when().get("/mp/v1/subscriptions")
                .then().statusCode(200).body("errcode", equalTo(0))
                .body("data.items.find { it.templateId == 'other-template' }.remaining", equalTo(1));
    }

    @Test
    void inboxAndDelegationErrors() {
        String token = login("inbox-errors-" + System.nanoTime());
        given().auth().oauth2(token).when().get("/mp/v1/inbox?limit=0")
                .then().statusCode(200).body("errcode", equalTo(40001)).body("errmsg", containsString("limit"));
        given().auth().oauth2(token).when().get("/mp/v1/inbox?cursor=nonsense")
                .then().statusCode(200).body("errcode", equalTo(40001)).body("errmsg", containsString("cursor"));
        given().auth().oauth2(token).when().get("/mp/v1/inbox")
                .then().statusCode(200).body("errcode", equalTo(0)).body("data.unread", equalTo(0))
                .body("data.next", nullValue());
        given().auth().oauth2(token).when().post("/mp/v1/inbox/999999999/read")
                .then().statusCode(200).body("errcode", equalTo(40004));
        given().auth().oauth2(token).when().post("/mp/v1/inbox/abc/read")
                .then().statusCode(200).body("errcode", equalTo(40004));

        String intake = "/mp/v1/intakes/" + UUID.randomUUID() + "/delegations";
        given().auth().oauth2(token).when().get(intake).then().statusCode(200).body("errcode", equalTo(40004));
        given().auth().oauth2(token).when().get("/mp/v1/intakes/not-a-uuid/delegations")
                .then().statusCode(200).body("errcode", equalTo(40004));
        given().auth().oauth2(token).when().delete(intake + "/" + UUID.randomUUID())
                .then().statusCode(200).body("errcode", equalTo(40004));
        given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"nationalId\":\"110101199003071234\",\"phone\":\"12\",\"scope\":\"VIEW_STATUS\"}")
                .when().post(intake).then().statusCode(200).body("errcode", equalTo(40001));
    }

    @Test
    void internalSendNeedsTheSecretTrimsAndMapsPlatformAnswers() {
        PlatformSimulator simulator = PlatformSimulatorResource.simulator();
        String openid = "o-internal-" + System.nanoTime();
        String message = """
                {"openid":"%s","templateId":"local-application-progress","page":"pages/intake/status?intakeId=1",
                 "data":{"thing1":"申请已受理","thing2":"您申请的“最低生活保障”（受理编号 JZ-140105-2026-000123）已受理。",
                         "time3":"2026-12-05 10:00"}}""";

        given().contentType(ContentType.JSON).body(message.formatted(openid)).when().post("/internal/v1/subscribe-messages")
                .then().statusCode(200).body("errcode", equalTo(40300));
        given().header("Authorization", "Bearer wrong").contentType(ContentType.JSON).body(message.formatted(openid))
                .when().post("/internal/v1/subscribe-messages").then().statusCode(200).body("errcode", equalTo(40300));
        given().header("Authorization", SECRET).contentType(ContentType.JSON).body("{\"openid\":\"x\"}")
                .when().post("/internal/v1/subscribe-messages").then().statusCode(200).body("errcode", equalTo(40001));

        // no acceptance at the platform: 43101, answered as not sent (backend falls back)
        given().header("Authorization", SECRET).contentType(ContentType.JSON).body(message.formatted(openid))
                .when().post("/internal/v1/subscribe-messages")
                .then().statusCode(200).body("errcode", equalTo(0)).body("data.sent", equalTo(false));
        simulator.accept(openid, "local-application-progress");
        given().header("Authorization", SECRET).contentType(ContentType.JSON).body(message.formatted(openid))
                .when().post("/internal/v1/subscribe-messages")
                .then().statusCode(200).body("errcode", equalTo(0)).body("data.sent", equalTo(true));
        List<String> sent = simulator.sentMessagesTo(openid);
        assertEquals(1, sent.size());
        // the 37-character detail was cut to 20 (19 + "…"), else the simulator had answered 47003
        assertTrue(sent.get(0).contains("您申请的“最低生活保障”（受理编号 J…") || sent.get(0).contains("\\u2026"), sent.get(0));

        // busy platform: 50300, so backend tries again later; another refusal (scripted 43101): not sent
        given().header("Authorization", SECRET).contentType(ContentType.JSON).body(message.formatted("err--1"))
                .when().post("/internal/v1/subscribe-messages").then().statusCode(200).body("errcode", equalTo(50300));
        given().header("Authorization", SECRET).contentType(ContentType.JSON).body(message.formatted("err-43101"))
                .when().post("/internal/v1/subscribe-messages")
                .then().statusCode(200).body("errcode", equalTo(0)).body("data.sent", equalTo(false));
    }

    private static String login(String user) {
        return given().contentType(ContentType.JSON).body("{\"code\":\"" + user + ".1\"}")
                .when().post("/mp/v1/session").then().statusCode(200).extract().path("data.token");
    }
}

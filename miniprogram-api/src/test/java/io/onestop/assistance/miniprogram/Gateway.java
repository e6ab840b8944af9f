package io.onestop.assistance.miniprogram;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.concurrent.atomic.AtomicLong;

/** Test helpers that use the gateway the way the mini program does. */
final class Gateway {

    private static final AtomicLong LOGINS = new AtomicLong(System.nanoTime());

    private Gateway() {
    }

    /** A fresh wx.login code of this user (the simulator maps "user.n" to the same openid for every n). */
    static String code(String user) {
        return user + "." + LOGINS.incrementAndGet();
    }

    /** Logs in as this user and answers the bearer token. */
    static String login(String user) {
        return given().contentType(ContentType.JSON).body("{\"code\":\"" + code(user) + "\"}")
                .when().post("/mp/v1/session")
                .then().statusCode(200).extract().path("data.token");
    }
}

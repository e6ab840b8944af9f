package io.onestop.assistance.miniprogram;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Notification preferences and "call me back" through the gateway, against backend's validation. */
@QuarkusTest
class NotificationPreferencesTest {

    @Test
    void defaultsThenMyChoiceIncludingCallMeBack() {
        String token = Gateway.login("prefs-" + System.nanoTime());
        given().auth().oauth2(token).when().get("/mp/v1/me/notification-preferences").then().statusCode(200)
                .body("errcode", equalTo(0)).body("data.channels", contains("MINIPROGRAM", "SMS"))
                .body("data.callMeBack", equalTo(false)).body("data.callbackFrom", nullValue());

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"channels\":[\"SMS\"],\"callMeBack\":true,\"callbackFrom\":\"09:00\",\"callbackTo\":\"11:30\"}")
                .when().put("/mp/v1/me/notification-preferences").then().statusCode(200)
                .body("errcode", equalTo(0)).body("data.channels", contains("SMS")).body("data.callMeBack", equalTo(true));
        given().auth().oauth2(token).when().get("/mp/v1/me/notification-preferences").then().statusCode(200)
                .body("errcode", equalTo(0)).body("data.channels", contains("SMS")).body("data.callMeBack", equalTo(true))
                .body("data.callbackFrom", equalTo("09:00:00")).body("data.callbackTo", equalTo("11:30:00"));
    }

    @Test
    void invalidPreferencesAnswer40001NamingTheFieldAndChangeNothing() {
        String token = Gateway.login("prefs-" + System.nanoTime());
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"channels\":[],\"callMeBack\":true,\"callbackFrom\":\"18:00\",\"callbackTo\":\"09:00\"}")
                .when().put("/mp/v1/me/notification-preferences").then().statusCode(200)
                .body("errcode", equalTo(40001)).body("errmsg", containsString("callbackTo")).body("data", nullValue());
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"callMeBack\":false}")
                .when().put("/mp/v1/me/notification-preferences").then().statusCode(200)
                .body("errcode", equalTo(40001)).body("errmsg", containsString("channels"));
        given().auth().oauth2(token).when().get("/mp/v1/me/notification-preferences").then().statusCode(200)
                .body("data.channels", contains("MINIPROGRAM", "SMS")).body("data.callMeBack", equalTo(false));
        given().contentType(ContentType.JSON).body("{\"channels\":[]}").when().put("/mp/v1/me/notification-preferences")
                .then().statusCode(401).body("errcode", equalTo(40100));
    }
}

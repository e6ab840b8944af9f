package io.onestop.assistance.notify.sms;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;

/**
 * POSTs {@code {"phone","text"}} to {@link SmsConfig#url()} and expects {@code {"errcode":0}}. Non-blocking (Vert.x
 * web client), so it may be called from the event loop; the number and the text are never logged.
 */
@ApplicationScoped
public class HttpSmsSender implements SmsSender {

    private final WebClient client;
    private final SmsConfig config;
    private final URI endpoint;

    public HttpSmsSender(Vertx vertx, SmsConfig config) {
        this.client = WebClient.create(vertx);
        this.config = config;
        this.endpoint = URI.create(config.url());
    }

    @Override
    public Uni<Void> send(String phone, String text) {
        return client.postAbs(endpoint.toString())
                .timeout(config.timeout().toMillis())
                .sendJsonObject(new JsonObject().put("phone", phone).put("text", text))
                .onFailure().transform(failure -> new SmsNotSent("SMS provider unreachable: " + failure.getClass().getSimpleName()))
                .invoke(response -> {
                    JsonObject answer = response.statusCode() == 200 ? parse(response.bodyAsString()) : null;
                    if (answer == null || answer.getInteger("errcode", -1) != 0) {
                        throw new SmsNotSent("SMS provider refused: HTTP " + response.statusCode()
                                + (answer == null ? "" : ", errcode " + answer.getValue("errcode")));
                    }
                })
                .replaceWithVoid();
    }

    private static JsonObject parse(String body) {
        try {
            return body == null ? null : new JsonObject(body);
        } catch (RuntimeException e) {
            return null;
        }
    }
}

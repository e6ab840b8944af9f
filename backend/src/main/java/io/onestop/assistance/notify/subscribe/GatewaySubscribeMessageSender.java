package io.onestop.assistance.notify.subscribe;

import io.onestop.assistance.notify.ResidentMessage;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Takes one unit of the resident's quota, then asks the gateway ({@code POST /internal/v1/subscribe-messages},
 * shared secret) to send; the gateway trims the values to the platform's limits and calls the platform. The quota
 * statement is done before the call, so no transaction is open while the gateway works. Outcomes:
 * <ul>
 * <li>sent: {@link Outcome#SENT};</li>
 * <li>no unit left, or the platform answered 43101 (refused, used up; the count is then set to 0):
 * {@link Outcome#NOT_AVAILABLE}, the worker goes on to SMS;</li>
 * <li>platform busy (-1), gateway refused or unreachable: the unit is given back and the send fails, so the outbox
 * tries again;</li>
 * <li>no answer in time: the unit stays spent and the failure says "Timeout" (the platform may have sent it).</li>
 * </ul>
 * Neither the openid nor the text is ever logged.
 */
@ApplicationScoped
public class GatewaySubscribeMessageSender implements SubscribeMessageSender {

    private static final Logger LOG = Logger.getLogger(GatewaySubscribeMessageSender.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The gateway could not send; the message names neither the openid nor the text. */
    public static final class SubscribeNotSent extends RuntimeException {
        public SubscribeNotSent(String reason) {
            super(reason, null, false, false);
        }
    }

    private final SubscribeQuota quota;
    private final SubscribeConfig config;
    private final WebClient client;
    private final Clock clock;

    public GatewaySubscribeMessageSender(SubscribeQuota quota, SubscribeConfig config, Vertx vertx, Clock clock) {
        this.quota = quota;
        this.config = config;
        this.client = WebClient.create(vertx);
        this.clock = clock;
        if (config.enabled() && SubscribeConfig.DEV_SECRET.equals(config.gatewaySecret())) {
            LOG.warn("Subscribe messages use the public DEVELOPMENT secret to call the gateway: set "
                    + "MINIPROGRAM_INTERNAL_SECRET (in both services) outside the local stack");
        }
    }

    @Override
    public Uni<Outcome> send(String ownerKey, UUID intakeId, ResidentMessage message) {
        if (!config.enabled()) {
            return Uni.createFrom().item(Outcome.NOT_AVAILABLE);
        }
        String template = config.templateId();
        return quota.take(ownerKey, template).chain(taken -> {
            if (taken.isEmpty()) {
                return Uni.createFrom().item(Outcome.NOT_AVAILABLE);
            }
            String hash = taken.get().openidHash();
            return call(body(taken.get().openid(), intakeId, message)).onItemOrFailure().transformToUni((sent, failure) -> {
                if (failure == null) {
                    return sent ? Uni.createFrom().item(Outcome.SENT)
                            : quota.usedUp(ownerKey, template, hash).replaceWith(Outcome.NOT_AVAILABLE);
                }
                if (failure.getMessage() != null && failure.getMessage().contains("Timeout")) {
                    return Uni.createFrom().failure(failure); // maybe sent: the unit stays spent
                }
                return quota.giveBack(ownerKey, template, hash).chain(() -> Uni.createFrom().failure(failure));
            });
        });
    }

    /** The template's keywords: what happened ({@code thing1}), details ({@code thing2}), when ({@code time3}). */
    JsonObject body(String openid, UUID intakeId, ResidentMessage message) {
        return new JsonObject()
                .put("openid", openid)
                .put("templateId", config.templateId())
                .put("page", intakeId == null ? config.page() : config.page() + "?intakeId=" + intakeId)
                .put("data", new JsonObject()
                        .put("thing1", message.title())
                        .put("thing2", message.body())
                        .put("time3", TIME.format(ZonedDateTime.now(clock))));
    }

    /** True: sent; false: the platform refused (43101); a failure: not sent (or, for a timeout, unknown). */
    private Uni<Boolean> call(JsonObject body) {
        return client.postAbs(config.gatewayUrl().replaceAll("/+$", "") + "/internal/v1/subscribe-messages")
                .timeout(config.timeout().toMillis())
                .putHeader("Authorization", "Bearer " + config.gatewaySecret())
                .sendJsonObject(body)
                .onFailure().transform(failure -> new SubscribeNotSent("gateway unreachable: " + failure.getClass().getSimpleName()))
                .map(response -> {
                    JsonObject answer = response.statusCode() == 200 ? parse(response.bodyAsString()) : null;
                    if (answer == null || answer.getInteger("errcode", -1) != 0) {
                        throw new SubscribeNotSent("gateway refused: HTTP " + response.statusCode()
                                + (answer == null ? "" : ", errcode " + answer.getValue("errcode")));
                    }
                    JsonObject data = answer.getJsonObject("data");
                    return data != null && Boolean.TRUE.equals(data.getBoolean("sent"));
                });
    }

    private static JsonObject parse(String body) {
        try {
            return body == null ? null : new JsonObject(body);
        } catch (RuntimeException e) {
            return null;
        }
    }
}

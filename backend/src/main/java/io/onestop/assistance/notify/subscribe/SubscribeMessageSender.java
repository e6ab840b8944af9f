package io.onestop.assistance.notify.subscribe;

import io.onestop.assistance.notify.ResidentMessage;
import io.smallrye.mutiny.Uni;
import java.util.UUID;

/**
 * Sends one mini-program subscribe message to a resident. The platform allows one message per acceptance of a
 * template, to the openid that accepted it; the gateway stores nothing, so backend keeps both
 * ({@link SubscribeQuota}, filled through {@code POST /api/v1/me/subscribe-acceptances}) and calls the gateway,
 * which holds the platform's access token ({@link GatewaySubscribeMessageSender}).
 */
public interface SubscribeMessageSender {

    enum Outcome {
        /** The platform accepted the message. */
        SENT,
        /** No way to reach this resident here (no acceptance left, or the platform refused it): try the next channel. */
        NOT_AVAILABLE
    }

    /**
     * Fails when the gateway or platform could not take the message (busy, unreachable: the event is tried again
     * later); a failure whose message contains "Timeout" means the outcome is unknown (never sent again).
     */
    Uni<Outcome> send(String ownerKey, UUID intakeId, ResidentMessage message);
}

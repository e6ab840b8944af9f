package io.onestop.assistance.notify.subscribe;

import io.onestop.assistance.notify.ResidentMessage;
import io.smallrye.mutiny.Uni;

/**
 * Sends one mini-program subscribe message to a resident, through miniprogram-api (which holds the platform's
 * access token and applies its quota: one message per acceptance of a template).
 * <p>
 * Not connected yet: the gateway only knows a pseudonym of the openid ({@code mp:} + HMAC) and stores nothing, so
 * the acceptances (quota) and the link from a resident to an openid must first be stored somewhere (a backend table
 * filled by a gateway call when {@code wx.requestSubscribeMessage} succeeds). Until then
 * {@link NotConnectedSubscribeMessageSender} answers {@link Outcome#NOT_AVAILABLE} and the worker falls through to
 * the next channel (SMS).
 */
public interface SubscribeMessageSender {

    enum Outcome {
        /** The platform accepted the message. */
        SENT,
        /** No way to reach this resident here (no mini-program login, no acceptance left): try the next channel. */
        NOT_AVAILABLE
    }

    /** Fails when the gateway or platform could not be reached (the event is tried again later). */
    Uni<Outcome> send(String ownerKey, ResidentMessage message);
}

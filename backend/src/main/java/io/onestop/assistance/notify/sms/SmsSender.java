package io.onestop.assistance.notify.sms;

import io.smallrye.mutiny.Uni;

/**
 * Sends one text message to a mobile number. The provider is a deployment choice; {@link HttpSmsSender} speaks the
 * small JSON API that the local platform simulator offers and that an adapter to a real provider can offer too.
 */
public interface SmsSender {

    /** Completes when the provider accepted the text; fails with {@link SmsNotSent} otherwise. */
    Uni<Void> send(String phone, String text);

    /** The provider refused or could not be reached; the message names neither the number nor the text. */
    final class SmsNotSent extends RuntimeException {
        public SmsNotSent(String reason) {
            super(reason);
        }
    }
}

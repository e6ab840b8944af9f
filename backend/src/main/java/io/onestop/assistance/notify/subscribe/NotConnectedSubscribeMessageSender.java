package io.onestop.assistance.notify.subscribe;

import io.onestop.assistance.notify.ResidentMessage;
import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The subscribe-message channel until the gateway endpoint exists: never available (see the interface). */
@ApplicationScoped
@DefaultBean
public class NotConnectedSubscribeMessageSender implements SubscribeMessageSender {

    @Override
    public Uni<Outcome> send(String ownerKey, ResidentMessage message) {
        return Uni.createFrom().item(Outcome.NOT_AVAILABLE);
    }
}

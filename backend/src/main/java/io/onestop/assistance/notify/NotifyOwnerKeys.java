package io.onestop.assistance.notify;

import io.onestop.assistance.access.OwnerKeyChange;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Inbox messages, call-back tasks and preferences follow their owner to the resident key at real-name binding. When
 * the person already chose preferences under the resident key (through their other login), those stay.
 */
@ApplicationScoped
class NotifyOwnerKeys implements OwnerKeyChange {

    @Override
    public Uni<Void> rekey(Mutiny.Session session, String fromSubject, String toOwnerKey) {
        return update(session, "update inbox_message set owner_key = ?1 where owner_key = ?2", fromSubject, toOwnerKey)
                .chain(() -> update(session, "update callback_task set owner_key = ?1 where owner_key = ?2",
                        fromSubject, toOwnerKey))
                .chain(() -> update(session, """
                        update notification_preference set owner_key = ?1 where owner_key = ?2
                          and not exists (select 1 from notification_preference where owner_key = ?1)""",
                        fromSubject, toOwnerKey))
                .chain(() -> session.createNativeQuery("delete from notification_preference where owner_key = ?1")
                        .setParameter(1, fromSubject).executeUpdate().replaceWithVoid());
    }

    private static Uni<Void> update(Mutiny.Session session, String sql, String from, String to) {
        return session.createNativeQuery(sql).setParameter(1, to).setParameter(2, from).executeUpdate().replaceWithVoid();
    }
}

package io.onestop.assistance.intake;

import io.onestop.assistance.access.OwnerKeyChange;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

/** Drafts, intakes and the idempotency records of submissions follow their owner to the resident key. */
@ApplicationScoped
class IntakeOwnerKeys implements OwnerKeyChange {

    @Override
    public Uni<Void> rekey(Mutiny.Session session, String fromSubject, String toOwnerKey) {
        return update(session, "draft", fromSubject, toOwnerKey)
                .chain(() -> update(session, "intake", fromSubject, toOwnerKey))
                // a retry after binding must still find the first answer, or it would submit twice
                .chain(() -> update(session, "idempotency_record", fromSubject, toOwnerKey));
    }

    static Uni<Void> update(Mutiny.Session session, String table, String from, String to) {
        return session.createNativeQuery("update " + table + " set owner_subject = ?1 where owner_subject = ?2")
                .setParameter(1, to)
                .setParameter(2, from)
                .executeUpdate()
                .replaceWithVoid();
    }
}

package io.onestop.assistance.documents;

import io.onestop.assistance.access.OwnerKeyChange;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

/** Documents uploaded before real-name binding stay the uploader's afterwards. */
@ApplicationScoped
class DocumentOwnerKeys implements OwnerKeyChange {

    @Override
    public Uni<Void> rekey(Mutiny.Session session, String fromSubject, String toOwnerKey) {
        return session.createNativeQuery("update document set owner_subject = ?1 where owner_subject = ?2")
                .setParameter(1, toOwnerKey)
                .setParameter(2, fromSubject)
                .executeUpdate()
                .replaceWithVoid();
    }
}

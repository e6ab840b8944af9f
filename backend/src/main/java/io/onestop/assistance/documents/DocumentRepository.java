package io.onestop.assistance.documents;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DocumentRepository implements PanacheRepositoryBase<Document, UUID> {

    /** A document of this draft or intake, or null. */
    public Uni<Document> findHeld(UUID holderId, UUID id) {
        return find("id = ?1 and (draftId = ?2 or intakeId = ?2)", id, holderId).firstResult();
    }

    /** Every document of a draft or intake that has arrived, oldest first; callers filter what staff may see. */
    public Uni<List<Document>> listHeld(UUID holderId) {
        return list("(draftId = ?1 or intakeId = ?1) and status not in ?2 order by createdAt",
                holderId, DocumentStatus.NOT_LISTED);
    }

    /** Documents held plus uploads in flight: what the per-application limit counts. */
    public Uni<Long> countTowardsLimit(UUID holderId) {
        return count("(draftId = ?1 or intakeId = ?1) and status not in ?2", holderId, DocumentStatus.NOT_COUNTED);
    }

    /** The live document with these bytes in this draft or intake, or null. */
    public Uni<Document> findSameBytes(UUID holderId, String sha256) {
        return find("(draftId = ?1 or intakeId = ?1) and sha256 = ?2 and status not in ?3", holderId, sha256,
                DocumentStatus.NOT_COUNTED).firstResult();
    }
}

package io.onestop.assistance.documents;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DocumentRequestRepository implements PanacheRepositoryBase<DocumentRequest, UUID> {

    public Uni<List<DocumentRequest>> listOpen(UUID intakeId) {
        return list("intakeId = ?1 and fulfilledAt is null order by requestedAt", intakeId);
    }
}

package io.onestop.assistance.intake;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DraftRepository implements PanacheRepositoryBase<Draft, UUID> {

    /** A draft of this owner, or null: a foreign draft is indistinguishable from a missing one. */
    public Uni<Draft> findOwned(String owner, UUID id) {
        return find("id = ?1 and ownerSubject = ?2", id, owner).firstResult();
    }

    public Uni<List<Draft>> listOwned(String owner) {
        return list("ownerSubject = ?1 order by updatedAt desc", owner);
    }

    public Uni<Boolean> deleteOwned(String owner, UUID id) {
        return delete("id = ?1 and ownerSubject = ?2", id, owner).map(count -> count > 0);
    }
}

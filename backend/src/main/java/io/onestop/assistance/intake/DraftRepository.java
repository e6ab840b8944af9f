package io.onestop.assistance.intake;

import io.onestop.assistance.common.PageRequest;
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

    /** A page of this owner's drafts, newest first, plus one more when there is a next page. */
    public Uni<List<Draft>> listOwned(String owner, PageRequest page) {
        var query = page.first()
                ? find("ownerSubject = ?1 order by createdAt desc, id desc", owner)
                : find("ownerSubject = ?1 and (createdAt < ?2 or (createdAt = ?2 and id < ?3)) order by createdAt desc, id desc",
                        owner, page.beforeTime(), page.beforeId());
        return query.range(0, page.limit()).list();
    }

    public Uni<Boolean> deleteOwned(String owner, UUID id) {
        return delete("id = ?1 and ownerSubject = ?2", id, owner).map(count -> count > 0);
    }
}

package io.onestop.assistance.intake;

import io.onestop.assistance.common.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class IntakeRepository implements PanacheRepositoryBase<Intake, UUID> {

    /** A page of this owner's intakes, newest first, plus one more when there is a next page. */
    public Uni<List<Intake>> listOwned(String owner, PageRequest page) {
        var query = page.first()
                ? find("ownerSubject = ?1 order by submittedAt desc, id desc", owner)
                : find("ownerSubject = ?1 and (submittedAt < ?2 or (submittedAt = ?2 and id < ?3)) "
                        + "order by submittedAt desc, id desc", owner, page.beforeTime(), page.beforeId());
        return query.range(0, page.limit()).list();
    }

    public Uni<Intake> findActiveByApplicant(String nationalIdHash) {
        return find("applicantNationalIdHash = ?1 and status = ?2", nationalIdHash, Intake.Status.ACTIVE).firstResult();
    }
}

package io.onestop.assistance.intake;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class IntakeRepository implements PanacheRepositoryBase<Intake, UUID> {

    public Uni<Intake> findOwned(String owner, UUID id) {
        return find("id = ?1 and ownerSubject = ?2", id, owner).firstResult();
    }

    public Uni<List<Intake>> listOwned(String owner) {
        return list("ownerSubject = ?1 order by submittedAt desc", owner);
    }

    public Uni<Intake> findActiveByApplicant(String nationalIdHash) {
        return find("applicantNationalIdHash = ?1 and status = ?2", nationalIdHash, Intake.Status.ACTIVE).firstResult();
    }
}

package io.onestop.assistance.cases;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CaseDecisionRepository implements PanacheRepositoryBase<CaseDecision, UUID> {

    public Uni<List<CaseDecision>> listByCases(Collection<UUID> caseIds) {
        return caseIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("caseId in ?1", caseIds);
    }
}

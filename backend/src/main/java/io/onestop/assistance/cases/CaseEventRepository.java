package io.onestop.assistance.cases;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CaseEventRepository implements PanacheRepositoryBase<CaseEvent, Long> {

    public Uni<List<CaseEvent>> listByCase(UUID caseId) {
        return list("caseId = ?1 order by id", caseId);
    }

    public Uni<List<CaseEvent>> listByIntake(UUID intakeId) {
        return list("intakeId = ?1 order by id", intakeId);
    }
}

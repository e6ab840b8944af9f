package io.onestop.assistance.intake;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ProgramCaseRepository implements PanacheRepositoryBase<ProgramCase, UUID> {

    public Uni<List<ProgramCase>> listByIntake(UUID intakeId) {
        return list("intakeId = ?1 order by program", intakeId);
    }

    public Uni<List<ProgramCase>> listByIntakes(Collection<UUID> intakeIds) {
        return intakeIds.isEmpty() ? Uni.createFrom().item(List.of())
                : list("intakeId in ?1 order by program", intakeIds);
    }
}

package io.onestop.assistance.delegation;

import io.onestop.assistance.access.ActiveDelegations;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DelegationRepository implements PanacheRepositoryBase<Delegation, UUID>, ActiveDelegations {

    /** Delegations of this resident to this intake that work on {@code day}. */
    public Uni<List<Delegation>> listActive(UUID intakeId, UUID delegateResidentId, LocalDate day) {
        return list("intakeId = ?1 and delegateResidentId = ?2 and revokedAt is null and endsOn >= ?3",
                intakeId, delegateResidentId, day);
    }

    @Override
    public Uni<Active> widestActive(UUID intakeId, UUID delegateResidentId, LocalDate day) {
        return listActive(intakeId, delegateResidentId, day).map(active -> active.stream()
                .max(Comparator.comparing((Delegation d) -> d.scope).thenComparing(d -> d.endsOn))
                .map(d -> new Active(d.id, d.scope))
                .orElse(null));
    }

    public Uni<List<Delegation>> listByIntake(UUID intakeId) {
        return list("intakeId = ?1 order by createdAt desc", intakeId);
    }

    public Uni<List<Delegation>> listActiveReceived(UUID delegateResidentId, LocalDate day) {
        return list("delegateResidentId = ?1 and revokedAt is null and endsOn >= ?2 order by createdAt desc",
                delegateResidentId, day);
    }
}

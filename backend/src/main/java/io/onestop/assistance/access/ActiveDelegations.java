package io.onestop.assistance.access;

import io.smallrye.mutiny.Uni;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Implemented by the delegation context, which owns delegations, so that {@link IntakeAccess} can decide without
 * reading its tables. Call inside a session.
 */
public interface ActiveDelegations {

    /** A delegation in force: not revoked, end date not passed. */
    record Active(UUID delegationId, DelegationScope scope) {
    }

    /** The widest delegation of this intake to this resident in force on {@code day}; null when there is none. */
    Uni<Active> widestActive(UUID intakeId, UUID delegateResidentId, LocalDate day);
}

package io.onestop.assistance.documents;

import io.onestop.assistance.access.IntakeAccess;
import io.onestop.assistance.access.StaffScope;
import java.util.UUID;

/**
 * Who asks: the owner key (token subject before real-name binding), the resident id once bound (family delegations
 * name residents), and for staff the agency and region they may see.
 */
public record Caller(String subject, UUID residentId, StaffScope scope) {

    /** Staff roles that work on cases and may open their documents. */
    public boolean isCaseStaff() {
        return scope.hasRole("caseworker") || scope.hasRole("approver");
    }

    public boolean isResident() {
        return scope.hasRole("resident");
    }

    /** The role named in audit rows. */
    public String auditRole() {
        return scope.hasRole("approver") ? "approver" : scope.hasRole("caseworker") ? "caseworker" : "resident";
    }

    IntakeAccess.Accessor accessor() {
        return new IntakeAccess.Accessor(subject, residentId, scope);
    }
}

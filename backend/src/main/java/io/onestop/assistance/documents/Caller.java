package io.onestop.assistance.documents;

import io.onestop.assistance.access.StaffScope;

/** Who asks: the token subject, and for staff the agency and region they may see. */
public record Caller(String subject, StaffScope scope) {

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
}

package io.onestop.assistance.cases;

import io.onestop.assistance.access.StaffScope;
import io.onestop.assistance.cases.workflow.Workflow;

/** A staff member acting on cases: their token subject and their scope (agency, region, roles). */
public record StaffActor(String subject, StaffScope scope) {

    /** The role named in the audit log and timeline for acts that are not a transition. */
    public String mainRole() {
        return scope.hasRole(Workflow.APPROVER) ? Workflow.APPROVER : Workflow.CASEWORKER;
    }
}

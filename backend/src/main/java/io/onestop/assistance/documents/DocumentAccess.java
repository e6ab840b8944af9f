package io.onestop.assistance.documents;

import io.onestop.assistance.intake.ApplicationOutline;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one decision of who may see the documents of an application. Delegated family members (issue 6) are a third
 * grant added here; every endpoint already asks only this method.
 */
@ApplicationScoped
public class DocumentAccess {

    public enum Grant {
        /** The resident who owns the application: everything, including documents still being scanned. */
        OWNER,
        /** Staff whose agency and region cover one of the application's cases: scanned documents only, audited. */
        STAFF,
        NONE
    }

    public Grant grantOf(Caller caller, ApplicationOutline application) {
        if (caller.isResident() && caller.subject().equals(application.ownerSubject())) {
            return Grant.OWNER;
        }
        if (caller.isCaseStaff() && application.cases().stream()
                .anyMatch(c -> caller.scope().covers(c.agency(), c.regionCode()))) {
            return Grant.STAFF;
        }
        return Grant.NONE;
    }
}

package io.onestop.assistance.documents;

import io.onestop.assistance.access.IntakeAccess;
import io.onestop.assistance.access.IntakeAccess.CaseArea;
import io.onestop.assistance.access.IntakeAccess.Grant;
import io.onestop.assistance.access.IntakeAccess.Kind;
import io.onestop.assistance.access.IntakeAccess.Need;
import io.onestop.assistance.common.ProblemException;
import io.onestop.assistance.intake.ApplicationOutline;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who may do what with the documents of an application. A draft is its owner's alone; for a submitted intake the
 * one decision of {@link IntakeAccess} applies (owner, family delegate by scope, staff in scope). Every endpoint asks
 * only this method; call inside a session.
 */
@ApplicationScoped
public class DocumentAccess {

    private final IntakeAccess intakeAccess;

    public DocumentAccess(IntakeAccess intakeAccess) {
        this.intakeAccess = intakeAccess;
    }

    /**
     * The grant when it allows {@code need}, else 404 as for a stranger. On an intake the refusal is audited by
     * {@link IntakeAccess#require} (a delegate beyond its scope included); a draft is found by its owner's key only,
     * so no one else ever reaches it.
     */
    public Uni<Grant> require(Caller caller, ApplicationOutline application, Need need) {
        if (application.submitted()) {
            return intakeAccess.require(caller.accessor(), application.id(), application.ownerSubject(), areas(application), need);
        }
        return grantOf(caller, application).map(grant -> {
            if (!need.allowedBy(grant)) {
                throw ProblemException.notFound("No such application.");
            }
            return grant;
        });
    }

    public Uni<Grant> grantOf(Caller caller, ApplicationOutline application) {
        if (!application.submitted()) {
            return Uni.createFrom().item(caller.isResident() && caller.subject().equals(application.ownerSubject())
                    ? new Grant(Kind.OWNER, null, null) : Grant.NONE);
        }
        return intakeAccess.grantOf(caller.accessor(), application.id(), application.ownerSubject(), areas(application));
    }

    private static java.util.List<CaseArea> areas(ApplicationOutline application) {
        return application.cases().stream().map(c -> new CaseArea(c.agency(), c.regionCode())).toList();
    }
}

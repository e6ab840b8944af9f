package io.onestop.assistance.access;

import io.onestop.assistance.common.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The one decision of what a caller may do with a submitted intake: its owner everything, a family delegate what
 * the scope of an active delegation allows, case staff whose agency and region cover one of its cases what their
 * work needs, anyone else nothing. Tracking, documents and intake ask only this; an expired or revoked delegation
 * is no grant at all, so its former delegate gets the same 404 as a stranger.
 */
@ApplicationScoped
public class IntakeAccess {

    public enum Kind {
        OWNER, DELEGATE, STAFF, NONE
    }

    /** What one caller may do with one intake. {@code scope} and {@code delegationId} are set for delegates. */
    public record Grant(Kind kind, DelegationScope scope, UUID delegationId) {

        public static final Grant NONE = new Grant(Kind.NONE, null, null);

        public boolean isOwner() {
            return kind == Kind.OWNER;
        }

        public boolean isDelegate() {
            return kind == Kind.DELEGATE;
        }

        public boolean mayViewStatus() {
            return kind == Kind.OWNER || kind == Kind.DELEGATE;
        }

        /** The checklist and document details (type, state), which a delegate needs to answer a request for documents. */
        public boolean mayListDocuments() {
            return kind == Kind.OWNER || kind == Kind.STAFF || (kind == Kind.DELEGATE && scope.allowsUpload());
        }

        /**
         * The bytes of documents: id cards, bank cards, medical records. A delegate only when trusted to act for the
         * applicant (ACT_FOR_ME), and then audited like a staff view; uploading alone does not need them.
         */
        public boolean mayDownloadDocuments() {
            return kind == Kind.OWNER || kind == Kind.STAFF || (kind == Kind.DELEGATE && scope.allowsActing());
        }

        public boolean mayUploadDocuments() {
            return kind == Kind.OWNER || (kind == Kind.DELEGATE && scope.allowsUpload());
        }

        public boolean mayWithdraw() {
            return kind == Kind.OWNER || (kind == Kind.DELEGATE && scope.allowsActing());
        }
    }

    /**
     * What a caller asks to do with an intake, with the action its refusal is audited as. A refusal of a caller who
     * holds some grant (a delegate beyond its scope, staff asking for a resident's act) is as much a denial as a
     * stranger's, and more telling: the audit row names the delegation and its scope.
     */
    public enum Need {
        /** The full application: applicant, address, household, evaluation. The owner's alone. */
        READ_APPLICATION("READ_APPLICATION", Grant::isOwner),
        /** Grant, list and revoke family delegations: the owner's alone. */
        MANAGE_DELEGATIONS("MANAGE_DELEGATIONS", Grant::isOwner),
        /** A change of circumstances: the applicant's own statement about the household. The owner's alone. */
        REVISE("REVISE_INTAKE", Grant::isOwner),
        VIEW_STATUS("READ_STATUS", Grant::mayViewStatus),
        LIST_DOCUMENTS("VIEW_DOCUMENT_DETAILS", Grant::mayListDocuments),
        DOWNLOAD_DOCUMENTS("VIEW_DOCUMENT", Grant::mayDownloadDocuments),
        UPLOAD_DOCUMENTS("UPLOAD_DOCUMENT", Grant::mayUploadDocuments),
        WITHDRAW("WITHDRAW_INTAKE", Grant::mayWithdraw),
        /** Sign or revoke a member's verification consent: the household's own declaration, the owner's alone. */
        CONSENT("VERIFICATION_CONSENT", Grant::isOwner),
        /** Answer a request for documents, which moves the case on: the owner's alone. */
        RESUBMIT("RESUBMIT_CASE", Grant::isOwner);

        private final String action;
        private final java.util.function.Predicate<Grant> allows;

        Need(String action, java.util.function.Predicate<Grant> allows) {
            this.action = action;
            this.allows = allows;
        }

        public boolean allowedBy(Grant grant) {
            return allows.test(grant);
        }

        /** The audited action: {@code DELEGATE_UPLOAD_DOCUMENT} for a delegate, as the delegate's allowed acts are. */
        String actionOf(Grant grant) {
            return grant.isDelegate() ? "DELEGATE_" + action : action;
        }
    }

    /** Who asks: their owner key, their resident id once real-name bound, and their roles and staff scope. */
    public record Accessor(String ownerKey, UUID residentId, StaffScope scope) {

        public static Accessor of(SecurityIdentity identity, JsonWebToken token) {
            return new Accessor(OwnerKeys.of(identity), OwnerKeys.residentId(identity), StaffScope.of(token, identity.getRoles()));
        }

        public boolean isResident() {
            return scope.hasRole("resident");
        }

        public boolean isCaseStaff() {
            return scope.hasRole("caseworker") || scope.hasRole("approver");
        }

        /** The role named in audit rows. */
        public String auditRole() {
            for (String role : List.of("approver", "caseworker", "hotline", "admin", "auditor")) {
                if (scope.hasRole(role)) {
                    return role;
                }
            }
            return "resident";
        }
    }

    /** The agency and region that handle one case of the intake: what staff scope is checked against. */
    public record CaseArea(String agency, String regionCode) {
    }

    private final ActiveDelegations delegations;
    private final Clock clock;
    private final AuditLog audit;

    public IntakeAccess(ActiveDelegations delegations, Clock clock, AuditLog audit) {
        this.delegations = delegations;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * The caller's grant on the intake {@code intakeId} owned by {@code ownerKey}; call inside a session. A login with
     * no grant at all on an existing intake is a denial: audited in a transaction of its own (the request then ends
     * in a 404 whose rollback must not take the record with it).
     */
    public Uni<Grant> grantOf(Accessor caller, UUID intakeId, String ownerKey, List<CaseArea> cases) {
        return decide(caller, intakeId, ownerKey, cases).call(grant -> grant.kind() != Kind.NONE ? Uni.createFrom().voidItem()
                : audit.recordAlone(new AuditLog.Entry(caller.ownerKey(), caller.auditRole(), "ACCESS_INTAKE", "INTAKE",
                        intakeId.toString(), "DENIED", null)));
    }

    /**
     * The caller's grant when it allows {@code need}; otherwise a 404 ("No such application.", as for a stranger)
     * after the refusal is audited in a transaction of its own: no grant at all as {@code ACCESS_INTAKE}, a grant that
     * does not reach this far under the need's action with the delegation and its scope (or the staff role) as the
     * reason. Call inside a session.
     */
    public Uni<Grant> require(Accessor caller, UUID intakeId, String ownerKey, List<CaseArea> cases, Need need) {
        return grantOf(caller, intakeId, ownerKey, cases).call(grant -> grant.kind() == Kind.NONE || need.allowedBy(grant)
                ? Uni.createFrom().voidItem() : refusedBeyond(caller, intakeId, grant, need)).map(grant -> {
                    if (!need.allowedBy(grant)) {
                        throw ProblemException.notFound("No such application.");
                    }
                    return grant;
                });
    }

    /**
     * A draft is its owner's alone: no delegation or staff scope reaches a draft, and only residents have draft
     * endpoints (the hotline prepares drafts under the resident's own key). {@code draftOwnerKey} is the owner of the
     * draft {@code draftId}, null when there is no such draft. Nothing happens for the owner; anyone else gets a 404
     * ("No such draft.", as for a missing one), after a draft that exists was audited as an {@code ACCESS_DRAFT}
     * denial in a transaction of its own (an unknown id leaves no row).
     */
    public Uni<Void> requireDraftOwner(String callerKey, UUID draftId, String draftOwnerKey) {
        if (draftOwnerKey != null && draftOwnerKey.equals(callerKey)) {
            return Uni.createFrom().voidItem();
        }
        Uni<Void> denial = draftOwnerKey == null ? Uni.createFrom().voidItem()
                : audit.recordAlone(new AuditLog.Entry(callerKey, "resident", "ACCESS_DRAFT", "DRAFT", draftId.toString(),
                        "DENIED", null));
        return denial.chain(() -> Uni.createFrom().failure(ProblemException.notFound("No such draft.")));
    }

    /** Audits a caller who holds a grant on the intake asking for more than it allows. */
    private Uni<Void> refusedBeyond(Accessor caller, UUID intakeId, Grant grant, Need need) {
        String reason = grant.isDelegate()
                ? "delegation " + grant.delegationId() + ", scope " + grant.scope() + " does not allow " + need
                : grant.kind() + " as " + caller.auditRole() + " does not allow " + need;
        return audit.recordAlone(new AuditLog.Entry(caller.ownerKey(), grant.isDelegate() ? "delegate" : caller.auditRole(),
                need.actionOf(grant), "INTAKE", intakeId.toString(), "DENIED", reason));
    }

    private Uni<Grant> decide(Accessor caller, UUID intakeId, String ownerKey, List<CaseArea> cases) {
        if (caller.isResident()) {
            if (caller.ownerKey().equals(ownerKey)) {
                return Uni.createFrom().item(new Grant(Kind.OWNER, null, null));
            }
            if (caller.residentId() == null) {
                return Uni.createFrom().item(Grant.NONE); // delegations name real-name bound residents only
            }
            return delegations.widestActive(intakeId, caller.residentId(), LocalDate.now(clock))
                    .map(active -> active == null ? Grant.NONE : new Grant(Kind.DELEGATE, active.scope(), active.delegationId()));
        }
        if (caller.isCaseStaff() && cases.stream().anyMatch(c -> caller.scope().covers(c.agency(), c.regionCode()))) {
            return Uni.createFrom().item(new Grant(Kind.STAFF, null, null));
        }
        return Uni.createFrom().item(Grant.NONE);
    }
}

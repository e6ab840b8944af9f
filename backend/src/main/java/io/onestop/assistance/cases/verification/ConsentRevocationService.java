package io.onestop.assistance.cases.verification;

import io.onestop.assistance.access.IntakeAccess.Accessor;
import io.onestop.assistance.access.AuditLog;
import io.onestop.assistance.cases.CaseService;
import io.onestop.assistance.cases.api.CaseViews.CaseProgress;
import io.onestop.assistance.cases.workflow.Workflow;
import io.onestop.assistance.programs.LocalizedText;
import io.onestop.assistance.programs.Program;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Revocation of a verification consent and what it means for the application: verification stops, so the cases still
 * ahead of verification cannot be verified (nor approved) until the member signs again. Audited.
 */
@ApplicationScoped
public class ConsentRevocationService {

    @Schema(name = "ConsentRevocation", example = """
            {"memberId":"m2","affectedPrograms":["MINIMUM_LIVING_ALLOWANCE"],
             "meaning":{"zh":"已撤回授权。经济状况核对已停止……","en":"Consent revoked. Verification has stopped ..."},
             "consents":{"complete":false,"members":[]}}""")
    public record Revocation(String memberId,
            @Schema(description = "Programs whose verification is still ahead: they cannot be verified or approved until the member signs again")
            List<Program> affectedPrograms, LocalizedText meaning, ConsentView consents) {
    }

    private final ConsentService consents;
    private final CaseService cases;
    private final AuditLog audit;

    public ConsentRevocationService(ConsentService consents, CaseService cases, AuditLog audit) {
        this.consents = consents;
        this.cases = cases;
        this.audit = audit;
    }

    /** The resident revokes a member's consent on their own intake; 404 for anyone else's. */
    @WithTransaction
    public Uni<Revocation> revokeAsOwner(Accessor caller, UUID intakeId, String memberId) {
        String owner = caller.ownerKey();
        return consents.owned(caller, intakeId)
                .chain(intake -> consents.revoke(intake, memberId, owner)
                        .chain(status -> cases.progressOf(intake).map(progress -> revocation(memberId, progress.cases(), status)))
                        .call(revocation -> Panache.getSession().chain(session -> audit.record(session, new AuditLog.Entry(
                                owner, Workflow.RESIDENT, "REVOKE_VERIFICATION_CONSENT", "INTAKE", intakeId.toString(), "OK",
                                memberId)))));
    }

    static Revocation revocation(String memberId, List<CaseProgress> caseList, ConsentView status) {
        List<Program> affected = caseList.stream().filter(CaseProgress::verificationAhead).map(CaseProgress::program).toList();
        LocalizedText meaning;
        if (affected.isEmpty()) {
            meaning = LocalizedText.of(
                    "已撤回授权，此后不再核对该成员的经济状况。本申请目前没有等待核对的项目，已完成的核对结果仍保留在案卷中；"
                            + "今后如需复核家庭经济状况，须重新签署授权。",
                    "Consent revoked: this member's economic status is no longer verified. No program of this application "
                            + "is waiting for verification; results already on file stay there. A later review of the "
                            + "household needs the consent signed again.");
        } else {
            String zh = affected.stream().map(p -> p.shortName().zh()).collect(Collectors.joining("、"));
            String en = affected.stream().map(p -> p.shortName().en()).collect(Collectors.joining(", "));
            meaning = LocalizedText.of(
                    "已撤回授权，经济状况核对已停止。在该成员重新签署前，" + zh
                            + "无法进行核对，也无法审批；长期未重新签署的，经办机构可能因无法核对而不予批准。可随时重新签署授权。",
                    "Consent revoked; economic-status verification has stopped. Until this member signs again, " + en
                            + " cannot be verified or approved; if the consent is not given again the agency may reject "
                            + "the application because it cannot be verified. The consent can be signed again at any time.");
        }
        return new Revocation(memberId, affected, meaning, status);
    }
}

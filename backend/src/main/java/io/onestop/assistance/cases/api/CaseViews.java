package io.onestop.assistance.cases.api;

import io.onestop.assistance.cases.verification.ConsentView;
import io.onestop.assistance.cases.verification.VerificationResult;
import io.onestop.assistance.cases.workflow.CaseStep;
import io.onestop.assistance.cases.workflow.DeadlineView;
import io.onestop.assistance.intake.api.ApplicantView;
import io.onestop.assistance.programs.DocumentType;
import io.onestop.assistance.programs.Household;
import io.onestop.assistance.programs.LocalizedText;
import io.onestop.assistance.programs.Program;
import io.onestop.assistance.programs.Verdict;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answers of the cases context. Identifiers are masked; people are named by member id. */
public final class CaseViews {

    private CaseViews() {
    }

    /**
     * One line of a work queue. {@code dueAt} is the running legal clock the queue is ordered by (during a public
     * notice that is still the decision limit, while {@code deadline} shows the notice's end).
     */
    @Schema(name = "CaseSummary")
    public record CaseSummary(UUID id, UUID intakeId, String intakeNumber, String applicantName, Program program,
            String agency, String regionCode, CaseStep step, boolean urgent, int version, DeadlineView deadline,
            OffsetDateTime dueAt, boolean overdue, OffsetDateTime updatedAt,
            @Schema(description = "Hotline staff handed this case to the queue for a caller and no caseworker has moved it since")
            boolean hotlineHandoff) {
    }

    @Schema(name = "QueuePage", example = """
            {"items":[{"id":"3f0c...","intakeNumber":"JZ-140105-2026-000123","applicantName":"张伟",
              "program":"MINIMUM_LIVING_ALLOWANCE","step":"ACCEPTED","urgent":false,"version":1,"overdue":true,
              "deadline":{"kind":"DECISION","date":"2026-11-20","overdue":true,"text":{"zh":"审批期限至 11月20日","en":"decision due by 20 Nov"}}}],
             "next":"MTc2NDI5NjAwMDAwMDAwMHwzZjBj..."}""")
    public record QueuePage(List<CaseSummary> items, @Schema(description = "Cursor of the next page; null on the last") String next) {
    }

    /** A move the case may make from where it is, and whether the caller may make it. */
    public record NextStep(CaseStep to, String role, boolean yours) {
    }

    /** One timeline entry; who is the role, and the subject only for staff. */
    @Schema(name = "TimelineEntry")
    public record TimelineEntry(UUID caseId, Program program, OffsetDateTime at, String action, CaseStep from,
            CaseStep to, String actorRole, String actorSubject, String note,
            @Schema(description = "Why the case ended or was rejected (WITHDRAWN_BY_APPLICANT, CIRCUMSTANCES_CHANGED, a "
                    + "rejection reason code); null otherwise") String reasonCode,
            List<DocumentType> documents, LocalizedText text) {
    }

    @Schema(name = "Decision")
    public record DecisionView(String outcome, String reasonCode, LocalizedText reason, OffsetDateTime decidedAt,
            int intakeRevision, String parameterVersion, Verdict verdict, BigDecimal estimateAmount, String estimatePeriod) {
    }

    public record ObjectionView(UUID id, OffsetDateTime receivedAt, String text) {
    }

    /** Everything a caseworker or approver needs to handle the case. */
    @Schema(name = "CaseDetail")
    public record CaseDetail(UUID id, UUID intakeId, String intakeNumber, Program program, LocalizedText programName,
            String agency, String regionCode, CaseStep step, LocalizedText stepName, boolean urgent, boolean fastTrack,
            int version, String verdict, BigDecimal estimateAmount, String estimatePeriod, List<String> members,
            DeadlineView deadline, List<DocumentType> requestedDocuments, CaseStep returnedFrom, List<NextStep> nextSteps,
            ApplicantView applicant, Household household, ConsentView consents, VerificationResult verification,
            DecisionView decision, List<ObjectionView> objections, List<TimelineEntry> timeline, OffsetDateTime openedAt) {
    }

    /** A decision checked against its snapshot: the same household and parameters must give the same result. */
    @Schema(name = "DecisionReproduction")
    public record Reproduction(UUID caseId, String outcome, int intakeRevision, String recordedParameterVersion,
            String reproducedParameterVersion, Verdict recordedVerdict, Verdict reproducedVerdict,
            BigDecimal recordedEstimate, BigDecimal reproducedEstimate, boolean reproduced) {
    }

    /** A case as the tracking context shows it to the resident. */
    public record CaseProgress(UUID id, Program program, CaseStep step, boolean urgent, int version,
            DeadlineView deadline, List<DocumentType> requestedDocuments, java.time.LocalDate noticeEndsOn,
            boolean verificationAhead, DecisionView decision) {
    }

    /** The cases of one intake with their timeline and the household's consents, for the tracking context. */
    public record IntakeProgress(List<CaseProgress> cases, List<TimelineEntry> timeline, ConsentView consents) {
    }

    @Schema(name = "RevealedApplicant", description = "The applicant's id number and phone in clear; the reveal is audited with its reason")
    public record RevealedApplicant(String name, String nationalId, String phone) {
    }
}

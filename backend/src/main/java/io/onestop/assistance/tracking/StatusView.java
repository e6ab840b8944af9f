package io.onestop.assistance.tracking;

import io.onestop.assistance.cases.api.CaseViews.DecisionView;
import io.onestop.assistance.cases.api.CaseViews.TimelineEntry;
import io.onestop.assistance.cases.workflow.CaseStep;
import io.onestop.assistance.cases.workflow.DeadlineView;
import io.onestop.assistance.programs.DocumentType;
import io.onestop.assistance.programs.LocalizedText;
import io.onestop.assistance.programs.Program;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One status of an intake: every case with its step and deadline, the timeline, and what the resident must do. */
@Schema(name = "IntakeStatus", example = StatusView.EXAMPLE)
public record StatusView(UUID intakeId, String intakeNumber, String applicantName,
        @Schema(description = "IN_PROGRESS, ACTION_NEEDED (a to-do is open), COMPLETED (every case finished) or WITHDRAWN")
        String overallState,
        List<CaseStatus> cases, List<TimelineEntry> timeline, List<Todo> todos) {

    static final String EXAMPLE = """
            {"intakeId":"5b0e7c1d-...","intakeNumber":"JZ-140105-2026-000123","applicantName":"张伟","overallState":"ACTION_NEEDED",
             "cases":[{"caseId":"3f0c...","program":"MINIMUM_LIVING_ALLOWANCE","programName":{"zh":"最低生活保障","en":"Minimum living allowance"},
               "agency":{"zh":"民政局","en":"Civil affairs bureau"},"step":"PUBLIC_NOTICE","stepName":{"zh":"公示","en":"Public notice"},
               "version":6,"deadline":{"kind":"PUBLIC_NOTICE_ENDS","date":"2026-12-03","overdue":false,
               "text":{"zh":"公示期至 12月3日","en":"public notice ends 3 Dec"}}}],
             "timeline":[{"program":"MINIMUM_LIVING_ALLOWANCE","action":"TRANSITION","to":"ACCEPTED","actorRole":"caseworker","text":{"zh":"已受理","en":"Accepted"}}],
             "todos":[{"kind":"DOCUMENTS_REQUESTED","program":"EDUCATION_ASSISTANCE","documents":["SCHOOL_ENROLMENT_PROOF"],
               "text":{"zh":"请补充材料：在读证明","en":"Please provide: Proof of school enrolment"}}]}""";

    public record CaseStatus(UUID caseId, Program program, LocalizedText programName, LocalizedText agency,
            CaseStep step, LocalizedText stepName, boolean urgent, int version, DeadlineView deadline,
            DecisionView decision) {
    }

    /** Something the resident (or the household) should do, or may do, now. */
    public record Todo(
            @Schema(description = "DOCUMENTS_REQUESTED, CONSENT_MISSING or OBJECTION_WINDOW") String kind,
            UUID caseId, Program program, List<DocumentType> documents,
            @Schema(description = "CONSENT_MISSING: member ids of adults who have not signed") List<String> members,
            @Schema(description = "Last day, where there is one") LocalDate until,
            LocalizedText text) {
    }
}

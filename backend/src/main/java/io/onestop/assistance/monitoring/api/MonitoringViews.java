package io.onestop.assistance.monitoring.api;

import io.onestop.assistance.monitoring.SignalType;
import io.onestop.assistance.monitoring.Visit;
import io.onestop.assistance.monitoring.Warning;
import io.onestop.assistance.monitoring.WarningLevel;
import io.onestop.assistance.programs.LocalizedText;
import io.onestop.assistance.programs.Program;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and answers of the monitoring API. National id numbers are only ever answered masked. */
public final class MonitoringViews {

    private MonitoringViews() {
    }

    @Schema(name = "SignalRequest", example = """
            {"signalId":"YB-2026-000123","type":"MEDICAL_BILL","nationalId":"140105195001011234","name":"王秀英",
             "regionCode":"140105001","occurredOn":"2026-11-20","amount":32000}""")
    public record SignalRequest(
            @Schema(description = "The sending agency's own id of the signal; a re-post with the same id is a no-op")
            String signalId,
            SignalType type,
            @Schema(description = "National id number of the person concerned (GB 11643)") String nationalId,
            @Schema(description = "The person's name as on the id card") String name,
            @Schema(description = "GB/T 2260 code (6, 9 or 12 digits) of where the person lives") String regionCode,
            LocalDate occurredOn,
            @Schema(description = "Yuan: the out-of-pocket bill (MEDICAL_BILL, required) or the loss (DISASTER, optional)")
            BigDecimal amount,
            @Schema(description = "1-4, required for DISABILITY_CERTIFICATE") Integer disabilityGrade,
            @Schema(description = "The program that ends, required for PROGRAM_ENDED") Program program) {
    }

    @Schema(name = "SignalBatch")
    public record SignalBatch(List<SignalRequest> signals) {
    }

    /** One signal of a batch as stored: CREATED now, or ALREADY_RECEIVED before (then the stored values). */
    @Schema(name = "SignalReceipt")
    public record SignalReceipt(String signalId, UUID id, String status, SignalType type, String regionCode,
            @Schema(example = "1401**********1234") String nationalId, OffsetDateTime receivedAt) {
    }

    @Schema(name = "SignalBatchResult", example = """
            {"source":"MEDICAL_INSURANCE","created":1,"alreadyReceived":0,"warnings":1,
             "signals":[{"signalId":"YB-2026-000123","id":"7d1f0e44-9a55-4a39-8d8e-2b3f1c0a9e11","status":"CREATED",
                         "type":"MEDICAL_BILL","regionCode":"140105001","nationalId":"1401**********1234",
                         "receivedAt":"2026-12-05T06:00:00Z"}]}""")
    public record SignalBatchResult(String source, int created, int alreadyReceived,
            @Schema(description = "Warnings raised by this batch") int warnings, List<SignalReceipt> signals) {
    }

    /** A person as the queue shows them: the name masked, the id masked, the age. */
    @Schema(name = "MonitoredPerson")
    public record PersonView(String name, String nationalId, Integer age) {
    }

    @Schema(name = "WarningSummary")
    public record WarningSummary(UUID id, WarningLevel level, String rule, SignalType signalType, String regionCode,
            String reason, PersonView person, Warning.Status status, OffsetDateTime createdAt) {
    }

    @Schema(name = "WarningPage")
    public record WarningPage(List<WarningSummary> items, String next) {
    }

    @Schema(name = "VisitView")
    public record VisitView(UUID id, LocalDate visitedOn, Visit.Outcome outcome, String note, OffsetDateTime recordedAt) {
    }

    @Schema(name = "WarningDetail")
    public record WarningDetail(UUID id, WarningLevel level, String rule, String reason, Warning.Status status,
            String regionCode, OffsetDateTime createdAt, PersonView person,
            @Schema(description = "What the agency sent") SignalView signal,
            @Schema(description = "Programs the person gets or is being decided on now") List<Program> activePrograms,
            @Schema(description = "The person's earlier applications that ended") long pastIntakes,
            @Schema(description = "The person has an application in progress: invite is refused (409)") boolean activeIntake,
            List<VisitView> visits, String dismissReason, UUID invitationId, int version) {
    }

    @Schema(name = "MonitoringSignalView")
    public record SignalView(String source, String signalId, SignalType type, LocalizedText typeName, LocalDate occurredOn,
            BigDecimal amount, Integer disabilityGrade, Program program, OffsetDateTime receivedAt) {
    }

    @Schema(name = "VisitRequest", example = "{\"visitedOn\":\"2026-12-04\",\"outcome\":\"IN_DIFFICULTY\",\"note\":\"独居，医疗费负担重\"}")
    public record VisitRequest(LocalDate visitedOn, Visit.Outcome outcome, String note) {
    }

    @Schema(name = "DismissalRequest", example = "{\"reason\":\"入户核实：子女有赡养能力，家庭不困难\"}")
    public record DismissalRequest(String reason) {
    }

    @Schema(name = "InvitationStaffView")
    public record InvitationStaffView(UUID id, UUID warningId, List<Program> likelyPrograms, OffsetDateTime invitedAt,
            @Schema(description = "The person has logged in and bound their real name; otherwise the draft waits for them")
            boolean residentBound) {
    }

    @Schema(name = "ProgramName")
    public record ProgramName(Program program, LocalizedText name) {
    }

    @Schema(name = "MyInvitation")
    public record MyInvitation(UUID id, OffsetDateTime invitedAt,
            @Schema(description = "Why you were contacted, in plain words") String why,
            List<ProgramName> likelyPrograms,
            @Schema(description = "The prefilled draft; null once it was submitted or deleted") UUID draftId,
            @Schema(description = "How to stop being contacted") String howToOptOut,
            OffsetDateTime optedOutAt) {
    }

    @Schema(name = "OptOutView")
    public record OptOutView(UUID invitationId, OffsetDateTime optedOutAt, OffsetDateTime optedOutUntil, String message) {
    }

    @Schema(name = "DirectGrantRequest", example = """
            {"program":"OLD_AGE_ALLOWANCE","nationalId":"140105194401011234","name":"李桂兰","regionCode":"140105001"}""")
    public record DirectGrantRequest(Program program, String nationalId, String name, String regionCode, LocalDate startsOn) {
    }

    @Schema(name = "DirectGrantView")
    public record DirectGrantView(UUID id, Program program, String regionCode, PersonView person, BigDecimal amount,
            String period, LocalDate startsOn, String parameterVersion, OffsetDateTime startedAt) {
    }

    @Schema(name = "DashboardFigures")
    public record Figures(long signals, Map<WarningLevel, Long> warnings, long invited, long applied, long helped,
            long directGrants) {
    }

    @Schema(name = "DashboardRegion")
    public record RegionFigures(String regionCode, Figures figures) {
    }

    @Schema(name = "Dashboard", example = """
            {"region":"140105","totals":{"signals":3,"warnings":{"RED":1,"ORANGE":1,"YELLOW":0},"invited":1,"applied":1,
             "helped":0,"directGrants":0},"regions":[{"regionCode":"140105001","figures":{"signals":3,
             "warnings":{"RED":1,"ORANGE":1,"YELLOW":0},"invited":1,"applied":1,"helped":0,"directGrants":0}}]}""")
    public record Dashboard(String region, Figures totals, List<RegionFigures> regions) {
    }
}

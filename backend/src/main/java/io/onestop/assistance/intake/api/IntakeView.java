package io.onestop.assistance.intake.api;

import io.onestop.assistance.programs.Screening;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A submitted intake with its program cases; identifiers of the applicant are masked. */
@Schema(name = "IntakeView")
public record IntakeView(UUID id, String intakeNumber, String status, ApplicantView applicant, String regionCode,
        int revision, String parameterVersion, OffsetDateTime submittedAt, List<CaseView> cases,
        @Schema(description = "The evaluation in force, with every verdict's reasons; omitted in lists") Screening evaluation) {

    /** One program case of the intake. */
    @Schema(name = "IntakeCaseView")
    public record CaseView(UUID id, String program, String agency, String status, String verdict, boolean urgent,
            BigDecimal estimateAmount, String estimatePeriod, List<String> members, String closedReason) {
    }
}

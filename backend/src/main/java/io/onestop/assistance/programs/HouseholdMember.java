package io.onestop.assistance.programs;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One member of the household (共同生活家庭成员). The two flags count as false when omitted. */
@Schema(name = "HouseholdMember")
public record HouseholdMember(
        @NotBlank @Size(max = 40)
        @Schema(description = "Identifier of the member within this household; verdicts list these ids", example = "m1")
        String id,

        @NotNull
        @Schema(example = "APPLICANT")
        Relationship relationship,

        @NotNull
        @Schema(example = "1986-03-01")
        LocalDate birthDate,

        @Min(value = 1, message = "must be a disability grade from 1 to 4")
        @Max(value = 4, message = "must be a disability grade from 1 to 4")
        @Schema(description = "Disability grade 1 (most severe) to 4, or null", nullable = true, minimum = "1",
                maximum = "4")
        Integer disabilityGrade,

        @Schema(description = "Seriously ill", defaultValue = "false")
        boolean seriousIllness,

        @NotNull
        @Schema(example = "NONE")
        Schooling schooling,

        @NotNull
        @Schema(example = "UNEMPLOYED")
        Employment employment,

        @NotNull @PositiveOrZero @Digits(integer = 9, fraction = 2)
        @Schema(description = "Monthly income from all sources, yuan", example = "0")
        BigDecimal monthlyIncome,

        @Schema(description = "For a child: both parents dead, missing, imprisoned, grade 1-2 disabled or seriously ill",
                defaultValue = "false")
        boolean parentsUnableToRaise) {
}

package io.onestop.assistance.programs;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A household as declared by the resident (programs-spec.md "Inputs"), in the shape of the screening contract of
 * api-conventions.md. A plain value: the intake context stores it as JSONB, possibly incomplete while a draft is being
 * filled in, so nothing here rejects a value; {@link ScreeningService} validates it before it is evaluated.
 */
@Schema(name = "Household", description = "A household as declared by the resident", example = Household.EXAMPLE)
public record Household(
        @NotNull @Pattern(regexp = "\\d{6}", message = "must be a 6-digit region code")
        @Schema(description = "GB/T 2260 region code of the county or district", example = "140105")
        String regionCode,

        @NotNull
        @Schema(description = "Household registration; decides which standard applies", example = "URBAN")
        Hukou hukou,

        @Schema(description = "Date of evaluation; today (China time) when omitted", example = "2026-11-22",
                nullable = true)
        LocalDate asOf,

        @NotNull @Size(min = 1, max = 30, message = "must have between 1 and 30 members")
        @Schema(description = "Everyone sharing income, the applicant included; 1 to 30 members")
        List<@NotNull @Valid HouseholdMember> members,

        @NotNull @Valid
        Assets assets,

        @NotNull @Valid
        @Schema(description = "Out-of-pocket medical and education spending of the last 12 months")
        RigidExpenditure rigidExpenditure12m,

        @NotNull
        @Schema(description = "A legal supporter outside the household is able to support", example = "false")
        Boolean hasAbleSupporter,

        @NotNull
        @Schema(example = "ADEQUATE")
        Housing housing,

        @Valid
        @Schema(description = "A sudden event, or null", nullable = true)
        SuddenEvent suddenEvent) {

    /** The request body of the screening contract, for OpenAPI. */
    public static final String EXAMPLE = """
            {"regionCode": "140105", "hukou": "URBAN", "asOf": "2026-11-22",
             "members": [{"id": "m1", "relationship": "APPLICANT", "birthDate": "1986-03-01", "disabilityGrade": null,
                          "seriousIllness": false, "schooling": "NONE", "employment": "UNEMPLOYED", "monthlyIncome": 0,
                          "parentsUnableToRaise": false}],
             "assets": {"financialAssets": 0, "nonEssentialVehicles": 0, "ownedHomes": 1},
             "rigidExpenditure12m": {"medical": 0, "education": 0},
             "hasAbleSupporter": false, "housing": "ADEQUATE", "suddenEvent": null}""";

    /** The same household evaluated on another date. */
    public Household withAsOf(LocalDate date) {
        return new Household(regionCode, hukou, date, members, assets, rigidExpenditure12m, hasAbleSupporter, housing,
                suddenEvent);
    }
}

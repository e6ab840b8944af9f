package io.onestop.assistance.programs.parameters;

import io.onestop.assistance.programs.Hukou;
import io.onestop.assistance.programs.Program;
import io.onestop.assistance.programs.Schooling;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Every parameter of programs-spec.md for one region, in force from {@code effectiveFrom} until the next version.
 * Amounts are yuan per month unless the name says otherwise. Built only by {@link ParameterFiles}, which checks that
 * nothing is missing or negative.
 */
public record ParameterSet(
        String regionCode,
        LocalDate effectiveFrom,
        Map<Hukou, BigDecimal> mlaStandard,
        BigDecimal employmentDeduction,
        BigDecimal assetMonths,
        BigDecimal marginalMultiplier,
        BigDecimal minimumWage,
        BigDecimal disposableIncomePerCapitaMonthly,
        BigDecimal specialHardshipMultiplier,
        Map<CareLevel, BigDecimal> careAllowance,
        BigDecimal temporaryCapMonths,
        /* keyed by the status program: SPECIAL_HARDSHIP, MINIMUM_LIVING_ALLOWANCE, MARGINAL_LOW_INCOME, RIGID_EXPENDITURE */
        Map<Program, BigDecimal> medicalRatio,
        BigDecimal medicalAnnualCap,
        Map<Schooling, BigDecimal> education,
        BigDecimal disabilityLivingAllowance,
        BigDecimal severeDisabilityCareAllowance,
        BigDecimal childSubsidyFamily,
        BigDecimal childSubsidyInstitution,
        /* lower age of each band -> allowance; the lowest key is the age from which someone counts as of advanced age */
        NavigableMap<Integer, BigDecimal> oldAge,
        int retirementAge) {

    /** How an evaluation records what it used, so a decision can be reproduced: {@code 140105@2025-01-01}. */
    public String version() {
        return regionCode + "@" + effectiveFrom;
    }

    /** The MLA standard S for a household's registration. */
    public BigDecimal mlaStandard(Hukou hukou) {
        return mlaStandard.get(hukou);
    }

    /** Education assistance per month for a school level, or null when the level gets none (NONE, PRESCHOOL). */
    public BigDecimal education(Schooling schooling) {
        return education.get(schooling);
    }

    /** The age of advanced age (高龄), from which the old-age allowance is paid: the lowest band. */
    public int advancedAge() {
        return oldAge.firstKey();
    }

    /** The old-age allowance for someone of {@code age}, or null below the lowest band. */
    public BigDecimal oldAgeAllowance(int age) {
        Map.Entry<Integer, BigDecimal> band = oldAge.floorEntry(age);
        return band == null ? null : band.getValue();
    }
}

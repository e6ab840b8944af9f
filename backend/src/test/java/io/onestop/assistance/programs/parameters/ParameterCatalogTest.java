package io.onestop.assistance.programs.parameters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onestop.assistance.common.ProblemException;
import io.onestop.assistance.programs.Hukou;
import io.onestop.assistance.programs.Program;
import io.onestop.assistance.programs.Schooling;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped parameter files, the version in force on a date, and files that must stop start-up. */
class ParameterCatalogTest {

    private final ParameterCatalog catalog = ParameterCatalog.fromClasspath(ParameterCatalog.INDEX);

    @ParameterizedTest(name = "{0} on {1}: {2}, urban {3}, rural {4}")
    @CsvSource({
            "140105, 2024-07-01, 140105@2024-07-01,  630,  520",
            "140105, 2024-12-31, 140105@2024-07-01,  630,  520",
            "140105, 2025-01-01, 140105@2025-01-01,  669,  555",
            "140105, 2026-11-22, 140105@2025-01-01,  669,  555",
            "330106, 2024-07-01, 330106@2024-07-01, 1050, 1050",
            "330106, 2025-06-30, 330106@2024-07-01, 1050, 1050",
            "330106, 2025-07-01, 330106@2025-07-01, 1084, 1084"})
    void usesTheVersionInForceOnTheDate(String region, LocalDate asOf, String version, int urban, int rural) {
        ParameterSet parameters = catalog.parametersFor(region, asOf);
        assertEquals(version, parameters.version());
        assertEquals(0, BigDecimal.valueOf(urban).compareTo(parameters.mlaStandard(Hukou.URBAN)));
        assertEquals(0, BigDecimal.valueOf(rural).compareTo(parameters.mlaStandard(Hukou.RURAL)));
    }

    @Test
    void readsEveryParameterOfTheSpecTable() {
        ParameterSet p = catalog.parametersFor("140105", LocalDate.parse("2025-01-01"));
        assertEquals(0, BigDecimal.ZERO.compareTo(p.employmentDeduction()));
        assertEquals(0, BigDecimal.valueOf(24).compareTo(p.assetMonths()));
        assertEquals(0, new BigDecimal("1.5").compareTo(p.marginalMultiplier()));
        assertEquals(0, BigDecimal.valueOf(2020).compareTo(p.minimumWage()));
        assertEquals(0, BigDecimal.valueOf(2500).compareTo(p.disposableIncomePerCapitaMonthly()));
        assertEquals(0, new BigDecimal("1.3").compareTo(p.specialHardshipMultiplier()));
        assertEquals(0, BigDecimal.valueOf(300).compareTo(p.careAllowance().get(CareLevel.PARTIAL)));
        assertEquals(0, BigDecimal.valueOf(800).compareTo(p.careAllowance().get(CareLevel.FULL)));
        assertEquals(0, BigDecimal.valueOf(6).compareTo(p.temporaryCapMonths()));
        assertEquals(0, new BigDecimal("0.7").compareTo(p.medicalRatio().get(Program.MINIMUM_LIVING_ALLOWANCE)));
        assertEquals(0, new BigDecimal("0.5").compareTo(p.medicalRatio().get(Program.RIGID_EXPENDITURE)));
        assertEquals(0, BigDecimal.valueOf(60_000).compareTo(p.medicalAnnualCap()));
        assertEquals(0, BigDecimal.valueOf(500).compareTo(p.education(Schooling.COLLEGE)));
        assertEquals(null, p.education(Schooling.PRESCHOOL));
        assertEquals(0, BigDecimal.valueOf(1405).compareTo(p.childSubsidyFamily()));
        assertEquals(0, BigDecimal.valueOf(2110).compareTo(p.childSubsidyInstitution()));
        assertEquals(0, BigDecimal.valueOf(300).compareTo(p.oldAgeAllowance(104)));
        assertEquals(80, p.advancedAge());
        assertEquals(60, p.retirementAge());
        ParameterSet zhejiang = catalog.parametersFor("330106", LocalDate.parse("2025-07-01"));
        assertEquals(0, new BigDecimal("2.0").compareTo(zhejiang.marginalMultiplier()));
        assertEquals(0, BigDecimal.valueOf(2490).compareTo(zhejiang.minimumWage()));
        assertEquals(0, BigDecimal.valueOf(6000).compareTo(zhejiang.disposableIncomePerCapitaMonthly()));
        assertEquals(Set.of("140105", "330106"), catalog.regionCodes());
    }

    @Test
    void refusesAnUnknownRegionOnRegionCode() {
        ProblemException problem = assertThrows(ProblemException.class,
                () -> catalog.parametersFor("110101", LocalDate.parse("2026-01-01")));
        assertEquals(422, problem.status());
        assertEquals("regionCode", problem.errors().get(0).field());
    }

    @Test
    void refusesADateBeforeTheFirstVersionOnAsOf() {
        ProblemException problem = assertThrows(ProblemException.class,
                () -> catalog.parametersFor("330106", LocalDate.parse("2024-06-30")));
        assertEquals(422, problem.status());
        assertEquals("asOf", problem.errors().get(0).field());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing-key    | programs/missing-key/999001.yaml, version 2025-01-01: missing parameter 'mlaStandard.RURAL'",
            "negative-value | programs/negative-value/999002.yaml, version 2025-01-01: parameter 'employmentDeduction' must not be negative, is -50",
            "unknown-key    | programs/unknown-key/999003.yaml, version 2024-07-01: unknown parameter 'assetMonth'",
            "missing-file   | programs/missing-file/999004.yaml: not found on the classpath"})
    void refusesBrokenParameterFilesNamingFileVersionAndKey(String folder, String problem) {
        InvalidParametersException e = assertThrows(InvalidParametersException.class,
                () -> ParameterCatalog.fromClasspath("programs/" + folder + "/regions.yaml"));
        assertTrue(e.problems().contains(problem), "expected «" + problem + "» among " + e.problems());
        assertTrue(e.getMessage().contains(problem));
    }

    @Test
    void requiresExactlyTheParametersOfTheSpecTable() {
        assertEquals(Set.of("mlaStandard.URBAN", "mlaStandard.RURAL", "employmentDeduction", "assetMonths",
                "marginalMultiplier", "minimumWage", "disposableIncomePerCapitaMonthly", "specialHardshipMultiplier",
                "careAllowance.SELF_CARE", "careAllowance.PARTIAL", "careAllowance.FULL", "temporaryCapMonths",
                "medicalRatio.SPECIAL_HARDSHIP", "medicalRatio.MLA", "medicalRatio.MARGINAL", "medicalRatio.RIGID",
                "medicalAnnualCap", "education.PRIMARY", "education.JUNIOR", "education.SENIOR",
                "education.VOCATIONAL", "education.COLLEGE", "disabilityLivingAllowance",
                "severeDisabilityCareAllowance", "childSubsidy.FAMILY", "childSubsidy.INSTITUTION", "oldAge.80",
                "oldAge.90", "oldAge.100", "retirementAge"), ParameterFiles.KEYS);
    }
}

package io.onestop.assistance.programs.eligibility;

import static io.onestop.assistance.programs.Households.applicant;
import static io.onestop.assistance.programs.Households.household;
import static io.onestop.assistance.programs.Households.member;
import static io.onestop.assistance.programs.ScreeningAssertions.assertContract;
import static io.onestop.assistance.programs.ScreeningAssertions.assertPrograms;
import static io.onestop.assistance.programs.ScreeningAssertions.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onestop.assistance.programs.ChangeNeeded;
import io.onestop.assistance.programs.Households;
import io.onestop.assistance.programs.Program;
import io.onestop.assistance.programs.Reason;
import io.onestop.assistance.programs.Relationship;
import io.onestop.assistance.programs.Schooling;
import io.onestop.assistance.programs.Screening;
import io.onestop.assistance.programs.ScreeningService;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The worked examples A, B and C of programs-spec.md (default region 140105, asOf 2026-11-22), field by field. */
class WorkedExamplesTest {

    private final ScreeningService service = Households.screeningService();

    @Test
    void exampleA_urbanCoupleWithChild_getsMlaEducationAndEmployment() {
        Screening screening = service.screen(household()
                .member(applicant(40).unemployed())
                .member(member(Relationship.SPOUSE, 38).earning(900))
                .member(member(Relationship.CHILD, 10).school(Schooling.PRIMARY))
                .homes(0)
                .build());

        assertEquals("140105", screening.regionCode());
        assertEquals(LocalDate.parse("2026-11-22"), screening.asOf());
        assertEquals("140105@2025-01-01", screening.parameterVersion());
        assertContract(screening);
        assertPrograms(screening,
                "MINIMUM_LIVING_ALLOWANCE    ELIGIBLE     1107 MONTH m1,m2,m3",
                "SPECIAL_HARDSHIP            NOT_ELIGIBLE 0    MONTH -",
                "MARGINAL_LOW_INCOME         NOT_ELIGIBLE 0    NONE  -",
                "RIGID_EXPENDITURE           NOT_ELIGIBLE 0    NONE  -",
                "TEMPORARY_ASSISTANCE        NOT_ELIGIBLE 0    ONCE  -",
                "MEDICAL_ASSISTANCE          NOT_ELIGIBLE 0    YEAR  -",
                "EDUCATION_ASSISTANCE        ELIGIBLE     100  MONTH m3",
                "HOUSING_ASSISTANCE          NOT_ELIGIBLE 0    NONE  -",
                "EMPLOYMENT_ASSISTANCE       ELIGIBLE     0    NONE  m1",
                "DISABILITY_LIVING_ALLOWANCE NOT_ELIGIBLE 0    MONTH -",
                "SEVERE_DISABILITY_CARE      NOT_ELIGIBLE 0    MONTH -",
                "CHILD_LIVING_SUBSIDY        NOT_ELIGIBLE 0    MONTH -",
                "OLD_AGE_ALLOWANCE           NOT_ELIGIBLE 0    MONTH -");

        Reason pci = reason(screening, Program.MINIMUM_LIVING_ALLOWANCE, "PCI_BELOW_STANDARD", null);
        assertTrue(pci.met());
        assertEquals(0, new BigDecimal("300").compareTo(pci.actual()));
        assertEquals(0, new BigDecimal("669").compareTo(pci.threshold()));
        assertEquals("家庭人均月收入 300 元，低于低保标准 669 元", pci.message().zh());
        // The child is not special hardship: others in the household can work.
        Reason others = reason(screening, Program.SPECIAL_HARDSHIP, "NO_OTHER_MEMBER_ABLE_TO_WORK", "m3");
        assertFalse(others.met());
        assertEquals(0, BigDecimal.valueOf(2).compareTo(others.actual()));
        // No event, so no temporary help.
        assertFalse(reason(screening, Program.TEMPORARY_ASSISTANCE, "SUDDEN_EVENT_WITHIN_90_DAYS", null).met());
    }

    @Test
    void exampleB_ruralElderlyDisabledAlone_getsSpecialHardshipAndBothDisabilityAllowances() {
        Screening screening = service.screen(household().rural()
                .member(applicant(72).retired().grade(2))
                .build());

        assertContract(screening);
        assertPrograms(screening,
                "MINIMUM_LIVING_ALLOWANCE    NOT_ELIGIBLE 0    MONTH -",
                "SPECIAL_HARDSHIP            ELIGIBLE     1522 MONTH m1",
                "MARGINAL_LOW_INCOME         NOT_ELIGIBLE 0    NONE  -",
                "RIGID_EXPENDITURE           NOT_ELIGIBLE 0    NONE  -",
                "TEMPORARY_ASSISTANCE        NOT_ELIGIBLE 0    ONCE  -",
                "MEDICAL_ASSISTANCE          NOT_ELIGIBLE 0    YEAR  -",
                "EDUCATION_ASSISTANCE        NOT_ELIGIBLE 0    MONTH -",
                "HOUSING_ASSISTANCE          NOT_ELIGIBLE 0    NONE  -",
                "EMPLOYMENT_ASSISTANCE       NOT_ELIGIBLE 0    NONE  -",
                "DISABILITY_LIVING_ALLOWANCE ELIGIBLE     90   MONTH m1",
                "SEVERE_DISABILITY_CARE      ELIGIBLE     90   MONTH m1",
                "CHILD_LIVING_SUBSIDY        NOT_ELIGIBLE 0    MONTH -",
                "OLD_AGE_ALLOWANCE           NOT_ELIGIBLE 0    MONTH -");

        // ceil(1.3 x 555) + 800 = 722 + 800: basic support plus the full-care allowance of grade 2.
        Reason amount = reason(screening, Program.SPECIAL_HARDSHIP, "SUPPORT_AMOUNT", "m1");
        assertEquals(0, BigDecimal.valueOf(1522).compareTo(amount.actual()));
        assertTrue(amount.message().zh().contains("722") && amount.message().zh().contains("全护理"));
        // MLA: no members left once the special-hardship member leaves the household.
        assertFalse(reason(screening, Program.MINIMUM_LIVING_ALLOWANCE, "NO_MEMBERS_LEFT", null).met());
    }

    @Test
    void exampleC_urbanCoupleOneEarner_isMarginalWithMedicalAssistance() {
        Screening screening = service.screen(household()
                .member(applicant(50).earning(1800))
                .member(member(Relationship.SPOUSE, 48))
                .medical(20_000)
                .build());

        assertContract(screening);
        assertPrograms(screening,
                "MINIMUM_LIVING_ALLOWANCE    NOT_ELIGIBLE 0     MONTH -",
                "SPECIAL_HARDSHIP            NOT_ELIGIBLE 0     MONTH -",
                "MARGINAL_LOW_INCOME         ELIGIBLE     0     NONE  m1,m2",
                "RIGID_EXPENDITURE           NOT_ELIGIBLE 0     NONE  -",
                "TEMPORARY_ASSISTANCE        NOT_ELIGIBLE 0     ONCE  -",
                "MEDICAL_ASSISTANCE          ELIGIBLE     12000 YEAR  m1,m2",
                "EDUCATION_ASSISTANCE        NOT_ELIGIBLE 0     MONTH -",
                "HOUSING_ASSISTANCE          NOT_ELIGIBLE 0     NONE  -",
                "EMPLOYMENT_ASSISTANCE       NOT_ELIGIBLE 0     NONE  -",
                "DISABILITY_LIVING_ALLOWANCE NOT_ELIGIBLE 0     MONTH -",
                "SEVERE_DISABILITY_CARE      NOT_ELIGIBLE 0     MONTH -",
                "CHILD_LIVING_SUBSIDY        NOT_ELIGIBLE 0     MONTH -",
                "OLD_AGE_ALLOWANCE           NOT_ELIGIBLE 0     MONTH -");

        Reason marginal = reason(screening, Program.MARGINAL_LOW_INCOME, "PCI_BELOW_MARGINAL_LINE", null);
        assertEquals(0, new BigDecimal("900").compareTo(marginal.actual()));
        assertEquals(0, new BigDecimal("1003.5").compareTo(marginal.threshold()));
        // RIGID: 3 holds, which comes first.
        assertFalse(reason(screening, Program.RIGID_EXPENDITURE, "NO_HIGHER_STATUS", null).met());
        // EMPLOYMENT: nobody unemployed.
        assertFalse(reason(screening, Program.EMPLOYMENT_ASSISTANCE, "UNEMPLOYED_MEMBER_ABLE_TO_WORK", null).met());

        // What would make the MLA: household income at most 1,337 (pci 668.50 < 669).
        ChangeNeeded income = result(screening, Program.MINIMUM_LIVING_ALLOWANCE).whatWouldChange().stream()
                .filter(c -> c.code().equals("PCI_BELOW_STANDARD")).findFirst().orElseThrow();
        assertEquals(0, BigDecimal.valueOf(1337).compareTo(income.target()));
        assertEquals("家庭月收入不超过 1,337 元", income.message().zh());
        assertEquals("household income at most 1,337 yuan a month", income.message().en());
    }

    static Reason reason(Screening screening, Program program, String code, String member) {
        return result(screening, program).reasons().stream()
                .filter(r -> r.code().equals(code) && (member == null || member.equals(r.member())))
                .findFirst().orElseThrow(() -> new AssertionError(program + " has no reason " + code));
    }
}

package io.onestop.assistance.programs.eligibility;

import static io.onestop.assistance.programs.Households.applicant;
import static io.onestop.assistance.programs.Households.household;
import static io.onestop.assistance.programs.Households.member;
import static io.onestop.assistance.programs.Relationship.CHILD;
import static io.onestop.assistance.programs.Relationship.GRANDCHILD;
import static io.onestop.assistance.programs.Relationship.SPOUSE;
import static io.onestop.assistance.programs.ScreeningAssertions.assertContract;
import static io.onestop.assistance.programs.ScreeningAssertions.assertPrograms;
import static io.onestop.assistance.programs.SuddenEventType.ACCIDENT;
import static io.onestop.assistance.programs.SuddenEventType.DEATH_OF_EARNER;
import static io.onestop.assistance.programs.SuddenEventType.DISASTER;
import static io.onestop.assistance.programs.SuddenEventType.FIRE;
import static io.onestop.assistance.programs.SuddenEventType.JOB_LOSS;
import static io.onestop.assistance.programs.SuddenEventType.SERIOUS_ILLNESS;

import io.onestop.assistance.programs.Households;
import io.onestop.assistance.programs.Housing;
import io.onestop.assistance.programs.Schooling;
import io.onestop.assistance.programs.Screening;
import io.onestop.assistance.programs.ScreeningService;
import io.onestop.assistance.programs.parameters.ParameterCatalog;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The boundaries of every program, one household per row with the expected verdicts and amounts
 * ({@code "PROGRAM VERDICT amount PERIOD [members] [URGENT]"}). Region 140105 (urban S = 669, rural S = 555) on
 * 2026-11-22 unless the row says otherwise; each row also passes the contract checks of {@link ScreeningAssertions}.
 */
class EligibilityBoundariesTest {

    private static final ScreeningService DEFAULT = Households.screeningService();
    /** Region 339999 of the test files: 330106's 2025 values, but a minimum wage of 2,000 below 2 x 1,084. */
    private static final ScreeningService CAPPED = new ScreeningService(
            ParameterCatalog.fromClasspath("programs/minimum-wage-cap/regions.yaml"), new EligibilityEngine(),
            Households.validator(), Clock.systemUTC());

    @ParameterizedTest(name = "{0}")
    @MethodSource("households")
    void screensAtTheBoundary(String behaviour, ScreeningService service, Households household, String[] expected) {
        Screening screening = service.screen(household.build());
        assertContract(screening);
        assertPrograms(screening, expected);
    }

    static Stream<Arguments> households() {
        return Stream.of(
                // 1. Minimum living allowance: pci < S (strictly), assets, vehicle, homes
                row("single without income gets the full standard",
                        household().member(applicant(40).unemployed()),
                        "MINIMUM_LIVING_ALLOWANCE ELIGIBLE 669 MONTH m1", "MARGINAL_LOW_INCOME NOT_ELIGIBLE 0 NONE -",
                        "EMPLOYMENT_ASSISTANCE ELIGIBLE 0 NONE m1"),
                row("pci 668 is below 669: top-up 1",
                        household().member(applicant(40).earning(668)),
                        "MINIMUM_LIVING_ALLOWANCE ELIGIBLE 1 MONTH m1"),
                row("pci exactly 669 is not below the standard",
                        household().member(applicant(40).earning(669)),
                        "MINIMUM_LIVING_ALLOWANCE NOT_ELIGIBLE 0 MONTH -", "MARGINAL_LOW_INCOME ELIGIBLE 0 NONE m1"),
                row("pci 668.99: the top-up of 0.01 is rounded up to 1",
                        household().member(applicant(40).earning("668.99")),
                        "MINIMUM_LIVING_ALLOWANCE ELIGIBLE 1 MONTH m1"),
                row("two members with 1,337: pci 668.50, top-up ceil(0.5 x 2)",
                        household().member(applicant(40).earning(1337)).member(member(SPOUSE, 40)),
                        "MINIMUM_LIVING_ALLOWANCE ELIGIBLE 1 MONTH m1,m2"),
                row("two members with 1,338: pci 669 is not below",
                        household().member(applicant(40).earning(1338)).member(member(SPOUSE, 40)),
                        "MINIMUM_LIVING_ALLOWANCE NOT_ELIGIBLE 0 MONTH -"),
                row("rural standard 555: 554 qualifies",
                        household().rural().member(applicant(40).earning(554)),
                        "MINIMUM_LIVING_ALLOWANCE ELIGIBLE 1 MONTH m1"),
                row("rural standard 555: 555 does not, marginal line 832.5 does",
                        household().rural().member(applicant(40).earning(555)),
                        "MINIMUM_LIVING_ALLOWANCE NOT_ELIGIBLE 0 MONTH -", "MARGINAL_LOW_INCOME ELIGIBLE 0 NONE m1"),
                row("assets exactly 24 months of the standard (16,056) per member",
                        household().member(applicant(40).unemployed()).financialAssets(16_056),
                        "MINIMUM_LIVING_ALLOWANCE ELIGIBLE 669 MONTH m1"),
                row("assets 16,057: one yuan over the MLA limit, within the marginal one",
                        household().member(applicant(40).unemployed()).financialAssets(16_057),
                        "MINIMUM_LIVING_ALLOWANCE NOT_ELIGIBLE 0 MONTH -", "MARGINAL_LOW_INCOME ELIGIBLE 0 NONE m1"),
                row("two members: asset limit 32,112",
                        household().member(applicant(40).unemployed()).member(member(SPOUSE, 38).unemployed())
                                .financialAssets(32_112),
                        "MINIMUM_LIVING_ALLOWANCE ELIGIBLE 1338 MONTH m1,m2", "EMPLOYMENT_ASSISTANCE ELIGIBLE 0 NONE m1,m2"),
                row("two members: 32,113 is over",
                        household().member(applicant(40).unemployed()).member(member(SPOUSE, 38).unemployed())
                                .financialAssets(32_113),
                        "MINIMUM_LIVING_ALLOWANCE NOT_ELIGIBLE 0 MONTH -"),
                row("a non-essential vehicle rules out MLA and marginal",
                        household().member(applicant(40).unemployed()).vehicles(1),
                        "MINIMUM_LIVING_ALLOWANCE NOT_ELIGIBLE 0 MONTH -", "MARGINAL_LOW_INCOME NOT_ELIGIBLE 0 NONE -",
                        "EMPLOYMENT_ASSISTANCE NOT_ELIGIBLE 0 NONE -"),
                row("two homes rule out MLA and marginal",
                        household().member(applicant(40).unemployed()).homes(2),
                        "MINIMUM_LIVING_ALLOWANCE NOT_ELIGIBLE 0 MONTH -", "MARGINAL_LOW_INCOME NOT_ELIGIBLE 0 NONE -"),
                row("no home at all is no obstacle",
                        household().member(applicant(40).unemployed()).homes(0),
                        "MINIMUM_LIVING_ALLOWANCE ELIGIBLE 669 MONTH m1"),

                // 3. Marginal: pci < min(1.5 x S, minimum wage), assets 36 months of S
                row("marginal: pci 1,003 is below the line of 1,003.5",
                        household().member(applicant(40).earning(1003)),
                        "MARGINAL_LOW_INCOME ELIGIBLE 0 NONE m1"),
                row("marginal: pci 1,003.49 is below the line",
                        household().member(applicant(40).earning("1003.49")),
                        "MARGINAL_LOW_INCOME ELIGIBLE 0 NONE m1"),
                row("marginal: pci exactly 1,003.5 is not",
                        household().member(applicant(40).earning("1003.5")),
                        "MARGINAL_LOW_INCOME NOT_ELIGIBLE 0 NONE -"),
                row("marginal: two members with 2,006 (pci 1,003)",
                        household().member(applicant(40).earning(2006)).member(member(SPOUSE, 40)),
                        "MARGINAL_LOW_INCOME ELIGIBLE 0 NONE m1,m2"),
                row("marginal: two members with 2,007 (pci 1,003.5)",
                        household().member(applicant(40).earning(2007)).member(member(SPOUSE, 40)),
                        "MARGINAL_LOW_INCOME NOT_ELIGIBLE 0 NONE -"),
                row("marginal: assets exactly 36 months of the standard (24,084)",
                        household().member(applicant(40).earning(800)).financialAssets(24_084),
                        "MARGINAL_LOW_INCOME ELIGIBLE 0 NONE m1"),
                row("marginal: assets 24,085",
                        household().member(applicant(40).earning(800)).financialAssets(24_085),
                        "MARGINAL_LOW_INCOME NOT_ELIGIBLE 0 NONE -"),

                // Zhejiang 330106 from 2025-07-01: S = 1,084 for both hukou, line min(2 x 1,084, 2,490) = 2,168
                row("330106: 1,083 is below 1,084",
                        household().region("330106").member(applicant(40).earning(1083)),
                        "MINIMUM_LIVING_ALLOWANCE ELIGIBLE 1 MONTH m1"),
                row("330106: rural hukou has the same standard",
                        household().region("330106").rural().member(applicant(40).earning(1083)),
                        "MINIMUM_LIVING_ALLOWANCE ELIGIBLE 1 MONTH m1"),
                row("330106: 1,084 is marginal",
                        household().region("330106").member(applicant(40).earning(1084)),
                        "MINIMUM_LIVING_ALLOWANCE NOT_ELIGIBLE 0 MONTH -", "MARGINAL_LOW_INCOME ELIGIBLE 0 NONE m1"),
                row("330106: 2,167 is below twice the standard",
                        household().region("330106").member(applicant(40).earning(2167)),
                        "MARGINAL_LOW_INCOME ELIGIBLE 0 NONE m1"),
                row("330106: 2,168 is not",
                        household().region("330106").member(applicant(40).earning(2168)),
                        "MARGINAL_LOW_INCOME NOT_ELIGIBLE 0 NONE -"),
                rowIn(CAPPED, "minimum wage 2,000 caps the marginal line below 2 x 1,084: 1,999 qualifies",
                        household().region("339999").member(applicant(40).earning(1999)),
                        "MARGINAL_LOW_INCOME ELIGIBLE 0 NONE m1"),
                rowIn(CAPPED, "minimum wage 2,000 caps the marginal line: 2,000 does not qualify",
                        household().region("339999").member(applicant(40).earning(2000)),
                        "MARGINAL_LOW_INCOME NOT_ELIGIBLE 0 NONE -"),

                // 4. Rigid expenditure: pci < 2,500 and (12 I - medical - education) / N / 12 < S
                row("rigid: (24,000 - 15,973) / 12 = 668.92 < 669 opens temporary and medical help",
                        household().member(applicant(40).earning(2000)).medical(15_973),
                        "RIGID_EXPENDITURE ELIGIBLE 0 NONE m1", "TEMPORARY_ASSISTANCE POSSIBLY_ELIGIBLE 2007 ONCE m1",
                        "MEDICAL_ASSISTANCE ELIGIBLE 7987 YEAR m1"),
                row("rigid: (24,000 - 15,972) / 12 = 669 is not below",
                        household().member(applicant(40).earning(2000)).medical(15_972),
                        "RIGID_EXPENDITURE NOT_ELIGIBLE 0 NONE -", "TEMPORARY_ASSISTANCE NOT_ELIGIBLE 0 ONCE -",
                        "MEDICAL_ASSISTANCE NOT_ELIGIBLE 0 YEAR -"),
                row("rigid: education spending counts with medical",
                        household().member(applicant(40).earning(2000)).medical(10_000).educationSpending(5_973),
                        "RIGID_EXPENDITURE ELIGIBLE 0 NONE m1", "MEDICAL_ASSISTANCE ELIGIBLE 5000 YEAR m1"),
                row("rigid: pci exactly the disposable income 2,500 is not below",
                        household().member(applicant(40).earning(2500)).medical(100_000),
                        "RIGID_EXPENDITURE NOT_ELIGIBLE 0 NONE -", "MEDICAL_ASSISTANCE NOT_ELIGIBLE 0 YEAR -"),
                row("rigid: pci 2,499 with heavy medical costs",
                        household().member(applicant(40).earning(2499)).medical(30_000),
                        "RIGID_EXPENDITURE ELIGIBLE 0 NONE m1", "MEDICAL_ASSISTANCE ELIGIBLE 15000 YEAR m1"),
                row("rigid, two members: (36,000 - 19,945) / 24 = 668.96",
                        household().member(applicant(40).earning(3000)).member(member(SPOUSE, 40)).medical(19_945),
                        "MARGINAL_LOW_INCOME NOT_ELIGIBLE 0 NONE -", "RIGID_EXPENDITURE ELIGIBLE 0 NONE m1,m2"),
                row("rigid, two members: (36,000 - 19,944) / 24 = 669",
                        household().member(applicant(40).earning(3000)).member(member(SPOUSE, 40)).medical(19_944),
                        "RIGID_EXPENDITURE NOT_ELIGIBLE 0 NONE -"),
                row("rigid in 330106: disposable income 6,000, temporary 6 x 1,084 / 2",
                        household().region("330106").member(applicant(40).earning(5000)).medical(50_000),
                        "MARGINAL_LOW_INCOME NOT_ELIGIBLE 0 NONE -", "RIGID_EXPENDITURE ELIGIBLE 0 NONE m1",
                        "TEMPORARY_ASSISTANCE POSSIBLY_ELIGIBLE 3252 ONCE m1"),
                row("rigid is not for a marginal household (3 comes first)",
                        household().member(applicant(40).earning(900)).medical(20_000),
                        "MARGINAL_LOW_INCOME ELIGIBLE 0 NONE m1", "RIGID_EXPENDITURE NOT_ELIGIBLE 0 NONE -",
                        "MEDICAL_ASSISTANCE ELIGIBLE 12000 YEAR m1"),

                // 6. Medical: ratio of the best status, capped at 60,000 a year
                row("medical: MLA pays 70%",
                        household().member(applicant(40).unemployed()).medical(1000),
                        "MEDICAL_ASSISTANCE ELIGIBLE 700 YEAR m1"),
                row("medical: 70% of 100,000 is capped at 60,000",
                        household().member(applicant(40).unemployed()).medical(100_000),
                        "MEDICAL_ASSISTANCE ELIGIBLE 60000 YEAR m1"),
                row("medical: special hardship pays 100%",
                        household().member(applicant(72).retired()).medical(5000),
                        "SPECIAL_HARDSHIP ELIGIBLE 870 MONTH m1", "MEDICAL_ASSISTANCE ELIGIBLE 5000 YEAR m1"),
                row("medical: no assistance status, no medical assistance",
                        household().member(applicant(40).earning(3000)).medical(5000),
                        "MEDICAL_ASSISTANCE NOT_ELIGIBLE 0 YEAR -"),
                row("medical: an MLA household without medical costs",
                        household().member(applicant(40).unemployed()),
                        "MEDICAL_ASSISTANCE NOT_ELIGIBLE 0 YEAR -"),

                // 2. Special hardship: category, no capacity, own income < S, no supporter, nobody else able
                row("aged exactly 60 alone without income: ceil(1.3 x 669) = 870, self-care",
                        household().member(applicant(60).retired()),
                        "SPECIAL_HARDSHIP ELIGIBLE 870 MONTH m1", "MINIMUM_LIVING_ALLOWANCE NOT_ELIGIBLE 0 MONTH -"),
                row("aged 59 can still work: MLA, not special hardship",
                        household().member(applicant(59).unemployed()),
                        "SPECIAL_HARDSHIP NOT_ELIGIBLE 0 MONTH -", "MINIMUM_LIVING_ALLOWANCE ELIGIBLE 669 MONTH m1",
                        "EMPLOYMENT_ASSISTANCE ELIGIBLE 0 NONE m1"),
                row("aged exactly 80: partial care 300 and old-age allowance",
                        household().member(applicant(80).retired()),
                        "SPECIAL_HARDSHIP ELIGIBLE 1170 MONTH m1", "OLD_AGE_ALLOWANCE ELIGIBLE 50 MONTH m1"),
                row("aged 79: self-care, no old-age allowance",
                        household().member(applicant(79).retired()),
                        "SPECIAL_HARDSHIP ELIGIBLE 870 MONTH m1", "OLD_AGE_ALLOWANCE NOT_ELIGIBLE 0 MONTH -"),
                row("an able supporter rules out special hardship; MLA instead",
                        household().member(applicant(72).retired()).ableSupporter(),
                        "SPECIAL_HARDSHIP NOT_ELIGIBLE 0 MONTH -", "MINIMUM_LIVING_ALLOWANCE ELIGIBLE 669 MONTH m1"),
                row("own income exactly the standard: neither special hardship nor MLA",
                        household().member(applicant(72).otherIncome(669)),
                        "SPECIAL_HARDSHIP NOT_ELIGIBLE 0 MONTH -", "MINIMUM_LIVING_ALLOWANCE NOT_ELIGIBLE 0 MONTH -",
                        "MARGINAL_LOW_INCOME ELIGIBLE 0 NONE m1"),
                row("own income 668 is below the standard",
                        household().member(applicant(72).otherIncome(668)),
                        "SPECIAL_HARDSHIP ELIGIBLE 870 MONTH m1"),
                row("elderly parent with a son able to work: MLA for both",
                        household().member(applicant(70).retired()).member(member(CHILD, 40).unemployed()),
                        "SPECIAL_HARDSHIP NOT_ELIGIBLE 0 MONTH -", "MINIMUM_LIVING_ALLOWANCE ELIGIBLE 1338 MONTH m1,m2",
                        "EMPLOYMENT_ASSISTANCE ELIGIBLE 0 NONE m2"),
                row("elderly couple: both special hardship, nobody left for MLA",
                        household().member(applicant(70).retired()).member(member(SPOUSE, 68).retired()),
                        "SPECIAL_HARDSHIP ELIGIBLE 1740 MONTH m1,m2", "MINIMUM_LIVING_ALLOWANCE NOT_ELIGIBLE 0 MONTH -",
                        "MARGINAL_LOW_INCOME NOT_ELIGIBLE 0 NONE -", "RIGID_EXPENDITURE NOT_ELIGIBLE 0 NONE -"),
                row("disability grade 2 at 40: special hardship with full care",
                        household().member(applicant(40).grade(2)),
                        "SPECIAL_HARDSHIP ELIGIBLE 1670 MONTH m1", "SEVERE_DISABILITY_CARE ELIGIBLE 90 MONTH m1",
                        "DISABILITY_LIVING_ALLOWANCE ELIGIBLE 90 MONTH m1", "MINIMUM_LIVING_ALLOWANCE NOT_ELIGIBLE 0 MONTH -"),
                row("disability grade 3 at 40 can work: MLA and disability living allowance only",
                        household().member(applicant(40).grade(3).unemployed()),
                        "SPECIAL_HARDSHIP NOT_ELIGIBLE 0 MONTH -", "MINIMUM_LIVING_ALLOWANCE ELIGIBLE 669 MONTH m1",
                        "DISABILITY_LIVING_ALLOWANCE ELIGIBLE 90 MONTH m1", "SEVERE_DISABILITY_CARE NOT_ELIGIBLE 0 MONTH -",
                        "EMPLOYMENT_ASSISTANCE ELIGIBLE 0 NONE m1"),
                row("seriously ill at 70: full care",
                        household().member(applicant(70).seriouslyIll()),
                        "SPECIAL_HARDSHIP ELIGIBLE 1670 MONTH m1"),
                row("aged 15 alone: a minor is special hardship",
                        household().member(applicant(15)),
                        "SPECIAL_HARDSHIP ELIGIBLE 870 MONTH m1", "MINIMUM_LIVING_ALLOWANCE NOT_ELIGIBLE 0 MONTH -"),
                row("aged exactly 16 out of school can work",
                        household().member(applicant(16).unemployed()),
                        "SPECIAL_HARDSHIP NOT_ELIGIBLE 0 MONTH -", "MINIMUM_LIVING_ALLOWANCE ELIGIBLE 669 MONTH m1",
                        "EMPLOYMENT_ASSISTANCE ELIGIBLE 0 NONE m1"),
                row("aged 16 in senior school: cannot work, but no longer a minor under 16",
                        household().member(applicant(16).school(Schooling.SENIOR)),
                        "SPECIAL_HARDSHIP NOT_ELIGIBLE 0 MONTH -", "MINIMUM_LIVING_ALLOWANCE ELIGIBLE 669 MONTH m1",
                        "EDUCATION_ASSISTANCE ELIGIBLE 200 MONTH m1", "EMPLOYMENT_ASSISTANCE NOT_ELIGIBLE 0 NONE -"),
                row("a special-hardship member leaves the MLA household with no income of their own",
                        household().member(applicant(72).retired()).member(member(SPOUSE, 65).otherIncome(1000)),
                        "SPECIAL_HARDSHIP ELIGIBLE 870 MONTH m1", "MINIMUM_LIVING_ALLOWANCE NOT_ELIGIBLE 0 MONTH -",
                        "MARGINAL_LOW_INCOME ELIGIBLE 0 NONE m2"),
                row("grandparent special hardship, orphaned grandchild on the child subsidy and MLA",
                        household().member(applicant(70).retired())
                                .member(member(GRANDCHILD, 10).school(Schooling.PRIMARY).parentsUnableToRaise()),
                        "CHILD_LIVING_SUBSIDY ELIGIBLE 1405 MONTH m2", "SPECIAL_HARDSHIP ELIGIBLE 870 MONTH m1",
                        "MINIMUM_LIVING_ALLOWANCE ELIGIBLE 669 MONTH m2", "EDUCATION_ASSISTANCE ELIGIBLE 100 MONTH m2"),

                // 12. Child living subsidy: under 18, parents unable to raise; excludes special hardship
                row("orphan aged 17 in senior school",
                        household().member(applicant(17).school(Schooling.SENIOR).parentsUnableToRaise()),
                        "CHILD_LIVING_SUBSIDY ELIGIBLE 1405 MONTH m1", "EDUCATION_ASSISTANCE ELIGIBLE 200 MONTH m1"),
                row("aged exactly 18: no longer a child",
                        household().member(applicant(18).school(Schooling.COLLEGE).parentsUnableToRaise()),
                        "CHILD_LIVING_SUBSIDY NOT_ELIGIBLE 0 MONTH -"),
                row("a child on the child subsidy is not counted as special hardship",
                        household().member(applicant(10).school(Schooling.PRIMARY).parentsUnableToRaise()),
                        "CHILD_LIVING_SUBSIDY ELIGIBLE 1405 MONTH m1", "SPECIAL_HARDSHIP NOT_ELIGIBLE 0 MONTH -",
                        "MINIMUM_LIVING_ALLOWANCE ELIGIBLE 669 MONTH m1"),
                row("a child whose parents can raise them gets no subsidy",
                        household().member(applicant(35).unemployed()).member(member(CHILD, 8).school(Schooling.PRIMARY)),
                        "CHILD_LIVING_SUBSIDY NOT_ELIGIBLE 0 MONTH -", "SPECIAL_HARDSHIP NOT_ELIGIBLE 0 MONTH -"),

                // 5. Temporary assistance: event 0-90 days, urgent types within 7 days
                row("fire 7 days ago: urgent, loss paid",
                        household().member(applicant(40).earning(5000)).event(FIRE, 7, 3000),
                        "TEMPORARY_ASSISTANCE POSSIBLY_ELIGIBLE 3000 ONCE m1 URGENT"),
                row("fire 8 days ago: no longer urgent",
                        household().member(applicant(40).earning(5000)).event(FIRE, 8, 3000),
                        "TEMPORARY_ASSISTANCE POSSIBLY_ELIGIBLE 3000 ONCE m1"),
                row("job loss today is never urgent",
                        household().member(applicant(40).unemployed()).event(JOB_LOSS, 0, 2000),
                        "TEMPORARY_ASSISTANCE POSSIBLY_ELIGIBLE 2000 ONCE m1"),
                row("accident exactly 90 days ago still counts",
                        household().member(applicant(40).earning(5000)).event(ACCIDENT, 90, 1000),
                        "TEMPORARY_ASSISTANCE POSSIBLY_ELIGIBLE 1000 ONCE m1"),
                row("accident 91 days ago does not",
                        household().member(applicant(40).earning(5000)).event(ACCIDENT, 91, 1000),
                        "TEMPORARY_ASSISTANCE NOT_ELIGIBLE 0 ONCE -"),
                row("a loss above six months of the standard is capped at 4,014",
                        household().member(applicant(40).earning(5000)).event(DISASTER, 1, 10_000),
                        "TEMPORARY_ASSISTANCE POSSIBLY_ELIGIBLE 4014 ONCE m1 URGENT"),
                row("serious illness is not an urgent type",
                        household().member(applicant(40).earning(5000)).event(SERIOUS_ILLNESS, 3, 2000),
                        "TEMPORARY_ASSISTANCE POSSIBLY_ELIGIBLE 2000 ONCE m1"),
                row("death of the earner today is urgent",
                        household().member(applicant(40).earning(5000)).member(member(CHILD, 12))
                                .event(DEATH_OF_EARNER, 0, 8000),
                        "TEMPORARY_ASSISTANCE POSSIBLY_ELIGIBLE 4014 ONCE m1,m2 URGENT"),
                row("rural household: cap 6 x 555",
                        household().rural().member(applicant(40).earning(5000)).event(FIRE, 2, 9000),
                        "TEMPORARY_ASSISTANCE POSSIBLY_ELIGIBLE 3330 ONCE m1 URGENT"),

                // 7. Education: assisted household, per student by level
                row("MLA household with a junior-school pupil",
                        household().member(applicant(40).unemployed()).member(member(CHILD, 13).school(Schooling.JUNIOR)),
                        "MINIMUM_LIVING_ALLOWANCE ELIGIBLE 1338 MONTH m1,m2", "EDUCATION_ASSISTANCE ELIGIBLE 125 MONTH m2"),
                row("marginal household with a college student",
                        household().member(applicant(45).earning(1500)).member(member(CHILD, 19).school(Schooling.COLLEGE)),
                        "MARGINAL_LOW_INCOME ELIGIBLE 0 NONE m1,m2", "EDUCATION_ASSISTANCE ELIGIBLE 500 MONTH m2"),
                row("preschool is not covered",
                        household().member(applicant(30).unemployed()).member(member(CHILD, 5).school(Schooling.PRESCHOOL)),
                        "EDUCATION_ASSISTANCE NOT_ELIGIBLE 0 MONTH -"),
                row("a pupil in a household without assistance status",
                        household().member(applicant(40).earning(5000)).member(member(CHILD, 10).school(Schooling.PRIMARY)),
                        "EDUCATION_ASSISTANCE NOT_ELIGIBLE 0 MONTH -"),
                row("primary and vocational pupils add up",
                        household().member(applicant(40).unemployed()).member(member(CHILD, 12).school(Schooling.PRIMARY))
                                .member(member(CHILD, 16).school(Schooling.VOCATIONAL)),
                        "EDUCATION_ASSISTANCE ELIGIBLE 300 MONTH m2,m3"),

                // 8. Housing: assisted (1-3) and renting or dilapidated
                row("MLA household renting",
                        household().member(applicant(40).unemployed()).homes(0).housing(Housing.NO_HOME_RENTING),
                        "HOUSING_ASSISTANCE POSSIBLY_ELIGIBLE 0 NONE m1"),
                row("marginal household in a dilapidated house",
                        household().member(applicant(40).earning(800)).housing(Housing.DILAPIDATED),
                        "HOUSING_ASSISTANCE POSSIBLY_ELIGIBLE 0 NONE m1"),
                row("renting without assistance status",
                        household().member(applicant(40).earning(5000)).homes(0).housing(Housing.NO_HOME_RENTING),
                        "HOUSING_ASSISTANCE NOT_ELIGIBLE 0 NONE -"),
                row("rigid expenditure does not open housing assistance",
                        household().member(applicant(40).earning(2000)).medical(20_000).housing(Housing.NO_HOME_RENTING),
                        "RIGID_EXPENDITURE ELIGIBLE 0 NONE m1", "HOUSING_ASSISTANCE NOT_ELIGIBLE 0 NONE -"),

                // 9. Employment: MLA or marginal, an unemployed member able to work
                row("unemployed at 60 cannot work: no employment assistance",
                        household().member(applicant(60).unemployed()).member(member(SPOUSE, 50).earning(600)),
                        "MINIMUM_LIVING_ALLOWANCE ELIGIBLE 738 MONTH m1,m2", "EMPLOYMENT_ASSISTANCE NOT_ELIGIBLE 0 NONE -"),
                row("unemployed but seriously ill cannot work",
                        household().member(applicant(40).unemployed().seriouslyIll()),
                        "MINIMUM_LIVING_ALLOWANCE ELIGIBLE 669 MONTH m1", "EMPLOYMENT_ASSISTANCE NOT_ELIGIBLE 0 NONE -"),
                row("marginal household with an unemployed spouse",
                        household().member(applicant(40).earning(1600)).member(member(SPOUSE, 40).unemployed()),
                        "MARGINAL_LOW_INCOME ELIGIBLE 0 NONE m1,m2", "EMPLOYMENT_ASSISTANCE ELIGIBLE 0 NONE m2"),

                // 10, 11. Disability allowances
                row("grade 3 without assistance status: neither allowance",
                        household().member(applicant(40).earning(5000).grade(3)),
                        "DISABILITY_LIVING_ALLOWANCE NOT_ELIGIBLE 0 MONTH -", "SEVERE_DISABILITY_CARE NOT_ELIGIBLE 0 MONTH -"),
                row("grade 2 gets the care allowance whatever the income",
                        household().member(applicant(40).earning(5000).grade(2)),
                        "SEVERE_DISABILITY_CARE ELIGIBLE 90 MONTH m1", "DISABILITY_LIVING_ALLOWANCE NOT_ELIGIBLE 0 MONTH -",
                        "SPECIAL_HARDSHIP NOT_ELIGIBLE 0 MONTH -"),
                row("grades 4 and 1 in an MLA household",
                        household().member(applicant(40).unemployed().grade(4)).member(member(SPOUSE, 38).grade(1)),
                        "SPECIAL_HARDSHIP NOT_ELIGIBLE 0 MONTH -", "MINIMUM_LIVING_ALLOWANCE ELIGIBLE 1338 MONTH m1,m2",
                        "DISABILITY_LIVING_ALLOWANCE ELIGIBLE 180 MONTH m1,m2", "SEVERE_DISABILITY_CARE ELIGIBLE 90 MONTH m2"),

                // 13. Old-age allowance by band
                row("aged 89: band 80-89",
                        household().member(applicant(89).otherIncome(3000)), "OLD_AGE_ALLOWANCE ELIGIBLE 50 MONTH m1"),
                row("aged exactly 90: band 90-99",
                        household().member(applicant(90).otherIncome(3000)), "OLD_AGE_ALLOWANCE ELIGIBLE 100 MONTH m1"),
                row("aged 99: band 90-99",
                        household().member(applicant(99).otherIncome(3000)), "OLD_AGE_ALLOWANCE ELIGIBLE 100 MONTH m1"),
                row("aged exactly 100: band 100 and over",
                        household().member(applicant(100).otherIncome(3000)), "OLD_AGE_ALLOWANCE ELIGIBLE 300 MONTH m1"),
                row("a couple aged 85 and 92",
                        household().member(applicant(85).otherIncome(3000)).member(member(SPOUSE, 92).otherIncome(3000)),
                        "OLD_AGE_ALLOWANCE ELIGIBLE 150 MONTH m1,m2"),

                // Parameters change by effective date
                row("140105 on 2024-12-31: urban standard 630, so 650 is only marginal",
                        household().asOf("2024-12-31").member(applicant(40).earning(650)),
                        "MINIMUM_LIVING_ALLOWANCE NOT_ELIGIBLE 0 MONTH -", "MARGINAL_LOW_INCOME ELIGIBLE 0 NONE m1"),
                row("140105 on 2025-01-01: urban standard 669, so 650 tops up by 19",
                        household().asOf("2025-01-01").member(applicant(40).earning(650)),
                        "MINIMUM_LIVING_ALLOWANCE ELIGIBLE 19 MONTH m1"),
                row("140105 on 2024-12-31: rural standard 520",
                        household().asOf("2024-12-31").rural().member(applicant(40).earning(519)),
                        "MINIMUM_LIVING_ALLOWANCE ELIGIBLE 1 MONTH m1"),
                row("330106 on 2025-06-30: standard 1,050, so 1,060 is not MLA",
                        household().region("330106").asOf("2025-06-30").member(applicant(40).earning(1060)),
                        "MINIMUM_LIVING_ALLOWANCE NOT_ELIGIBLE 0 MONTH -"),
                row("330106 on 2025-07-01: standard 1,084, so 1,060 tops up by 24",
                        household().region("330106").asOf("2025-07-01").member(applicant(40).earning(1060)),
                        "MINIMUM_LIVING_ALLOWANCE ELIGIBLE 24 MONTH m1"));
    }

    private static Arguments row(String behaviour, Households household, String... expected) {
        return rowIn(DEFAULT, behaviour, household, expected);
    }

    private static Arguments rowIn(ScreeningService service, String behaviour, Households household,
            String... expected) {
        return Arguments.of(behaviour, service, household, expected);
    }
}

package io.onestop.assistance.programs;

import static io.onestop.assistance.programs.Households.applicant;
import static io.onestop.assistance.programs.Households.household;
import static io.onestop.assistance.programs.Households.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onestop.assistance.common.FieldProblem;
import io.onestop.assistance.common.ProblemException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** An invalid household is a 422 naming the field by its JSON path; nothing invalid reaches the rules. */
class ScreeningValidationTest {

    private final ScreeningService service = Households.screeningService();

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidHouseholds")
    void refusesInvalidHouseholdNamingTheField(String behaviour, Household household, String field) {
        ProblemException problem = assertThrows(ProblemException.class, () -> service.screen(household));
        assertEquals(422, problem.status());
        assertTrue(problem.errors().stream().map(FieldProblem::field).anyMatch(field::equals),
                "expected an error on " + field + ", got " + problem.errors());
    }

    static Stream<Arguments> invalidHouseholds() {
        Household valid = household().member(applicant(40).unemployed()).member(member(Relationship.CHILD, 10)).build();
        return Stream.of(
                invalid("no APPLICANT", change(valid, 0, m -> withRelationship(m, Relationship.SPOUSE)), "members"),
                invalid("two APPLICANTs", change(valid, 1, m -> withRelationship(m, Relationship.APPLICANT)),
                        "members[1].relationship"),
                invalid("negative income", change(valid, 1, m -> withIncome(m, new BigDecimal("-1"))),
                        "members[1].monthlyIncome"),
                invalid("income with an absurd exponent", change(valid, 0,
                        m -> withIncome(m, new BigDecimal("1E+999999999"))), "members[0].monthlyIncome"),
                invalid("income with fractions of a fen", change(valid, 0, m -> withIncome(m, new BigDecimal("1.001"))),
                        "members[0].monthlyIncome"),
                invalid("negative financial assets", new Household(valid.regionCode(), valid.hukou(), valid.asOf(),
                        valid.members(), new Assets(new BigDecimal("-5"), 0, 1), valid.rigidExpenditure12m(),
                        false, valid.housing(), null), "assets.financialAssets"),
                invalid("negative vehicles", new Household(valid.regionCode(), valid.hukou(), valid.asOf(),
                        valid.members(), new Assets(BigDecimal.ZERO, -1, 1), valid.rigidExpenditure12m(),
                        false, valid.housing(), null), "assets.nonEssentialVehicles"),
                invalid("negative medical costs", new Household(valid.regionCode(), valid.hukou(), valid.asOf(),
                        valid.members(), valid.assets(), new RigidExpenditure(new BigDecimal("-1"), BigDecimal.ZERO),
                        false, valid.housing(), null), "rigidExpenditure12m.medical"),
                invalid("birth date after asOf", change(valid, 1, m -> withBirthDate(m, valid.asOf().plusDays(1))),
                        "members[1].birthDate"),
                invalid("birth date 131 years before asOf", change(valid, 1,
                        m -> withBirthDate(m, valid.asOf().minusYears(131))), "members[1].birthDate"),
                invalid("sudden event after asOf", household().member(applicant(40))
                        .event(SuddenEventType.FIRE, -1, 100).build(), "suddenEvent.date"),
                invalid("sudden event without a type", new Household(valid.regionCode(), valid.hukou(), valid.asOf(),
                        valid.members(), valid.assets(), valid.rigidExpenditure12m(), false, valid.housing(),
                        new SuddenEvent(null, valid.asOf(), BigDecimal.ONE)), "suddenEvent.type"),
                invalid("31 members", withMembers(valid, 31), "members"),
                invalid("no members", withMembers(valid, 0), "members"),
                invalid("disability grade 5", change(valid, 0, m -> withGrade(m, 5)), "members[0].disabilityGrade"),
                invalid("disability grade 0", change(valid, 0, m -> withGrade(m, 0)), "members[0].disabilityGrade"),
                invalid("member without id", change(valid, 1, m -> withId(m, null)), "members[1].id"),
                invalid("blank member id", change(valid, 1, m -> withId(m, " ")), "members[1].id"),
                invalid("duplicate member id", change(valid, 1, m -> withId(m, "m1")), "members[1].id"),
                invalid("region code of 5 digits", household().region("14010").member(applicant(40)).build(),
                        "regionCode"),
                invalid("region code with letters", household().region("14O105").member(applicant(40)).build(),
                        "regionCode"),
                invalid("region without parameters", household().region("110101").member(applicant(40)).build(),
                        "regionCode"),
                invalid("asOf before the first parameters of the region",
                        household().asOf("2024-06-30").member(applicant(40)).build(), "asOf"),
                invalid("missing hukou", new Household(valid.regionCode(), null, valid.asOf(), valid.members(),
                        valid.assets(), valid.rigidExpenditure12m(), false, valid.housing(), null), "hukou"),
                invalid("missing assets", new Household(valid.regionCode(), valid.hukou(), valid.asOf(),
                        valid.members(), null, valid.rigidExpenditure12m(), false, valid.housing(), null), "assets"),
                invalid("missing hasAbleSupporter", new Household(valid.regionCode(), valid.hukou(), valid.asOf(),
                        valid.members(), valid.assets(), valid.rigidExpenditure12m(), null, valid.housing(), null),
                        "hasAbleSupporter"),
                invalid("missing birth date", change(valid, 0, m -> withBirthDate(m, null)), "members[0].birthDate"),
                invalid("a null member", withMember(valid, null), "members[2]"));
    }

    @Test
    void defaultsAsOfToTodayInChina() {
        Screening screening = service.screen(household().asOf(null).member(applicant(40).unemployed()).build());
        assertEquals(Households.AS_OF, screening.asOf());
        assertEquals("140105@2025-01-01", screening.parameterVersion());
    }

    @Test
    void acceptsTheFirstDayOfTheFirstParameters() {
        Screening screening = service.screen(household().asOf("2024-07-01").member(applicant(40)).build());
        assertEquals("140105@2024-07-01", screening.parameterVersion());
    }

    @Test
    void acceptsThirtyMembersAndABirthOnTheDayOfEvaluation() {
        Household thirty = withMembers(household().member(applicant(40)).build(), 30);
        Household newborn = change(thirty, 29, m -> withBirthDate(m, Households.AS_OF));
        assertEquals(13, service.screen(newborn).programs().size());
    }

    @Test
    void refusesAMissingBodyAsBadRequest() {
        assertEquals(400, assertThrows(ProblemException.class, () -> service.screen(null)).status());
    }

    @Test
    void perCapitaIncomeCountsTheWholeHousehold() {
        Household household = household().member(applicant(72).retired())
                .member(member(Relationship.SPOUSE, 65).otherIncome(1000)).build();
        assertEquals(new BigDecimal("500.00"), service.perCapitaIncome(household));
    }

    private static Arguments invalid(String behaviour, Household household, String field) {
        return Arguments.of(behaviour, household, field);
    }

    private static Household change(Household household, int index, UnaryOperator<HouseholdMember> change) {
        List<HouseholdMember> members = new ArrayList<>(household.members());
        members.set(index, change.apply(members.get(index)));
        return withMembers(household, members);
    }

    private static Household withMembers(Household household, int count) {
        List<HouseholdMember> members = new ArrayList<>();
        HouseholdMember first = household.members().get(0);
        for (int i = 0; i < count; i++) {
            members.add(i == 0 ? first : withRelationship(withId(first, "m" + (i + 1)), Relationship.OTHER));
        }
        return withMembers(household, members);
    }

    private static Household withMember(Household household, HouseholdMember extra) {
        List<HouseholdMember> members = new ArrayList<>(household.members());
        members.add(extra);
        return withMembers(household, members);
    }

    private static Household withMembers(Household h, List<HouseholdMember> members) {
        return new Household(h.regionCode(), h.hukou(), h.asOf(), members, h.assets(), h.rigidExpenditure12m(),
                h.hasAbleSupporter(), h.housing(), h.suddenEvent());
    }

    private static HouseholdMember withRelationship(HouseholdMember m, Relationship relationship) {
        return new HouseholdMember(m.id(), relationship, m.birthDate(), m.disabilityGrade(), m.seriousIllness(),
                m.schooling(), m.employment(), m.monthlyIncome(), m.parentsUnableToRaise());
    }

    private static HouseholdMember withIncome(HouseholdMember m, BigDecimal income) {
        return new HouseholdMember(m.id(), m.relationship(), m.birthDate(), m.disabilityGrade(), m.seriousIllness(),
                m.schooling(), m.employment(), income, m.parentsUnableToRaise());
    }

    private static HouseholdMember withBirthDate(HouseholdMember m, LocalDate birthDate) {
        return new HouseholdMember(m.id(), m.relationship(), birthDate, m.disabilityGrade(), m.seriousIllness(),
                m.schooling(), m.employment(), m.monthlyIncome(), m.parentsUnableToRaise());
    }

    private static HouseholdMember withGrade(HouseholdMember m, Integer grade) {
        return new HouseholdMember(m.id(), m.relationship(), m.birthDate(), grade, m.seriousIllness(), m.schooling(),
                m.employment(), m.monthlyIncome(), m.parentsUnableToRaise());
    }

    private static HouseholdMember withId(HouseholdMember m, String id) {
        return new HouseholdMember(id, m.relationship(), m.birthDate(), m.disabilityGrade(), m.seriousIllness(),
                m.schooling(), m.employment(), m.monthlyIncome(), m.parentsUnableToRaise());
    }
}
